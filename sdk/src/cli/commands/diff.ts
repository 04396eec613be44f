import type { Command } from 'commander';
import { checkCompatibility, COMPATIBILITY_MODES, isCompatibilityMode, type CompatibilityMode, type CompatibilityReport } from '../../core/compat/index.js';
import { ContractCompileError } from '../../core/contract/compile.js';
import { readSchemaFile } from '../../io/read-schema-file.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';

interface DiffOptions {
  mode: string;
  json?: boolean;
  /** Reserved for the consumer-impact issue: `--impact <domain>.<product>/<port>` (not implemented yet). */
  impact?: string;
}

export function registerDiffCommand(program: Command, io: CliIO, done: (exitCode: number) => void): void {
  program
    .command('diff')
    .description('check a new version of a contract schema against earlier versions (Confluent-style compatibility modes)')
    .argument('<schemas...>', '<previous.schema.json>... <next.schema.json>: earlier versions oldest first, the new one last')
    .option('--mode <MODE>', `compatibility mode: ${COMPATIBILITY_MODES.join(', ')}`, 'BACKWARD')
    .option('--json', 'print the report as one JSON document on stdout')
    .addHelpText('after', '\nExit codes: 0 compatible, 1 incompatible, 2 bad input.\nExample:\n  dmesh diff v1.schema.json v2.schema.json --mode FULL')
    .action((files: string[], options: DiffOptions) => done(runDiff(files, options, io)));
}

function runDiff(files: string[], options: DiffOptions, io: CliIO): number {
  try {
    const { report } = diff(files, options, io.cwd);
    if (options.json) io.out(JSON.stringify(report));
    else printReport(report, files, io);
    return report.compatible ? ExitCode.ok : ExitCode.no;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(io.color.red(`dmesh diff: ${err.message}`));
    return ExitCode.usage;
  }
}

/** read → pure → (later: impact); returns the report the CLI prints. */
function diff(files: string[], options: DiffOptions, cwd: string): { report: CompatibilityReport } {
  const mode = options.mode.toUpperCase();
  if (!isCompatibilityMode(mode)) throw new UsageError(`unknown --mode "${options.mode}"; use one of ${COMPATIBILITY_MODES.join(', ')}`);
  if (files.length < 2) throw new UsageError('give at least two schema files: <previous.schema.json>... <next.schema.json>');
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
  const verdict = report.compatible ? c.green(`✓ ${next} is ${report.mode}-compatible`) : c.red(`✗ ${next} is not ${report.mode}-compatible`);
  io.out(`${verdict} with ${files.slice(0, -1).join(', ')}`);
  for (const change of report.changes) {
    const mark = change.breaking ? c.red('✗ breaking') : c.dim('· compatible');
    io.out(`  ${mark} ${c.bold(change.code)} ${c.dim(change.path)}`);
    io.out(`    ${change.message}`);
    if (change.counterexample !== undefined) {
      io.out(`    ${c.dim(`counterexample (valid under ${change.validUnder === 'previous' ? change.against : next}, rejected by the other):`)}`);
      for (const line of JSON.stringify(change.counterexample, null, 2).split('\n')) io.out(`      ${line}`);
    }
  }
  if (report.changes.length === 0) io.out(c.dim('  no changes'));
  io.out(`required bump: ${c.bold(report.requiredBump)}`);
}
