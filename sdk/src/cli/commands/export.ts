import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { DRAFTS, isDraft, type Draft } from '../../core/contract/drafts.js';
import type { DataProduct, OutputPort } from '../../core/product/types.js';
import { writeTextFile } from '../../io/write-product.js';
import { action } from '../action.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { loadCliProduct } from '../product.js';
import { fetchPublishedPort, parsePortRef } from '../published-port.js';
import type { RegistryFlags } from '../registry-call.js';
import { printJson } from '../render.js';

export const EXPORT_FORMATS = ['jsonschema', 'typescript', 'zod', 'sql-ddl', 'avro', 'odcs', 'dbt'] as const;
type Format = (typeof EXPORT_FORMATS)[number];
/** Formats that describe the whole product; the others one port. */
const WHOLE_PRODUCT: Format[] = ['odcs', 'dbt'];

interface ExportOptions extends RegistryFlags {
  format: string;
  port?: string;
  draft?: string;
  out?: string;
  json?: boolean;
}

interface Source {
  product: DataProduct;
  contracts: Record<string, unknown>;
  port?: string;
  label: string;
}

export function registerExportCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('export')
    .description(
      'write a contract in another format: JSON Schema (any draft), TypeScript, zod, PostgreSQL DDL, Avro, ODCS v3, dbt',
    )
    .argument('<source>', 'a product folder, or a published port <domain>.<product>/<port>[@<range>]')
    .requiredOption('--format <format>', EXPORT_FORMATS.join('|'))
    .option('--port <name>', 'the output port (for a product folder with several ports)')
    .option('--draft <draft>', `JSON Schema draft for --format jsonschema: ${DRAFTS.join(', ')} (default 2020-12)`)
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--json', 'print one JSON document on stdout: { format, port, content }')
    .option('--registry <url>', 'registry URL (for a published port)')
    .option('--token <token>', 'API token (when anonymous reads are off)')
    .addHelpText(
      'after',
      '\nWhat a format cannot express is said in the output (a header comment, $comment, Avro doc), never dropped silently.\nExamples:\n  dmesh export domains/sales/orders --port orders --format zod --out src/orders.zod.ts\n  dmesh export sales.orders/orders@^1 --format sql-ddl',
    )
    .action(action(io, 'export', done, (source: string, options: ExportOptions) => runExport(source, options, io)));
}

async function runExport(sourceText: string, options: ExportOptions, io: CliIO): Promise<number> {
  const format = options.format as Format;
  if (!EXPORT_FORMATS.includes(format))
    throw new UsageError(`unknown --format "${options.format}"; use one of ${EXPORT_FORMATS.join(', ')}`);
  const draft = options.draft ?? '2020-12';
  if (!isDraft(draft)) throw new UsageError(`unknown --draft "${options.draft}"; use one of ${DRAFTS.join(', ')}`);
  const source = await readSource(sourceText, options, io);
  const port = WHOLE_PRODUCT.includes(format) ? undefined : choosePort(source, options.port);
  const content = await convert(format, source, port, draft);
  if (options.out) {
    const file = writeTextFile(resolve(io.cwd, options.out), content);
    if (options.json) printJson(io, { format, ...(port && { port: port.name }), file: relative(io.cwd, file) });
    else
      io.err(
        io.color.green(
          `✓ wrote ${relative(io.cwd, file)} (${format} of ${source.label}${port ? `/${port.name}` : ''})`,
        ),
      );
  } else if (options.json) printJson(io, { format, ...(port && { port: port.name }), content });
  else io.out(content.trimEnd());
  return ExitCode.ok;
}

async function readSource(text: string, options: ExportOptions, io: CliIO): Promise<Source> {
  if (!existsSync(resolve(io.cwd, text)) && text.includes('/') && /^[a-z]/.test(text) && !text.startsWith('.')) {
    const published = await fetchPublishedPort(parsePortRef(text), options, io.env);
    return {
      product: published.descriptor,
      contracts: published.contracts,
      port: published.port,
      label: `${published.product}@${published.version}`,
    };
  }
  const cli = await loadCliProduct(text, io);
  const errors = cli.problems.filter((p) => p.severity === 'error');
  if (errors.length)
    throw new UsageError(
      `${cli.label} is not a valid product (${errors[0].file ?? 'dataproduct.yaml'} ${errors[0].path}: ${errors[0].message}); fix it first: dmesh validate ${cli.shown} --offline`,
      'INVALID_PRODUCT',
    );
  return {
    product: cli.loaded.bundle.descriptor as DataProduct,
    contracts: cli.loaded.bundle.contracts,
    label: cli.label,
  };
}

function choosePort(source: Source, wanted: string | undefined): OutputPort {
  const outputs = source.product.spec.outputs;
  const name = wanted ?? source.port ?? (outputs.length === 1 ? outputs[0].name : undefined);
  const port = outputs.find((o) => o.name === name);
  if (port) return port;
  throw new UsageError(
    `${name ? `no output port ${name} in ${source.label}` : `${source.label} has several output ports`}; pass --port with one of: ${outputs.map((o) => o.name).join(', ')}`,
  );
}

/** Each converter is imported only when its format is asked for: the rest of the CLI never loads them. */
async function convert(format: Format, source: Source, port: OutputPort | undefined, draft: Draft): Promise<string> {
  const whole = { product: source.product, contracts: source.contracts };
  if (format === 'odcs') return (await import('../../core/export/odcs.js')).toOdcs(whole);
  if (format === 'dbt') return (await import('../../core/export/dbt.js')).toDbt(whole);
  const one = { product: source.product, port: port!, contract: source.contracts[port!.contract] };
  switch (format) {
    case 'jsonschema':
      return (await import('../../core/export/jsonschema.js')).toJsonSchema(one, draft);
    case 'typescript':
      return (await import('../../core/export/typescript.js')).toTypeScript(one);
    case 'zod':
      return (await import('../../core/export/zod.js')).toZod(one);
    case 'sql-ddl':
      return (await import('../../core/export/sql-ddl.js')).toSqlDdl(one);
    default:
      return (await import('../../core/export/avro.js')).toAvro(one);
  }
}
