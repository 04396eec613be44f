import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { ContractCompileError } from '../../core/contract/compile.js';
import { buildObservation, type DataObservation } from '../../core/quality/observation.js';
import type { QualityRule } from '../../core/quality/types.js';
import { UnsafePatternError } from '../../core/regex/safe-regexp.js';
import { DataFileError } from '../../io/data/errors.js';
import {
  DataTestSetupError,
  runDataTest,
  warmWorkersFor,
  type DataTestRunResult,
} from '../../io/data/run-data-test.js';
import { reportFailure } from '../errors.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { printHuman, progressPrinter } from './test-output.js';
import { routeDataTest } from './test-sql.js';

/** The output port `dmesh test` checks, as the descriptor loader resolves it. */
export interface LoadedPort {
  productId: string;
  port: string;
  contract: unknown;
  contractPath: string;
  quality: QualityRule[];
  /** The port's `location` (a `postgres://` table is tested in place by the SQL engine). */
  location?: string;
}

export interface TestCommandDeps {
  /** Resolves the product in `productDir` and its output port (`portName`, or the only one). */
  loadPort(productDir: string, portName?: string): Promise<LoadedPort>;
  /** Sends an SLA observation to the registry (`--report`), to `--registry` with `--token` when given. */
  reportObservation?(
    productId: string,
    port: string,
    observation: DataObservation,
    flags: { registry?: string; token?: string; timeout?: string },
  ): Promise<unknown>;
  /** The clock for freshness and observations (tests inject one). */
  now?: () => Date;
  /** The compiled worker entry (tests point it at `dist/`). */
  workerUrl?: URL;
}

interface TestOptions {
  port?: string;
  data?: string;
  refData: string[];
  workers?: string;
  rejectFile?: string;
  report?: boolean;
  registry?: string;
  token?: string;
  timeout?: string;
  json?: boolean;
  engine?: string;
  emitSql?: boolean;
  connection?: string;
  maxRejects?: string;
}

export function registerTestCommand(
  program: Command,
  io: CliIO,
  done: (exitCode: number) => void,
  deps: TestCommandDeps,
): void {
  program
    .command('test')
    .description("test a data file against an output port's contract and quality rules")
    .argument('[product-dir]', 'folder with dataproduct.yaml', '.')
    .option('--port <name>', 'output port to test (default: the only one)')
    .option(
      '--data <file>',
      'data file: .jsonl/.ndjson, .csv (header row) or .parquet; a Parquet folder or glob, or postgres://… (SQL engine)',
    )
    .option(
      '--ref-data <id>=<file>',
      'reference data for relationship rules, e.g. customers.profiles/profiles=profiles.jsonl (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--workers <n>', 'threads that validate (default: number of cores)')
    .option('--reject-file <file>', 'write every rejected record with its reasons as JSON lines')
    .option('--report', 'send an SLA observation to the registry')
    .option(
      '--registry <url>',
      'registry for --report (default: DMESH_REGISTRY_URL, dmesh login, http://localhost:4000)',
    )
    .option('--token <token>', 'API token for --report (default: DMESH_TOKEN, dmesh login)')
    .option('--json', 'print one JSON report on stdout')
    .option(
      '--engine <engine>',
      'auto (SQL for Parquet folders/globs and postgres:// ports, streaming for JSONL/CSV and single files), stream, or sql (JSONL/CSV: DuckDB reads the text, the streaming engine judges it)',
      'auto',
    )
    .option('--emit-sql', 'print the SQL statements the SQL engine would run, and stop')
    .option(
      '--connection <url>',
      'PostgreSQL credentials, postgres://user:password@host/db (default: DMESH_CONNECTION)',
    )
    .option('--max-rejects <n>', 'SQL engine: write at most n rows to --reject-file (default 10000)')
    .action(async (productDir: string, options: TestOptions) => {
      try {
        done(await runTestCommand(productDir, options, io, deps));
      } catch (err) {
        done(reportFailure(io, 'test', err, Boolean(options.json), exitCodeOf(err)));
      }
    });
}

