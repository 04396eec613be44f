import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jest } from '@jest/globals';
import pc from 'picocolors';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { readRecords } from '../../src/io/data/records.js';
import { loadPortForTest } from '../../src/cli/load-port.js';

/**
 * Parquet files written by DuckDB (scripts/make-parquet-fixtures.mjs), one per
 * codec, the same six rows in each, tested through `dmesh test` as a user runs it.
 */
const PRODUCT = fileURLToPath(new URL('./fixtures/parquet-orders/', import.meta.url));
const CODECS = ['zstd', 'gzip', 'snappy', 'lz4_raw', 'brotli', 'uncompressed'];

jest.setTimeout(60_000); // six files through the whole CLI: seconds on a busy two-core machine

async function dmesh(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (t) => (out += t + '\n'),
    err: (t) => (err += t + '\n'),
    color: pc.createColors(false),
    isTTY: false,
    env: {},
    cwd: PRODUCT,
  };
  const code = await main(args, io);
  return { code, out, err };
}

let contract: unknown;
beforeAll(async () => {
  contract = (await loadPortForTest(PRODUCT)).contract;
});

async function records(file: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of readRecords(file, { schema: contract })) out.push(item);
  return out;
}

/** What the contract sees: nulls where it allows them, absent elsewhere; dates and times as its formats expect. */
const EXPECTED_FIRST_ROWS = [
  {
    order_id: 'o1',
    customer_id: 'c1',
    amount: 19.99,
    coupon_code: 'SPRING',
    note: 'gift',
    created_at: '2024-05-01T10:00:00.000Z',
    updated_local: '2024-05-01T12:00:00.000+02:00', // TIMESTAMP without time zone, x-timezone Europe/Oslo (summer)
    shipped_local: '2024-05-02T08:00:00.000', // TIMESTAMP without time zone and no x-timezone: no offset
    order_date: '2024-05-01',
    pickup_time: '09:30:00.000Z',
    address: { city: 'Oslo', zip: '0150' },
    lines: [{ sku: 'A-1', qty: 1 }],
    tags: ['new'],
    quantity: 1,
  },
  {
    order_id: 'o2',
    customer_id: 'c2',
    amount: 0.57, // DECIMAL(10,2) 57: not 0.5700000000000001
    // coupon_code: null and not nullable in the contract, so absent
    note: null, // nullable: stays null
    created_at: '2024-05-01T10:30:00.123456Z', // microseconds kept
    updated_local: '2024-12-01T12:00:00.500+01:00', // Oslo in winter
    // shipped_local: null, not nullable: absent
    order_date: '2024-05-01',
    pickup_time: '10:15:30.250Z',
    address: { city: 'Rome', zip: '00184' },
    lines: [],
    tags: ['gift', null], // list elements keep their nulls
    quantity: 2,
  },
];

describe('Parquet written by DuckDB, every codec', () => {
  it('the fixture folder has one file per codec', () => {
    expect(readdirSync(`${PRODUCT}/data`).sort()).toEqual(CODECS.map((c) => `orders-${c}.parquet`).sort());
  });

  it('every codec reads to the same records, presented as the contract describes them', async () => {
    const zstd = await records(`${PRODUCT}/data/orders-zstd.parquet`);
    expect(zstd.slice(0, 2)).toEqual(EXPECTED_FIRST_ROWS.map((record, i) => ({ line: i + 1, record })));
    expect(zstd[2]).toMatchObject({ record: { address: { city: 'Paris' } } });
    expect((zstd[2] as { record: { address: object } }).record.address).not.toHaveProperty('zip');
    expect(zstd[5]).toMatchObject({
      record: { lines: [{ sku: 'C-3', qty: 1 }, { sku: 'D-4' }], quantity: '9007199254740993' },
    });
    for (const codec of CODECS.slice(1)) expect(await records(`${PRODUCT}/data/orders-${codec}.parquet`)).toEqual(zstd);
  });
});

describe('dmesh test on Parquet written by DuckDB', () => {
  it.each(CODECS)(
    'dmesh test --data orders-%s.parquet: the one required null fails, optional nulls pass',
    async (codec) => {
      const { code, out } = await dmesh([
        'test',
        '.',
        '--data',
        `data/orders-${codec}.parquet`,
        '--workers',
        '1',
        '--json',
      ]);
      const report = JSON.parse(out);
      expect(code).toBe(1);
      expect(report.format).toBe('parquet');
      expect(report.records).toBe(6);
      expect(
        report.contract.violations.map((v: { path: string; keyword: string; count: number }) => [
          v.path,
          v.keyword,
          v.count,
        ]),
      ).toEqual([['/', 'required', 1]]);
      expect(report.contract.violations[0].examples[0]).toMatchObject({ line: 5 });
      const rules = report.rules.map((r: { rule: string; failed: number; passed: boolean }) => [
        r.rule,
        r.failed,
        r.passed,
      ]);
      expect(rules).toEqual([
        ['unique', 0, true],
        ['not_null', 1, false],
        ['not_null', 2, false], // the warning rule still sees the two coupon_code nulls
        ['range', 0, true],
        ['row_count', 0, true],
        ['freshness', 0, true],
      ]);
      expect(report.summary).toEqual({ errors: 2, warnings: 1 });
    },
  );

  it('a timestamp without time zone does not satisfy date-time unless the field says its zone', async () => {
    const props = (contract as { properties: Record<string, object> }).properties;
    const noZone = {
      ...(contract as object),
      properties: { ...props, shipped_local: { type: 'string', format: 'date-time' } },
    };
    const { runDataTest } = await import('../../src/io/data/run-data-test.js');
    const { report } = await runDataTest({
      file: `${PRODUCT}/data/orders-snappy.parquet`,
      contract: noZone,
      workers: 1,
    });
    expect(report.contract.violations.map((v) => [v.path, v.keyword, v.count])).toEqual([
      ['/shipped_local', 'format', 2],
      ['/', 'required', 1],
    ]);
  });
});
