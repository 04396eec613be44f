import type { Command } from 'commander';
import {
  checkCompatibility,
  COMPATIBILITY_MODES,
  isCompatibilityMode,
  type CompatibilityMode,
  type CompatibilityReport,
} from '../../core/compat/index.js';
import { ContractCompileError } from '../../core/contract/compile.js';
import { readSchemaFile } from '../read-schema-file.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { parseId } from '../../core/identifiers.js';
import { createRegistryClient } from '../../io/registry-client.js';
import { resolveRegistrySettings } from '../../io/credentials.js';
import { callRegistry, printRegistryError, RegistryCallError } from '../registry-call.js';
import { printImpact, type ImpactView } from '../render-impact.js';

interface DiffOptions {
  mode: string;
  json?: boolean;
  /** `--impact <domain>.<product>/<port>`: ask the registry which consumers of that port the next schema breaks. */
  impact?: string;
  registry?: string;
}

export function registerDiffCommand(program: Command, io: CliIO, done: (exitCode: number) => void): void {
  program
    .command('diff')
    .description(
      'check a new version of a contract schema against earlier versions (Confluent-style compatibility modes)',
    )
    .argument(
      '<schemas...>',
      '<previous.schema.json>... <next.schema.json>: earlier versions oldest first, the new one last',
    )
    .option('--mode <MODE>', `compatibility mode: ${COMPATIBILITY_MODES.join(', ')}`, 'BACKWARD')
    .option('--json', 'print the report as one JSON document on stdout')
    .option(
      '--impact <port>',
      'also ask the registry which consumers of <domain>.<product>/<port> the next schema would break (as the next minor)',
    )
    .option('--registry <url>', 'registry URL for --impact')
    .addHelpText(
      'after',
      '\nExit codes: 0 compatible, 1 incompatible, 2 bad input, 3 registry unreachable (--impact).\nExamples:\n  dmesh diff v1.schema.json v2.schema.json --mode FULL\n  dmesh diff orders.v1.json orders.v2.json --impact sales.orders/orders',
    )
    .action(async (files: string[], options: DiffOptions) => done(await runDiff(files, options, io)));
}

async function runDiff(files: string[], options: DiffOptions, io: CliIO): Promise<number> {
  try {
    const { report } = diff(files, options, io.cwd);
    const impact = options.impact
      ? await askImpact(options.impact, readSchemaFile(files[files.length - 1], io.cwd), report.mode, options, io)
      : undefined;
    if (options.json) io.out(JSON.stringify(impact ? { ...report, impact } : report));
    else {
      printReport(report, files, io);
      if (impact) printImpact(io, [impact]);
    }
    return report.compatible ? ExitCode.ok : ExitCode.no;
  } catch (err) {
    if (err instanceof RegistryCallError) {
      if (options.json) io.out(JSON.stringify({ error: err.body ?? { message: err.message } }));
      printRegistryError(io, 'diff --impact', err);
      return err.exitCode;
    }
    if (!(err instanceof UsageError)) throw err;
    io.err(io.color.red(`dmesh diff: ${err.message}`));
    return ExitCode.usage;
  }
}

/** The registry's impact report for the port: consumers the next schema breaks, directly and through field lineage. */
async function askImpact(
  portText: string,
  schema: unknown,
  mode: string,
  options: DiffOptions,
  io: CliIO,
): Promise<ImpactView> {
  const id = parseId(portText);
  if (!id || !id.port || id.version || id.field)
    throw new UsageError(
      `--impact "${portText}" is not a port id; use <domain>.<product>/<port>, e.g. sales.orders/orders`,
    );
  const settings = resolveRegistrySettings(options, io.env);
  const client = createRegistryClient({ baseUrl: settings.registry });
  return callRegistry<ImpactView>(settings.registry, () =>
    client.POST('/v1/lineage/products/{id}/ports/{port}/impact', {
      params: { path: { id: `${id.domain}.${id.product}`, port: id.port! } },
      body: { schema: schema as Record<string, unknown>, mode },
    }),
  );
}

/** read → pure → (later: impact); returns the report the CLI prints. */
function diff(files: string[], options: DiffOptions, cwd: string): { report: CompatibilityReport } {
  const mode = options.mode.toUpperCase();
  if (!isCompatibilityMode(mode))
    throw new UsageError(`unknown --mode "${options.mode}"; use one of ${COMPATIBILITY_MODES.join(', ')}`);
  if (files.length < 2)
    throw new UsageError('give at least two schema files: <previous.schema.json>... <next.schema.json>');
  const schemas = files.map((f) => readSchemaFile(f, cwd));
  const previous = schemas.slice(0, -1);
  const next = schemas[schemas.length - 1];
  const labels = { previous: files.slice(0, -1), next: files[files.length - 1] };
  try {
    return { report: checkCompatibility(previous, next, mode as CompatibilityMode, { labels }) };
  } catch (err) {
    if (err instanceof ContractCompileError) throw new UsageError(schemaError(err, files, schemas));
    throw err;
  }
}

/** Names the file whose schema is invalid (compiled one by one), the keyword and the fix. */
function schemaError(err: ContractCompileError, files: string[], schemas: unknown[]): string {
  for (let i = 0; i < files.length; i++) {
    try {
      checkCompatibility(schemas[i], schemas[i], 'NONE', { verify: false });
    } catch (e) {
      if (e instanceof ContractCompileError) return problemText(files[i], e);
    }
  }
  return problemText(files.join(', '), err);
}

function problemText(file: string, err: ContractCompileError): string {
  const p = err.problems[0];
  return `${file}${p.path ? ` at ${p.path}` : ''}: invalid JSON Schema${p.keyword ? ` (keyword "${p.keyword}")` : ''}: ${p.message}; ${p.fix}`;
}

function printReport(report: CompatibilityReport, files: string[], io: CliIO): void {
  const c = io.color;
  const next = files[files.length - 1];
  const verdict = report.compatible
    ? c.green(`✓ ${next} is ${report.mode}-compatible`)
    : c.red(`✗ ${next} is not ${report.mode}-compatible`);
  io.out(`${verdict} with ${files.slice(0, -1).join(', ')}`);
  for (const change of report.changes) {
    const mark = change.breaking ? c.red('✗ breaking') : c.dim('· compatible');
    io.out(`  ${mark} ${c.bold(change.code)} ${c.dim(change.path)}`);
    io.out(`    ${change.message}`);
    if (change.counterexample !== undefined) {
      io.out(
        `    ${c.dim(`counterexample (valid under ${change.validUnder === 'previous' ? change.against : next}, rejected by the other):`)}`,
      );
      for (const line of JSON.stringify(change.counterexample, null, 2).split('\n')) io.out(`      ${line}`);
    }
  }
  if (report.changes.length === 0) io.out(c.dim('  no changes'));
  io.out(`required bump: ${c.bold(report.requiredBump)}`);
}
