import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { parse } from 'yaml';
import type { ImportedProduct } from '../../core/import/errors.js';
import { writeProductFolder } from '../../io/write-product.js';
import { action } from '../action.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { printJson } from '../render.js';

interface ImportOptions {
  out?: string;
  select?: string[];
  domain?: string;
  force?: boolean;
  json?: boolean;
}

interface Folder extends ImportedProduct {
  releases?: { version: string; descriptor: Record<string, unknown>; contracts: Record<string, unknown> }[];
}

export function registerImportCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('import')
    .description('write product folders from an ODCS v3 data contract or a dbt manifest.json')
    .argument('<kind>', 'odcs | dbt')
    .argument('<file>', 'the ODCS YAML/JSON file, or dbt target/manifest.json')
    .option('--out <dir>', 'where product folders go: <out>/<domain>/<product>/ (default: the current folder)')
    .option('--select <models...>', 'dbt: model names, tag:<t>, group:<g>, access:<a> (default: every model)')
    .option(
      '--domain <domain>',
      'the domain of products whose source names none (ODCS without domain; dbt models in no group)',
    )
    .option('--force', 'overwrite existing dataproduct.yaml files')
    .option('--json', 'print one JSON document on stdout')
    .addHelpText(
      'after',
      '\ndbt: one product per model (versions of a versioned model are product versions; earlier ones under releases/),\ncontract from the columns, quality rules from unique/not_null/accepted_values/relationships tests,\ninputs from depends_on, field lineage from column meta.lineage (<model>.<column>).\nExamples:\n  dmesh import odcs orders.odcs.yaml --out domains\n  dmesh import dbt target/manifest.json --select group:finance --out domains',
    )
    .action(
      action(io, 'import', done, (kind: string, file: string, options: ImportOptions) =>
        runImport(kind, file, options, io),
      ),
    );
}

async function runImport(kind: string, file: string, options: ImportOptions, io: CliIO): Promise<number> {
  if (kind !== 'odcs' && kind !== 'dbt')
    throw new UsageError(`dmesh import ${kind}: import odcs <file> or import dbt <manifest.json>`);
  const path = resolve(io.cwd, file);
  const doc = readDocument(path, file);
  const folders: Folder[] =
    kind === 'odcs'
      ? [(await import('../../core/import/odcs.js')).fromOdcs(doc, { domain: options.domain })]
      : (await import('../../core/import/dbt-product.js')).fromDbtManifest(doc, {
          select: options.select,
          domain: options.domain,
        });
  const written = folders.map((f) => writeFolder(f, options, io));
  if (options.json) printJson(io, { imported: written });
  else
    for (const w of written) {
      io.out(
        io.color.green(
          `✓ ${w.product} → ${w.dir}/ (${w.files.length} file(s)${w.releases.length ? `, releases ${w.releases.join(', ')}` : ''})`,
        ),
      );
      for (const note of w.notes) io.out(io.color.yellow(`  ! ${note}`));
    }
  if (!options.json && written.length) io.out(`next: dmesh validate ${written[0].dir} --offline`);
  return ExitCode.ok;
}

function readDocument(path: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(
      `cannot read ${shown}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      'UNREADABLE',
    );
  }
  try {
    return /\.json$/i.test(path) ? JSON.parse(text) : parse(text);
  } catch (err) {
    throw new UsageError(
      `${shown} is not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`,
      'UNPARSABLE',
    );
  }
}

function writeFolder(f: Folder, options: ImportOptions, io: CliIO) {
  const [domain, name] = [f.id.slice(0, f.id.indexOf('.')), f.id.slice(f.id.indexOf('.') + 1)];
  const dir = join(resolve(io.cwd, options.out ?? '.'), domain, name);
  const files = writeProductFolder(dir, f, { force: options.force });
  for (const r of f.releases ?? [])
    files.push(
      ...writeProductFolder(join(dir, 'releases', r.version), r, { force: options.force }).map((p) =>
        join('releases', r.version, p),
      ),
    );
  return {
    product: f.id,
    dir: relative(io.cwd, dir) || '.',
    files,
    releases: (f.releases ?? []).map((r) => r.version),
    notes: f.notes,
  };
}
