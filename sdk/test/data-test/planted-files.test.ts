import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { DataFileError } from '../../src/io/data/errors.js';
import { readRecords } from '../../src/io/data/records.js';
import { runDataTest } from '../../src/io/data/run-data-test.js';
import type { RuleResult } from '../../src/core/quality/result.js';
import {
  NOW,
  ORDERS_CONTRACT,
  ORDERS_RULES,
  PLANTED_CSV,
  PLANTED_JSONL,
  PROFILES_JSONL,
  tempDir,
  writeFixture,
} from './fixtures.js';

const REF = 'customers.profiles/profiles';
const counts = (rules: RuleResult[]) =>
  rules.map((r) => [r.rule, r.field ?? r.fields?.join(','), r.checked, r.failed, r.passed]);
const lines = (r: { examples: { line: number }[] }) => r.examples.map((e) => e.line);

describe('dmesh test on planted-problem files', () => {
  const dir = tempDir();
  const profiles = writeFixture(dir, 'profiles.jsonl', PROFILES_JSONL);

  it('JSONL: every planted problem is found, with exact counts and line numbers', async () => {
    const file = writeFixture(dir, 'orders.jsonl', PLANTED_JSONL);
    const rejectFile = join(dir, 'rejects.jsonl');
    const { report } = await runDataTest({
      file,
      contract: ORDERS_CONTRACT,
      rules: ORDERS_RULES,
      refData: { [REF]: profiles },
      workers: 1,
      now: NOW,
      rejectFile,
    });
    expect(report.records).toBe(11);
    expect(report.badInput.count).toBe(1);
    expect(report.badInput.examples[0]).toMatchObject({ line: 4, raw: '{not json' });
    expect(report.badInput.examples[0].message).toMatch(/not valid JSON/);
    expect(report.contract.failedRecords).toBe(2);
    expect(report.contract.violations.map((v) => [v.path, v.keyword, v.count, lines(v)])).toEqual([
      ['/amount', 'type', 1, [11]],
      ['/', 'required', 1, [12]],
    ]);
    expect(counts(report.rules)).toEqual([
      ['unique', 'order_id', 9, 1, false],
      ['not_null', 'order_id,customer_id,amount', 10, 2, false],
      ['accepted_values', 'status', 10, 1, false],
      ['range', 'amount', 10, 2, false],
      ['regex', 'currency', 10, 1, false],
      ['row_count', undefined, 10, 0, true],
      ['freshness', 'created_at', 10, 0, true],
      ['relationship', 'customer_id', 9, 1, false],
      ['not_null', 'coupon', 10, 8, false],
    ]);
    expect(report.rules.map(lines)).toEqual([[5], [9, 12], [7], [6, 11], [8], [], [], [10], [2, 6, 7, 8, 9]]);
    expect(report.rules[0].examples[0]).toMatchObject({
      message: 'order_id "o1" duplicates line 1',
      value: 'o1',
      record: { order_id: 'o1', amount: 5 },
    });
    expect(report.rules[6].newest).toBe('2024-05-01T11:00:00.000Z');
    expect(report.complete).toBe(7);
    expect(report.summary).toEqual({ errors: 8, warnings: 1 });
    expect(report.passed).toBe(false);
    expect(report.rejected).toBe(9);

    const rejects = readFileSync(rejectFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rejects.map((r) => r.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rejects[0]).toEqual({
      line: 4,
      raw: '{not json',
      reasons: [{ rule: 'input', message: expect.stringMatching(/not valid JSON/) }],
    });
    expect(rejects[1].record.order_id).toBe('o1');
    expect(rejects[1].reasons).toEqual([
      { rule: 'unique', field: 'order_id', message: 'order_id "o1" duplicates line 1' },
    ]);
    expect(rejects[7].reasons.map((r: { rule: string; keyword?: string }) => r.keyword ?? r.rule)).toEqual([
      'type',
      'range',
    ]);
    expect(rejects[8].reasons.map((r: { rule: string; keyword?: string }) => r.keyword ?? r.rule)).toEqual([
      'required',
      'not_null',
    ]);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('CSV: cells are typed by the contract, quoted newlines keep line numbers, bad rows are reported', async () => {
    const file = writeFixture(dir, 'orders.csv', PLANTED_CSV);
    const rules = ORDERS_RULES;
    const { report } = await runDataTest({
      file,
      contract: ORDERS_CONTRACT,
      rules,
      refData: { [REF]: profiles },
      workers: 1,
      now: NOW,
    });
    expect(report.records).toBe(7);
    expect(report.badInput).toEqual({
      count: 1,
      examples: [{ line: 6, message: 'the row has 3 cells, the header has 7', raw: 'o4,c1,2' }],
    });
    expect(report.contract.violations.map((v) => [v.path, v.keyword, v.count, lines(v)])).toEqual([
      ['/amount', 'type', 1, [3]],
    ]);
    expect(counts(report.rules)).toEqual([
      ['unique', 'order_id', 6, 1, false],
      ['not_null', 'order_id,customer_id,amount', 6, 1, false],
      ['accepted_values', 'status', 6, 0, true],
      ['range', 'amount', 6, 1, false],
      ['regex', 'currency', 6, 1, false],
      ['row_count', undefined, 6, 0, true],
      ['freshness', 'created_at', 6, 0, true],
      ['relationship', 'customer_id', 5, 0, true],
      ['not_null', 'coupon', 6, 1, false],
    ]);
    expect(report.rules.map(lines)).toEqual([[5], [4], [], [3], [7], [], [], [], [3]]);
    expect(report.rules[4].examples[0].record).toEqual({
      order_id: 'o5',
      customer_id: 'c2',
      amount: 3,
      status: 'placed',
      currency: 'US"D',
      created_at: '2024-05-01T09:00:00Z',
      coupon: 'multi\r\nline',
    });
    expect(report.complete).toBe(4);
  });

  it('Parquet: rows are read with their row numbers and tested like any other data', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'order_id', data: ['o1', 'o2', 'o3', 'o1', 'o5'], type: 'STRING' },
        { name: 'customer_id', data: ['c1', 'c2', null, 'c1', 'c9'], type: 'STRING' },
        { name: 'amount', data: [10, -2, 3, 4, 5], type: 'DOUBLE' },
        { name: 'quantity', data: [1n, 2n, 3n, 4n, 5n], type: 'INT64' },
        {
          name: 'created_at',
          data: [1714550400000n, 1714557600000n, 1714554000000n, 1714554000000n, 1714554000000n].map(
            (n) => new Date(Number(n)),
          ),
          type: 'TIMESTAMP',
        },
      ],
    });
    const file = writeFixture(dir, 'orders.parquet', new Uint8Array(buffer));
    const contract = {
      ...ORDERS_CONTRACT,
      properties: { ...ORDERS_CONTRACT.properties, quantity: { type: 'integer' } },
    };
    const rules = ORDERS_RULES.filter(
      (r) => !['accepted_values', 'regex'].includes(r.rule) && !(r.rule === 'not_null' && r.severity),
    );
    const { report, format } = await runDataTest({
      file,
      contract,
      rules,
      refData: { [REF]: profiles },
      workers: 1,
      now: NOW,
    });
    expect(format).toBe('parquet');
    expect(report.records).toBe(5);
    expect(report.contract.failedRecords).toBe(0);
    expect(counts(report.rules)).toEqual([
      ['unique', 'order_id', 5, 1, false],
      ['not_null', 'order_id,customer_id,amount', 5, 1, false],
      ['range', 'amount', 5, 1, false],
      ['row_count', undefined, 5, 0, true],
      ['freshness', 'created_at', 5, 0, true],
      ['relationship', 'customer_id', 4, 1, false],
    ]);
    expect(report.rules.map(lines)).toEqual([[4], [3], [2], [], [], [5]]);
    expect(report.rules[4].newest).toBe('2024-05-01T10:00:00.000Z');
    const first = await readRecords(file).next();
    expect(first.value).toEqual({
      line: 1,
      record: { order_id: 'o1', customer_id: 'c1', amount: 10, quantity: 1, created_at: '2024-05-01T08:00:00.000Z' },
    });
  });

  it('readers stream JSONL records and bad lines with line numbers', async () => {
    const file = writeFixture(dir, 'small.jsonl', '{"a":1}\r\n\n[oops\n{"a":2}');
    const items = [];
    for await (const item of readRecords(file)) items.push(item);
    expect(items).toEqual([
      { line: 1, record: { a: 1 } },
      { line: 3, error: expect.stringMatching(/not valid JSON/), raw: '[oops' },
      { line: 4, record: { a: 2 } },
    ]);
  });

  it('an unreadable file is a clear error naming the file', async () => {
    const missing = join(dir, 'nope.jsonl');
    await expect(runDataTest({ file: missing, contract: ORDERS_CONTRACT, workers: 1 })).rejects.toThrow(DataFileError);
    await expect(runDataTest({ file: missing, contract: ORDERS_CONTRACT, workers: 1 })).rejects.toThrow(missing);
    const txt = writeFixture(dir, 'orders.txt', 'x');
    await expect(runDataTest({ file: txt, contract: ORDERS_CONTRACT, workers: 1 })).rejects.toThrow(
      /unknown format.*\.jsonl/,
    );
    const notParquet = writeFixture(dir, 'fake.parquet', 'not parquet at all');
    await expect(runDataTest({ file: notParquet, contract: ORDERS_CONTRACT, workers: 1 })).rejects.toThrow(
      /fake\.parquet: is not a readable Parquet file/,
    );
    const emptyCsv = writeFixture(dir, 'empty.csv', '');
    await expect(runDataTest({ file: emptyCsv, contract: ORDERS_CONTRACT, workers: 1 })).rejects.toThrow(
      /needs a header row/,
    );
    expect(existsSync(join(dir, 'rejects-none.jsonl'))).toBe(false);
  });
});
