import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  checkCompatibility,
  COMPATIBILITY_MODES,
  isCompatibilityMode,
  type CompatibilityMode,
  type CompatibilityReport,
} from '../../core/compat/index.js';
import { ContractCompileError } from '../../core/contract/compile.js';
import { parseId } from '../../core/identifiers.js';
import { readSchemaFile } from '../read-schema-file.js';
import { action } from '../action.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { callRegistry, openRegistry, type RegistryFlags } from '../registry-call.js';
import { printImpact, type ImpactView } from '../render-impact.js';
import { printDiff } from './diff-output.js';

interface DiffOptions extends RegistryFlags {
  mode: string;
  json?: boolean;
  /** `--impact <domain>.<product>/<port>`: ask the registry which consumers of that port the next schema breaks. */
  impact?: string;
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
      'also ask the registry which consumers of <domain>.<product>/<port> the next schema would break (as the next minor), judged from their side whatever --mode says: a consumer reading a field breaks when the next schema can present it in a way the current one did not allow (removed, no longer required, widened or retyped); one without field lineage breaks on any FORWARD-breaking change; one whose range excludes the version does not',
    )
    .option('--registry <url>', 'registry URL for --impact')
    .addHelpText(
      'after',
      '\nThe exit code follows --mode (the publish gate), not the impact: a BACKWARD-compatible change can still break a consumer that reads the field it removes.\nExit codes: 0 compatible, 1 incompatible, 2 bad input (a contract over a limit: SCHEMA_TOO_DEEP, REF_CHAIN_TOO_LONG, …), 3 registry unreachable (--impact).\nExamples:\n  dmesh diff v1.schema.json v2.schema.json --mode FULL\n  dmesh diff orders.v1.json orders.v2.json --impact sales.orders/orders',
    )
    .action(action(io, 'diff', done, (files: string[], options: DiffOptions) => runDiff(files, options, io)));
}

async function runDiff(files: string[], options: DiffOptions, io: CliIO): Promise<number> {
  const mode = options.mode.toUpperCase();
  if (!isCompatibilityMode(mode))
    throw new UsageError(`unknown --mode "${options.mode}"; use one of ${COMPATIBILITY_MODES.join(', ')}`);
  if (files.length < 2)
    throw new UsageError('give at least two schema files: <previous.schema.json>... <next.schema.json>');
  const schemas = files.map((f) => readSchemaFile(f, io.cwd));
  // People read short names; scripts get the files exactly as given.
  const labels = options.json ? files : shortLabels(files);
  const report = compare(schemas, files, labels, mode);
  const impact = options.impact
    ? await askImpact(options.impact, schemas[schemas.length - 1], mode, options, io)
    : undefined;
  if (options.json) io.out(JSON.stringify(impact ? { ...report, impact } : report));
  else {
    printDiff(io, report, { files, labels, schemas });
    if (impact) printImpact(io, [impact]);
  }
  return report.compatible ? ExitCode.ok : ExitCode.no;
}

/** File names without `.schema.json`/`.json` when they tell the files apart, else v1 … vN in the order given. */
export function shortLabels(files: string[]): string[] {
  const names = files.map((f) => basename(f).replace(/(\.schema)?\.json$/, ''));
  return new Set(names).size === names.length ? names : files.map((_, i) => `v${i + 1}`);
}

function compare(schemas: unknown[], files: string[], labels: string[], mode: CompatibilityMode): CompatibilityReport {
  const previous = schemas.slice(0, -1);
  const next = schemas[schemas.length - 1];
  try {
    return checkCompatibility(previous, next, mode, {
      labels: { previous: labels.slice(0, -1), next: labels[labels.length - 1] },
    });
  } catch (err) {
    if (err instanceof ContractCompileError)
      throw new UsageError(schemaError(err, files, schemas), err.limit?.code ?? 'SCHEMA_INVALID');
    throw err;
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
  const { client, registry } = openRegistry(options, io.env, true);
  return callRegistry<ImpactView>(registry, () =>
    client.POST('/v1/lineage/products/{id}/ports/{port}/impact', {
      params: { path: { id: `${id.domain}.${id.product}`, port: id.port! } },
      body: { schema: schema as Record<string, unknown>, mode },
    }),
  );
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
  return `${file}${p.path ? ` at ${p.path}` : ''}: invalid JSON Schema (${p.code}${p.keyword ? `, keyword "${p.keyword}"` : ''}): ${p.message}; ${p.fix}`;
}
