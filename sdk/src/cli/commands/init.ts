import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { KEBAB_CASE, parseId } from '../../core/identifiers.js';
import {
  PORT_KINDS,
  scaffoldDomain,
  scaffoldProduct,
  type PortKind,
  type Scaffold,
} from '../../core/scaffold/scaffold.js';
import { configuredRegistry } from '../../io/credentials.js';
import { locateInYaml, parseYaml } from '../../io/parse-files.js';
import { dmeshCommand } from '../dmesh-command.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { printJson } from '../render.js';

interface InitOptions {
  dir?: string;
  owner?: string;
  kind: string;
  description?: string;
  email?: string;
  json?: boolean;
}

interface Created {
  product: string;
  /** The product folder, relative to the current folder. */
  dir: string;
  /** Files written, relative to `dir` (`../domain.yaml` when the domain file was created). */
  files: string[];
  /** Values still to write: the documentation policy warns until they are replaced. */
  fillIn: { file: string; line?: number; path: string; hint: string }[];
  next: string[];
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
      'scaffold a data product: descriptor, first contract and sample data that validate, test and publish as they are',
    )
    .argument('<id>', '<domain>.<product>, kebab-case, e.g. sales.returns')
    .option('--dir <path>', 'product folder (default: ./<domain>/<product>); ../domain.yaml is created when missing')
    .option('--owner <team>', 'owning team, kebab-case (default: <domain>-team)')
    .option('--kind <kind>', `output port kind: ${PORT_KINDS.join('|')}`, 'table')
    .option('--description <text>', 'what one record means, how often it is updated, who should use it')
    .option('--email <address>', "the owning team's email address")
    .addHelpText(
      'after',
      '\nWithout --description and --email, init writes marked placeholders (TODO:, @example.invalid):\nvalidate and publish accept them with a documentation warning until they are replaced.',
    )
    .action((text: string, options: InitOptions) => done(init(text, options, io, now())));
}

function checkOptions(text: string, options: InitOptions): { domain: string; product: string; owner: string } {
  const id = parseId(text);
  if (!id || id.port || id.version || id.field)
    throw new UsageError(`"${text}" is not a product id; use <domain>.<product> in kebab-case, e.g. sales.returns`);
  if (!PORT_KINDS.includes(options.kind as PortKind))
    throw new UsageError(`--kind must be one of ${PORT_KINDS.join(', ')}, got "${options.kind}"`);
  const owner = options.owner ?? `${id.domain}-team`;
  if (!KEBAB_CASE.test(owner))
    throw new UsageError(`--owner must be a kebab-case team name such as sales-data, got "${owner}"`);
  if (options.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(options.email))
    throw new UsageError(`--email must be an address such as sales-data@example.org, got "${options.email}"`);
  return { domain: id.domain, product: id.product, owner };
}

function init(text: string, options: InitOptions, io: CliIO, now: Date): number {
  const { domain, product, owner } = checkOptions(text, options);
  const dir = resolve(io.cwd, options.dir ?? join(domain, product));
  const shown = relative(io.cwd, dir) || '.';
  if (existsSync(join(dir, 'dataproduct.yaml')))
    throw new UsageError(
      `${join(shown, 'dataproduct.yaml')} already exists; nothing was written (choose another --dir, or edit that product)`,
      'ALREADY_EXISTS',
    );
  const scaffold = scaffoldProduct({
    domain,
    product,
    owner,
    kind: options.kind as PortKind,
    now,
    ...(options.description !== undefined && { description: options.description }),
    ...(options.email !== undefined && { email: options.email }),
  });
  writeAtomically(dir, scaffold.files);
  const domainFile = join(dirname(dir), 'domain.yaml');
  const wroteDomain = !existsSync(domainFile);
  if (wroteDomain) writeFileSync(domainFile, scaffoldDomain(domain, owner, options.email));
  const created: Created = {
    product: `${domain}.${product}`,
    dir: shown,
    files: [...Object.keys(scaffold.files), ...(wroteDomain ? ['../domain.yaml'] : [])],
    fillIn: fillIn(scaffold, wroteDomain && options.email === undefined),
    next: nextSteps(io, shown),
  };
  if (options.json) printJson(io, created);
  else printCreated(io, created);
  return ExitCode.ok;
}

/** Everything goes to a staging folder first and is moved in one rename: an interrupted init leaves nothing half-written. */
function writeAtomically(dir: string, files: Record<string, string>): void {
  const staging = `${dir}.dmesh-init-${process.pid}`;
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      writeFileSync(join(staging, path), text);
    }
    mkdirSync(dirname(dir), { recursive: true });
    if (!existsSync(dir)) return renameSync(staging, dir);
    for (const path of Object.keys(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      renameSync(join(staging, path), join(dir, path));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function fillIn(scaffold: Scaffold, domainPlaceholders: boolean): Created['fillIn'] {
  const parsed = parseYaml(scaffold.files['dataproduct.yaml'], 'dataproduct.yaml');
  const located = scaffold.placeholders.map((p) => {
    const { line } = locateInYaml(parsed, { severity: 'warning', code: '', path: p.path, message: '', fix: '' });
    return { file: p.file, ...(line && { line }), path: p.path, hint: p.hint };
  });
  if (domainPlaceholders)
    located.push({ file: '../domain.yaml', path: '/description', hint: 'which business capability the domain owns' });
  return located;
}

/** Runnable as printed: the right way to call dmesh here, and --offline until a registry is configured. */
function nextSteps(io: CliIO, shown: string): string[] {
  const dmesh = dmeshCommand(io.env, io.script);
  const registry = configuredRegistry(io.env);
  return [
    ...(shown === '.' ? [] : [`cd ${shown}`]),
    `${dmesh} validate${registry ? '' : ' --offline'}`,
    `${dmesh} test --data data/sample.jsonl`,
    ...(registry ? [`${dmesh} publish`] : []),
  ];
}

function printCreated(io: CliIO, c: Created): void {
  io.out(io.color.green(`✓ created ${c.product} in ${c.dir}`));
  for (const file of c.files) io.out(`  ${file}`);
  if (c.fillIn.length) {
    io.out('\nfill in (validate warns until you do):');
    const width = Math.max(...c.fillIn.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}`.length));
    for (const p of c.fillIn)
      io.out(`  ${`${p.file}${p.line ? `:${p.line}` : ''}`.padEnd(width)}  ${p.path}: ${p.hint}`);
  }
  io.out(`\nnext:\n${c.next.map((line) => `  ${line}`).join('\n')}`);
  if (!c.next.some((line) => line.endsWith(' publish')))
    io.out(
      io.color.dim(
        `\nto publish, point dmesh at a registry: ${dmeshCommand(io.env, io.script)} login --registry <url> --token <token>`,
      ),
    );
}
