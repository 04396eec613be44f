import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { KEBAB_CASE, parseId } from '../../core/identifiers.js';
import { PORT_KINDS, scaffoldDomain, scaffoldProduct, type PortKind } from '../../core/scaffold/scaffold.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';

interface InitOptions {
  dir?: string;
  owner?: string;
  kind: string;
}

export function registerInitCommand(
  program: Command,
  io: CliIO,
  done: (code: number) => void,
  now: () => Date = () => new Date(),
): void {
  program
    .command('init')
    .description(
      'scaffold a data product: descriptor, first contract and sample data that validate and publish as they are',
    )
    .argument('<id>', '<domain>.<product>, kebab-case, e.g. sales.returns')
    .option('--dir <path>', 'product folder (default: ./<domain>/<product>); ../domain.yaml is created when missing')
    .option('--owner <team>', 'owning team, kebab-case (default: <domain>-team)')
    .option('--kind <kind>', `output port kind: ${PORT_KINDS.join('|')}`, 'table')
    .addHelpText(
      'after',
      '\nThen:\n  cd <domain>/<product>\n  dmesh validate\n  dmesh test --data data/sample.jsonl\n  dmesh publish',
    )
    .action((text: string, options: InitOptions) => done(init(text, options, io, now())));
}

function init(text: string, options: InitOptions, io: CliIO, now: Date): number {
  const id = parseId(text);
  if (!id || id.port || id.version || id.field)
    throw new UsageError(`"${text}" is not a product id; use <domain>.<product> in kebab-case, e.g. sales.returns`);
  if (!PORT_KINDS.includes(options.kind as PortKind))
    throw new UsageError(`--kind must be one of ${PORT_KINDS.join(', ')}, got "${options.kind}"`);
  const owner = options.owner ?? `${id.domain}-team`;
  if (!KEBAB_CASE.test(owner))
    throw new UsageError(`--owner must be a kebab-case team name such as sales-data, got "${owner}"`);
  const dir = resolve(io.cwd, options.dir ?? join(id.domain, id.product));
  if (existsSync(join(dir, 'dataproduct.yaml'))) {
    io.err(
      io.color.red(
        `dmesh init: ${join(dir, 'dataproduct.yaml')} already exists; nothing was written (choose another --dir, or edit that product)`,
      ),
    );
    return ExitCode.usage;
  }
  const files = scaffoldProduct({ domain: id.domain, product: id.product, owner, kind: options.kind as PortKind, now });
  // Everything is written into a staging folder and moved in one rename: an interrupted init leaves nothing half-written.
  const staging = `${dir}.dmesh-init-${process.pid}`;
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      writeFileSync(join(staging, path), text);
    }
    mkdirSync(dirname(dir), { recursive: true });
    if (existsSync(dir)) {
      for (const path of Object.keys(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        renameSync(join(staging, path), join(dir, path));
      }
    } else renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const domainFile = join(dirname(dir), 'domain.yaml');
  const wroteDomain = !existsSync(domainFile);
  if (wroteDomain) writeFileSync(domainFile, scaffoldDomain(id.domain, owner));
  const shown = relative(io.cwd, dir) || '.';
  io.out(io.color.green(`✓ created ${id.domain}.${id.product} in ${shown}`));
  for (const path of Object.keys(files)) io.out(`  ${join(shown, path)}`);
  if (wroteDomain) io.out(`  ${relative(io.cwd, domainFile)}`);
  io.out(`\nnext:\n  cd ${shown}\n  dmesh validate\n  dmesh test --data data/sample.jsonl\n  dmesh publish`);
  return ExitCode.ok;
}
