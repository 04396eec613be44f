import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildObservation, type DataObservation } from '../../core/quality/observation.js';
import { formatOf } from '../../io/data/sink.js';
import { isGlob, isRemote } from '../../io/sql/parquet-source.js';
import { isPostgresLocation } from '../../io/sql/postgres-location.js';
import type { RunSqlTestOptions, SqlTestRunResult } from '../../io/sql/run-sql-test.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import type { LoadedPort, TestCommandDeps } from './test.js';
import { printHuman } from './test-output.js';

/** The options `dmesh test` adds for the SQL engine (ARCHITECTURE.md "Data tests: two engines, one verdict"). */
export interface SqlTestOptions {
  data?: string;
  port?: string;
  engine?: string;
  emitSql?: boolean;
  connection?: string;
  maxRejects?: string;
  rejectFile?: string;
  refData: string[];
  report?: boolean;
  registry?: string;
  token?: string;
  json?: boolean;
}

export type Engine = 'stream' | 'sql';

/**
 * `--engine auto` (the default): the SQL engine for a `postgres://` port and for
 * Parquet folders and globs, the streaming engine for single files (JSONL, CSV,
 * Parquet), where per-record work is cheap and dead letters are complete, and
 * for JSONL and CSV however named (`--engine sql` reads them with DuckDB as
 * text, `run-text-sql.ts`).
 */
export function chooseEngine(engine: string | undefined, data: string | undefined, cwd: string): Engine {
  if (engine !== undefined && !['auto', 'stream', 'sql'].includes(engine))
    throw new UsageError(`--engine ${engine}: choose auto, stream or sql`);
  if (engine === 'stream' || engine === 'sql') return engine;
  if (!data) return 'stream';
  const format = formatOf(data);
  if (format === 'jsonl' || format === 'csv') return 'stream';
  if (isPostgresLocation(data) || isGlob(data) || isRemote(data)) return 'sql';
  try {
    return statSync(resolve(cwd, data)).isDirectory() ? 'sql' : 'stream';
  } catch {
    return 'stream';
  }
}

/**
 * Runs `dmesh test` on the SQL engine (or the streaming engine over a
 * PostgreSQL table) when the options and the port's location call for it;
 * returns undefined to let the streaming engine test a file.
 */
export async function routeDataTest(
  productDir: string,
  options: SqlTestOptions,
  io: CliIO,
  deps: TestCommandDeps,
  refData: (entries: string[]) => Record<string, string>,
): Promise<number | undefined> {
  if (
    options.engine === 'stream' &&
    !options.emitSql &&
    !options.maxRejects &&
    options.data &&
    !isPostgresLocation(options.data)
  )
    return undefined;
  const port = await deps.loadPort(resolve(io.cwd, productDir), options.port);
  const data = options.data ?? (port.location && isPostgresLocation(port.location) ? port.location : undefined);
  const engine = chooseEngine(options.engine, data, io.cwd);
  if (engine === 'stream' && data && isPostgresLocation(data))
    return postgresStream(port, data, options, io, deps, refData);
  if (engine === 'stream') {
    if (options.emitSql || options.maxRejects)
      throw new UsageError(`${options.emitSql ? '--emit-sql' : '--max-rejects'} needs the SQL engine (--engine sql)`);
    return undefined;
  }
  if (!data)
    throw new UsageError(
      `--data is required unless the port's location is postgres://…, e.g. dmesh test --engine sql --data 'data/*.parquet'`,
    );
  const format = formatOf(data);
  const text = !isPostgresLocation(data) && (format === 'jsonl' || format === 'csv') ? format : undefined;
  const now = deps.now?.() ?? new Date();
  const sqlOptions: RunSqlTestOptions = {
    data,
    cwd: io.cwd,
    contract: port.contract,
    rules: port.quality,
    refData: refData(options.refData),
    connection: options.connection ?? io.env.DMESH_CONNECTION,
    ...(options.rejectFile && { rejectFile: resolve(io.cwd, options.rejectFile) }),
    ...(options.maxRejects !== undefined && { maxRejects: parseMaxRejects(options.maxRejects) }),
    now,
    emitOnly: Boolean(options.emitSql),
  };
  // The SQL engines (DuckDB, pg) are loaded only when a run uses them: `pg` alone cost every streaming
  // `dmesh test` ~40 ms of start-up (it loads Node's fetch implementation to detect Cloudflare).
  const run = text
    ? await (await import('../../io/sql/run-text-sql.js')).runTextSql({ ...sqlOptions, format: text })
    : await (await import('../../io/sql/run-sql-test.js')).runSqlTest(sqlOptions);
  if (options.emitSql) {
    for (const s of run.statements) io.out(`-- ${run.report.dialect}: ${s.label}\n${s.sql};\n`);
    return ExitCode.ok;
  }
  return finish(port, run, options, io, deps, now);
}

