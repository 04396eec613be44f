import { compileContract } from '../../core/contract/compile.js';
import { BatchEvaluator, type RejectEntry } from '../../core/quality/batch.js';
import { DataTestRun } from '../../core/quality/run.js';
import type { PlacedCheck } from '../../core/sql/placement.js';
import { RejectWriter } from '../data/reject-writer.js';
import { openDuckDb } from './duckdb-load.js';
import { SqlEngineError } from './engine.js';
import { loadRelationshipKeys } from './refs.js';
import { DEFAULT_MAX_REJECTS, type RunSqlTestOptions, type SqlTestRunResult } from './run-sql-test.js';
import { csvSource, jsonlSource, textPath, type TextSource } from './text-source.js';

/** Why every check of a JSONL or CSV test is made by the streaming engine, in the report's placement. */
export const TEXT_PLACEMENT: Record<'jsonl' | 'csv', string> = {
  jsonl:
    "DuckDB read the lines as text; each is parsed by JSON.parse (DuckDB's JSON parser accepts lines JSON.parse refuses, such as NaN and trailing commas, and its typed read_json coerces values)",
  csv: 'DuckDB read every cell as text (all_varchar, allow_quoted_nulls=false); cells are typed by the contract as the streaming engine types them (numbers, booleans, JSON cells)',
};

/**
 * `dmesh test --engine sql` on a JSONL or CSV file: DuckDB reads the file
 * without typing it (`text-source.ts`), and every record is judged by the
 * streaming engine's core, so the verdict is `--engine stream`'s by
 * construction; the report's placement says so.
 */
export async function runTextSql(options: RunSqlTestOptions & { format: 'jsonl' | 'csv' }): Promise<SqlTestRunResult> {
  const started = Date.now();
  const path = textPath(options.data, options.cwd);
  const { instance, conn } = await openDuckDb();
  try {
    const source =
      options.format === 'jsonl'
        ? jsonlSource(path, options.data)
        : await readable(options.data, () => csvSource(conn, path, options.data, options.contract));
    const placement: PlacedCheck[] = [
      { check: 'contract and rules', engine: 'stream', reason: TEXT_PLACEMENT[options.format] },
    ];
    const judged = options.emitOnly ? undefined : await judge(options, source, (sql) => conn.stream(sql));
    const report = judged?.report ?? { ...new DataTestRun(options.rules ?? []).report(new Date()), rejected: 0 };
    return {
      data: options.data,
      format: options.format,
      threads: 1,
      statements: [{ label: 'rows', sql: source.sql }],
      elapsedMs: Date.now() - started,
      report: { ...report, engine: 'stream', dialect: 'duckdb', placement, streamedRows: judged ? report.records : 0 },
      ...(judged?.note && { note: judged.note }),
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Every record through the streaming engine's evaluator, in line order; the dead letters capped. */
async function judge(options: RunSqlTestOptions, source: TextSource, stream: (sql: string) => Promise<Stream>) {
  const compiled = compileContract(options.contract);
  const rules = options.rules ?? [];
  const refValues = await loadRelationshipKeys(rules, options.refData ?? {});
  const evaluator = new BatchEvaluator(compiled.validate, rules, { collectRejects: Boolean(options.rejectFile) });
  const run = new DataTestRun(rules, {
    contractHash: compiled.hash,
    refValues: (d, f) => refValues.get(`${d}#${f}`),
    collectRejects: Boolean(options.rejectFile),
  });
  const rejects = new CappedRejects(options);
  try {
    await readable(options.data, async () => feedAll(await stream(source.sql), source, evaluator, run, rejects));
  } catch (err) {
    rejects.abort();
    throw err;
  }
  const rejected = rejects.commit();
  const note = rejects.capped
    ? `the reject file holds the first ${rejected} rejected rows; raise --max-rejects for more`
    : undefined;
  return { report: { ...run.report(options.now ?? new Date()), rejected }, note };
}

type Stream = Awaited<ReturnType<Awaited<ReturnType<typeof openDuckDb>>['conn']['stream']>>;

async function feedAll(
  result: Stream,
  source: TextSource,
  evaluator: BatchEvaluator,
  run: DataTestRun,
  rejects: CappedRejects,
): Promise<void> {
  const names = result.columnNames();
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const byLine = new Map<number, unknown>();
    source.feed(chunk.getRowObjects(names) as Record<string, unknown>[], {
      record(value, line) {
        byLine.set(line, value);
        evaluator.observeRecord(value, line);
      },
      bad: (line, message, raw) => evaluator.observeBadInput(line, message, raw),
    });
    rejects.write(run.merge(evaluator.take(), (line) => byLine.get(line)));
  }
}

/** DuckDB refusing the file (a row with too many cells, an unclosed quote, bad UTF-8) is bad input: exit code 2. */
async function readable<T>(label: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof SqlEngineError) throw err;
    throw new SqlEngineError(
      `${label}: DuckDB cannot read the file as text: ${(err as Error).message.split('\n')[0]} — fix the file, or test it with --engine stream, which reports such lines as bad input`,
    );
  }
}

/** The reject file, holding at most `--max-rejects` entries. */
class CappedRejects {
  private readonly writer: RejectWriter | undefined;
  private readonly cap: number;
  written = 0;
  capped = false;

  constructor(options: RunSqlTestOptions) {
    this.writer = options.rejectFile ? new RejectWriter(options.rejectFile) : undefined;
    this.cap = options.maxRejects ?? DEFAULT_MAX_REJECTS;
  }

  write(entries: RejectEntry[]): void {
    if (!this.writer) return;
    const room = Math.max(0, this.cap - this.written);
    if (entries.length > room) this.capped = true;
    const kept = entries.slice(0, room);
    this.writer.write(kept);
    this.written += kept.length;
  }

  abort(): void {
    this.writer?.abort();
  }

  commit(): number {
    this.writer?.commit();
    return this.written;
  }
}
