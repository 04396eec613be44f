import { compileContract } from '../../core/contract/compile.js';
import type { RefValues } from '../../core/quality/rules/relationship.js';
import type { QualityRule } from '../../core/quality/types.js';
import { compileSqlTest, type CompiledSqlTest, type CompileInput } from '../../core/sql/compile.js';
import { count, type SqlEvidence } from '../../core/sql/evidence.js';
import { buildSqlReport, type SqlDataTestReport } from '../../core/sql/report.js';
import { mainStatement, rejectsStatement, streamStatement } from '../../core/sql/statements.js';
import { neededFields, StreamPass } from '../../core/sql/stream-pass.js';
import { RejectWriter } from '../data/reject-writer.js';
import { openParquetEngine } from './duckdb-engine.js';
import type { SqlEngine } from './engine.js';
import { fetchedRow, shownRowOf } from './fetched.js';
import { isPostgresLocation } from './postgres-location.js';
import { openPostgresEngine } from './postgres-engine.js';
import { findDuplicates, findFirstRows, showRows, type Run } from './read-evidence.js';
import { rejectEntry } from './sql-rejects.js';
import { primaryKeyOf } from './primary-key.js';
import { loadRelationshipKeys } from './refs.js';

export interface RunSqlTestOptions {
  /** Parquet file, glob or folder, or a `postgres://` location. */
  data: string;
  cwd: string;
  contract: unknown;
  rules?: QualityRule[];
  /** Reference data for `relationship` rules: data set id → file. */
  refData?: Record<string, string>;
  /** Credentials for PostgreSQL (`--connection`, DMESH_CONNECTION). */
  connection?: string;
  rejectFile?: string;
  /** At most this many dead letters (default 10,000). */
  maxRejects?: number;
  now?: Date;
  /** Compile and return the statements without running them (`--emit-sql`). */
  emitOnly?: boolean;
}

export interface SqlTestRunResult {
  report: SqlDataTestReport;
  data: string;
  format: string;
  threads: number;
  elapsedMs: number;
  /** The statements run (all of them with `emitOnly`), labelled. */
  statements: { label: string; sql: string }[];
  note?: string;
}

export const DEFAULT_MAX_REJECTS = 10_000;

/** `dmesh test --engine sql`: the data tested where it lives, with the streaming engine's verdict. */
export async function runSqlTest(options: RunSqlTestOptions): Promise<SqlTestRunResult> {
  const started = Date.now();
  const compiled = compileContract(options.contract);
  const rules = options.rules ?? [];
  const postgres = isPostgresLocation(options.data);
  const engine = postgres
    ? await openPostgresEngine(options.data, options.connection)
    : await openParquetEngine(options.data, options.cwd);
  const statements: { label: string; sql: string }[] = [];
  const run = async (label: string, sql: string) => {
    statements.push({ label, sql });
    return engine.all(sql);
  };
  try {
    const pk = primaryKeyOf(options.contract, postgres, engine.label);
    const { relations, values } = await registerRefs(engine, rules, options.refData ?? {});
    const t = await compileAccepted(engine, {
      contract: options.contract,
      rules,
      columns: engine.columns,
      relation: engine.relation,
      identity: engine.identity(pk),
      d: engine.dialect,
      refs: relations,
    });
    const refValues: RefValues = (dataset, field) => values.get(`${dataset}#${field}`);
    if (options.emitOnly) return emitted(t, engine, started);
    const [main] = await run('main', mainStatement(t));
    await findFirstRows(t, main, run);
    const stream = await streamPass(t, engine, compiled.validate, refValues, main, statements, options);
    const duplicates = await findDuplicates(t, main, run);
    const shown = await showRows(t, engine, main, duplicates, stream, run);
    const ev: SqlEvidence = { main, shown, duplicates, ...(stream && { stream }) };
    const rejected = options.rejectFile
      ? await writeRejects(t, engine, ev, compiled.validate, refValues, options, run)
      : 0;
    const report = buildSqlReport(t, ev, compiled.validate, {
      now: options.now ?? new Date(),
      contractHash: compiled.hash,
      rejected,
      showFile: engine.multiFile,
    });
    const capped = options.rejectFile && rejected >= (options.maxRejects ?? DEFAULT_MAX_REJECTS);
    const note = `the reject file holds the first ${rejected} rejected rows; raise --max-rejects for more`;
    return result(engine, report, statements, started, capped ? note : undefined);
  } finally {
    await engine.close();
  }
}