async function postgresStream(
  port: LoadedPort,
  data: string,
  options: SqlTestOptions,
  io: CliIO,
  deps: TestCommandDeps,
  refData: (e: string[]) => Record<string, string>,
) {
  const now = deps.now?.() ?? new Date();
  const { runPostgresStream } = await import('../../io/sql/postgres-stream.js');
  const run = await runPostgresStream({
    data,
    contract: port.contract,
    rules: port.quality,
    refData: refData(options.refData),
    connection: options.connection ?? io.env.DMESH_CONNECTION,
    ...(options.rejectFile && { rejectFile: resolve(io.cwd, options.rejectFile) }),
    now,
  });
  return finish(port, run, options, io, deps, now);
}

async function finish(
  port: LoadedPort,
  run: SqlTestRunResult,
  options: SqlTestOptions,
  io: CliIO,
  deps: TestCommandDeps,
  now: Date,
): Promise<number> {
  let observation: DataObservation | undefined;
  if (options.report) {
    if (!deps.reportObservation) throw new UsageError('--report needs a registry; run dmesh login or pass --registry');
    observation = buildObservation(run.report, now);
    await deps.reportObservation(port.productId, port.port, observation, {
      ...(options.registry && { registry: options.registry }),
      ...(options.token && { token: options.token }),
    });
  }
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          product: port.productId,
          port: port.port,
          contractPath: port.contractPath,
          data: run.data,
          format: run.format,
          threads: run.threads,
          elapsedMs: run.elapsedMs,
          ...run.report,
          ...(observation && { observation }),
        },
        null,
        2,
      ),
    );
  } else {
    printHuman(io, `${port.productId}/${port.port}`, {
      report: run.report,
      file: run.data,
      format: run.format as never,
      threads: run.threads,
      elapsedMs: run.elapsedMs,
      bytes: 0,
      ...(run.note && { note: run.note }),
    });
    printPlacement(io, run);
    if (observation) io.out(io.color.dim(`observation reported for ${port.productId}/${port.port}`));
  }
  return run.report.passed ? ExitCode.ok : ExitCode.no;
}

function printPlacement(io: CliIO, run: SqlTestRunResult): void {
  const placement = run.report.placement ?? [];
  const count = (engine: string) => placement.filter((p) => p.engine === engine).length;
  const engine = run.report.engine === 'sql' ? `SQL engine (${run.report.dialect})` : 'streaming engine';
  const rows = run.report.streamedRows ? `; ${run.report.streamedRows} row(s) read by the streaming engine` : '';
  io.out(
    io.color.dim(
      `  ${engine}: ${count('sql') + count('sql+stream')} check(s) in SQL, ${count('stream')} in the streaming engine${rows}`,
    ),
  );
  for (const p of placement.filter((x) => x.engine !== 'sql'))
    io.out(io.color.dim(`    ${p.check}: ${p.engine === 'stream' ? 'streaming engine' : 'SQL'} — ${p.reason ?? ''}`));
}

function parseMaxRejects(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--max-rejects ${text}: give a whole number of rows, 0 or more`);
  return n;
}
