import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { QualityRule } from '../../src/core/quality/types.js';
import { runDataTest } from '../../src/io/data/run-data-test.js';
import { runTextSql } from '../../src/io/sql/run-text-sql.js';
import { tempDir } from './engines.js';

/**
 * One verdict for JSONL and CSV: `--engine sql` (DuckDB reading the text,
 * never typed) gives exactly `--engine stream`'s report and dead letters on
 * generated files full of coercion traps — "4" for an integer, 1.5, null next
 * to missing, extra keys, quoted "" next to empty cells, cells spanning lines,
 * lines that are not JSON, blank lines, CRLF.
 */
const RUNS = Number(process.env.DMESH_TEXT_PROPERTY_RUNS ?? 25);
const NOW = new Date('2024-06-01T12:00:00Z');
const dir = tempDir('dmesh-text-verdict-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const value = fc.oneof(
  fc.constantFrom(4, '4', 1.5, -1, 0, null, true, 'true', '', ' 7 ', 1e21, '1e3', 'a,b', 'x"y', 'two\nlines'),
  fc.integer({ min: -5, max: 5 }),
  fc.string({ maxLength: 4 }),
);
const MISSING = Symbol('missing');
const cell = fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: fc.constant(MISSING) });
const row = fc.record({ id: cell, qty: cell, name: cell, extra: cell });

const contract = fc
  .record({
    nullableName: fc.boolean(),
    closed: fc.boolean(),
    qtyType: fc.constantFrom('integer', 'number', 'string', 'boolean'),
  })
  .map(({ nullableName, closed, qtyType }) => ({
    type: 'object',
    required: ['id', 'qty'],
    properties: {
      id: { type: 'integer' },
      qty: { type: qtyType, ...(qtyType === 'integer' || qtyType === 'number' ? { minimum: 0 } : {}) },
      name: { type: nullableName ? ['string', 'null'] : 'string', maxLength: 3 },
    },
    additionalProperties: !closed,
  }));

const RULES: QualityRule[] = [
  { rule: 'unique', field: 'id' },
  { rule: 'not_null', fields: ['name'], severity: 'warning' },
  { rule: 'range', field: 'qty', min: 0, max: 4 },
];

type Row = Record<string, unknown>;

function jsonl(rows: Row[], bad: number[], crlf: boolean): string {
  const eol = crlf ? '\r\n' : '\n';
  const lines = rows.map((r, i) => {
    if (bad.includes(i)) return i % 2 ? '{"id": NaN}' : '{"id": 1,}';
    const record = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== MISSING));
    return i % 7 === 3 ? '' : JSON.stringify(record);
  });
  return lines.join(eol) + eol;
}

/** A missing value is an empty unquoted cell; an empty string is `""`; other values are their text, quoted when needed. */
function csv(rows: Row[], crlf: boolean): string {
  const eol = crlf ? '\r\n' : '\n';
  const text = (v: unknown) => {
    if (v === MISSING || v === null) return '';
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return s === '' || /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return ['id,qty,name,extra', ...rows.map((r) => ['id', 'qty', 'name', 'extra'].map((k) => text(r[k])).join(','))]
    .map((l) => l + eol)
    .join('');
}

function comparable(report: object): object {
  const { engine: _e, dialect: _d, placement: _p, streamedRows: _s, ...rest } = report as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest)) as object;
}

let caseNo = 0;

async function bothEngines(file: string, schema: unknown): Promise<void> {
  const n = caseNo++;
  const streamRejects = join(dir, `s${n}.rejects.jsonl`);
  const sqlRejects = join(dir, `q${n}.rejects.jsonl`);
  const format = file.endsWith('.csv') ? 'csv' : 'jsonl';
  const stream = await runDataTest({
    file,
    contract: schema,
    rules: RULES,
    workers: 1,
    now: NOW,
    rejectFile: streamRejects,
  });
  const sql = await runTextSql({
    data: file,
    cwd: dir,
    format,
    contract: schema,
    rules: RULES,
    now: NOW,
    rejectFile: sqlRejects,
  });
  expect(sql.report).toMatchObject({ engine: 'stream', dialect: 'duckdb' });
  expect(comparable(sql.report)).toEqual(comparable(stream.report));
  expect(readFileSync(sqlRejects, 'utf8')).toEqual(readFileSync(streamRejects, 'utf8'));
}

it('JSONL and CSV with --engine sql: the streaming engine’s report and dead letters, traps included', async () => {
  await fc.assert(
    fc.asyncProperty(
      contract,
      fc.array(row, { minLength: 1, maxLength: 12 }),
      fc.array(fc.nat(11), { maxLength: 2 }),
      fc.boolean(),
      async (schema, rows, bad, crlf) => {
        const base = join(dir, `case${caseNo}`);
        writeFileSync(`${base}.jsonl`, jsonl(rows, bad, crlf));
        writeFileSync(`${base}.csv`, csv(rows, crlf));
        await bothEngines(`${base}.jsonl`, schema);
        await bothEngines(`${base}.csv`, schema);
      },
    ),
    { numRuns: RUNS },
  );
}, 120_000); // about 4 s alone; the whole suite shares 2 cores