async function runTestCommand(
  productDir: string,
  options: TestOptions,
  io: CliIO,
  deps: TestCommandDeps,
): Promise<number> {
  const routed = await routeDataTest(productDir, options, io, deps, (entries) => parseRefData(entries, io.cwd));
  if (routed !== undefined) return routed;
  if (!options.data) throw new UsageError('--data <file> is required, e.g. dmesh test --data data/orders.jsonl');
  const workers = parseWorkers(options.workers);
  const refData = parseRefData(options.refData, io.cwd);
  const file = resolve(io.cwd, options.data);
  // Workers load their modules while this thread loads and checks the product; the run closes them.
  const warm = warmWorkersFor(file, workers, deps.workerUrl);
  const port = await deps.loadPort(resolve(io.cwd, productDir), options.port).catch(async (err: unknown) => {
    await warm?.close();
    throw err;
  });
  const now = deps.now?.() ?? new Date();
  const run = await runDataTest({
    file,
    contract: port.contract,
    rules: port.quality,
    refData,
    ...(workers !== undefined && { workers }),
    ...(options.rejectFile && { rejectFile: resolve(io.cwd, options.rejectFile) }),
    now,
    ...(!options.json && { onProgress: progressPrinter(io) }),
    ...(deps.workerUrl && { workerUrl: deps.workerUrl }),
    ...(warm && { warm }),
  });
  let observation: DataObservation | undefined;
  if (options.report) {
    if (!deps.reportObservation) throw new UsageError('--report needs a registry; run dmesh login or pass --registry');
    observation = buildObservation(run.report, now);
    await reportObservation(deps, port, observation, {
      ...(options.registry && { registry: options.registry }),
      ...(options.token && { token: options.token }),
      ...(options.timeout && { timeout: options.timeout }),
    });
  }
  if (options.json) io.out(JSON.stringify(jsonDocument(port, run, observation), null, 2));
  else {
    printHuman(io, `${port.productId}/${port.port}`, { ...run, file: relative(io.cwd, run.file) || run.file });
    if (observation) io.out(io.color.dim(`observation reported for ${port.productId}/${port.port}`));
  }
  return run.report.passed ? ExitCode.ok : ExitCode.no;
}

function jsonDocument(port: LoadedPort, run: DataTestRunResult, observation?: DataObservation) {
  return {
    product: port.productId,
    port: port.port,
    contractPath: port.contractPath,
    data: run.file,
    format: run.format,
    threads: run.threads,
    elapsedMs: run.elapsedMs,
    ...run.report,
    ...(observation && { observation }),
  };
}

async function reportObservation(
  deps: TestCommandDeps,
  port: LoadedPort,
  observation: DataObservation,
  flags: { registry?: string; token?: string; timeout?: string },
): Promise<void> {
  try {
    await deps.reportObservation?.(port.productId, port.port, observation, flags);
  } catch (err) {
    const e = err as Error & { exitCode?: number };
    const wrapped = new Error(
      `could not report the observation for ${port.productId}/${port.port}: ${e.message}`,
    ) as Error & { exitCode?: number };
    wrapped.exitCode = e.exitCode ?? ExitCode.unreachable;
    throw wrapped;
  }
}

function parseWorkers(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--workers ${text}: give a whole number of threads, 1 or more`);
  return n;
}

function parseRefData(entries: string[], cwd: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0 || eq === entry.length - 1)
      throw new UsageError(
        `--ref-data ${entry}: write <domain>.<product>/<port>=<file>, e.g. customers.profiles/profiles=profiles.jsonl`,
      );
    out[entry.slice(0, eq)] = resolve(cwd, entry.slice(eq + 1));
  }
  return out;
}

function exitCodeOf(err: unknown): number {
  if (err instanceof UsageError || err instanceof DataFileError || err instanceof ContractCompileError)
    return ExitCode.usage;
  if (err instanceof UnsafePatternError || err instanceof DataTestSetupError) return ExitCode.usage;
  const code = (err as { exitCode?: unknown }).exitCode;
  return typeof code === 'number' ? code : ExitCode.usage;
}