function result(
  engine: SqlEngine,
  report: SqlDataTestReport,
  statements: { label: string; sql: string }[],
  started: number,
  note?: string,
): SqlTestRunResult {
  const { label: data, format, threads } = engine;
  return { report, data, format, threads, elapsedMs: Date.now() - started, statements, ...(note && { note }) };
}

/** `--emit-sql`: the statements that always run (the main one, and the streaming pass's when there is one). */
function emitted(t: CompiledSqlTest, engine: SqlEngine, started: number): SqlTestRunResult {
  const statements = [{ label: 'main', sql: mainStatement(t) }];
  if (t.fetch !== false) statements.push({ label: 'stream', sql: streamStatement(t, neededFields(t)) });
  const empty = { main: {}, shown: new Map(), duplicates: new Map() };
  const options = { now: new Date(), contractHash: '', rejected: 0, showFile: false };
  return result(engine, buildSqlReport(t, empty, compileContract(t.contract).validate, options), statements, started);
}

/**
 * Compiles, then asks the engine to compile every translated pattern once: a
 * pattern it refuses (PostgreSQL's "regular expression is too complex", RE2's
 * size limit) is compiled again as a streaming check rather than failing the run.
 */
async function compileAccepted(engine: SqlEngine, input: CompileInput): Promise<CompiledSqlTest> {
  const first = compileSqlTest(input);
  const refused = new Set<string>();
  for (const pattern of first.patterns) {
    try {
      await engine.all(`SELECT ${engine.dialect.regexMatch("''", pattern)} AS ok`);
    } catch {
      refused.add(pattern);
    }
  }
  return refused.size ? compileSqlTest({ ...input, refusedPatterns: refused }) : first;
}

/** Reference keys loaded once, then handed to the engine as relations to join with. */
async function registerRefs(engine: SqlEngine, rules: QualityRule[], refData: Record<string, string>) {
  const values = await loadRelationshipKeys(rules, refData);
  const relations: Record<string, string> = {};
  for (const [key, keys] of values) relations[key] = await engine.registerKeys(keys);
  return { relations, values };
}

async function streamPass(
  t: CompiledSqlTest,
  engine: SqlEngine,
  validate: import('ajv/dist/2020.js').ValidateFunction,
  refValues: RefValues,
  main: Record<string, unknown>,
  statements: { label: string; sql: string }[],
  options: RunSqlTestOptions,
): Promise<StreamPass | undefined> {
  if (t.fetch === false || count(main, 'fetched') === 0) return undefined;
  const pass = new StreamPass(
    t,
    validate,
    refValues,
    options.rejectFile ? (options.maxRejects ?? DEFAULT_MAX_REJECTS) : 0,
  );
  const sql = streamStatement(t, pass.fields);
  statements.push({ label: 'stream', sql });
  await engine.each(sql, (rows) => {
    for (const row of rows) pass.observe(fetchedRow(t, engine, row, pass.fields));
  });
  pass.flush();
  return pass;
}

async function writeRejects(
  t: CompiledSqlTest,
  engine: SqlEngine,
  ev: SqlEvidence,
  validate: import('ajv/dist/2020.js').ValidateFunction,
  refValues: RefValues,
  options: RunSqlTestOptions,
  run: Run,
): Promise<number> {
  const writer = new RejectWriter(options.rejectFile!);
  try {
    const rows = await run(
      'rejects',
      rejectsStatement(t, options.maxRejects ?? DEFAULT_MAX_REJECTS, ev.stream?.rejected ?? []),
    );
    const entries = rows.map((row) =>
      rejectEntry(t, shownRowOf(t, engine, row), row, validate, refValues, engine.multiFile, ev.stream?.keyedReasons),
    );
    writer.write(entries);
    writer.commit();
    return entries.length;
  } catch (err) {
    writer.abort();
    throw err;
  }
}
