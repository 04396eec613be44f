import type { DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import type pg from 'pg';
import { presentTime, presentTimestamp } from '../../src/core/columnar/present.js';
import { isoDate } from '../../src/core/columnar/time.js';
import { parseZone, type Zone } from '../../src/core/columnar/zone.js';
import { duckdbView } from '../../src/core/sql/duckdb/views.js';
import { postgresView } from '../../src/core/sql/postgres/views.js';
import { duckdb, postgresDatabase } from './engines.js';

/**
 * The dates, timestamps and times each dialect writes in SQL (the views' `text`,
 * used by patterns, lengths, enums, keys) are `core/columnar`'s text of the same
 * value — the streaming engine's Parquet reader — over the whole range the views
 * decide (years 0001–9999, every fraction of a second).
 */
const RUNS = Number(process.env.DMESH_SQL_PROPERTY_RUNS ?? 40);
const US = 1_000_000n;
const NS = 1_000_000_000n;
const FIRST_S = -62_135_596_800n; // 0001-01-01T00:00:00Z
const END_S = 253_402_300_800n; // 10000-01-01T00:00:00Z
const DAY_US = 86_400n * US;
/** x microseconds as an exact interval (interval * numeric would go through a double). */
const PG_UNITS = "div(x, 86400000000)::int * interval '1 day' + mod(x, 86400000000)::bigint * interval '1 microsecond'";

let duck: DuckDBConnection;
let pgdb: { client: pg.Client };
beforeAll(async () => {
  duck = await duckdb();
  pgdb = await postgresDatabase('temporal');
});
afterAll(async () => {
  duck.closeSync();
  await pgdb.client.end();
});

/** Units since the epoch (or midnight): mostly anywhere in range, some at whole seconds and milliseconds. */
function units(min: bigint, max: bigint, perSecond: bigint): fc.Arbitrary<bigint[]> {
  const any = fc.bigInt({ min, max });
  const round = (step: bigint) => any.map((u) => u - (((u % step) + step) % step)).filter((u) => u >= min);
  const one = fc.oneof(any, round(perSecond), round(perSecond / 1000n), fc.constantFrom(min, max, 0n));
  return fc.array(one, { minLength: 1, maxLength: 60 });
}

const ZONES: (Zone | undefined)[] = [undefined, parseZone('UTC'), parseZone('+05:30'), parseZone('-01:00')];
const zone = fc.constantFrom(...ZONES);

/** Each value's SQL text (undefined where the view would hand the row to the streaming engine). */
async function duckdbTexts(values: bigint[], type: string, make: string, z: Zone | undefined) {
  const view = duckdbView('c', type, { ...(z && { timezone: z }) });
  const rows = values.map((v, i) => `(${i}, CAST('${v}' AS HUGEINT))`).join(', ');
  const sql = `SELECT i, CASE WHEN ${view.undecided ?? 'FALSE'} THEN NULL ELSE ${view.text} END AS t
    FROM (SELECT i, ${make} AS c FROM (VALUES ${rows}) AS v(i, x)) ORDER BY i`;
  return (await duck.runAndReadAll(sql)).getRows().map((r) => (r[1] === null ? undefined : String(r[1])));
}

async function postgresTexts(values: bigint[], type: string, make: string, z: Zone | undefined) {
  const view = postgresView('c', type, { ...(z && { timezone: z }) });
  const sql = `SELECT i, CASE WHEN ${view.undecided ?? 'FALSE'} THEN NULL ELSE ${view.text} END AS t
    FROM (SELECT i, ${make} AS c FROM unnest($1::numeric[]) WITH ORDINALITY AS v(x, i)) AS s ORDER BY i`;
  const { rows } = await pgdb.client.query(sql, [values.map(String)]);
  return rows.map((r: { t: string | null }) => r.t ?? undefined);
}

/** Every value is in the range the views decide: SQL wrote core/columnar's text for each. */
function same(texts: (string | undefined)[], values: bigint[], expected: (v: bigint) => string) {
  values.forEach((v, i) => expect([v, texts[i]]).toEqual([v, expected(v)]));
}

describe('temporal text: each dialect writes core/columnar’s text', () => {
  const cases = [
    {
      name: 'DuckDB TIMESTAMP (wall clock, x-timezone)',
      values: units(FIRST_S * US, END_S * US - 1n, US),
      texts: (v: bigint[], z?: Zone) => duckdbTexts(v, 'TIMESTAMP', 'make_timestamp(CAST(x AS BIGINT))', z),
      expected: (z?: Zone) => (v: bigint) => presentTimestamp(v, US, false, z),
    },
    {
      name: 'DuckDB TIMESTAMP_NS',
      values: units(-9_200_000_000_000_000_000n, 9_200_000_000_000_000_000n, NS),
      texts: (v: bigint[], z?: Zone) => duckdbTexts(v, 'TIMESTAMP_NS', 'make_timestamp_ns(CAST(x AS BIGINT))', z),
      expected: (z?: Zone) => (v: bigint) => presentTimestamp(v, NS, false, z),
    },
    {
      name: 'DuckDB TIMESTAMP WITH TIME ZONE',
      values: units(FIRST_S * US, END_S * US - 1n, US),
      texts: (v: bigint[]) =>
        duckdbTexts(v, 'TIMESTAMP WITH TIME ZONE', 'make_timestamptz(CAST(x AS BIGINT))', undefined),
      expected: () => (v: bigint) => presentTimestamp(v, US, true),
    },
    {
      name: 'DuckDB DATE',
      values: units(FIRST_S / 86_400n, END_S / 86_400n - 1n, 1000n),
      texts: (v: bigint[]) => duckdbTexts(v, 'DATE', "DATE '1970-01-01' + CAST(x AS INTEGER)", undefined),
      expected: () => (v: bigint) => isoDate(v),
    },
    {
      name: 'DuckDB TIME (x-timezone)',
      values: units(0n, DAY_US - 1n, US),
      texts: (v: bigint[], z?: Zone) =>
        duckdbTexts(v, 'TIME', "TIME '00:00:00' + to_microseconds(CAST(x AS BIGINT))", z),
      expected: (z?: Zone) => (v: bigint) => presentTime(v, US, false, z),
    },
    {
      name: 'PostgreSQL timestamp (wall clock, x-timezone)',
      values: units(FIRST_S * US, END_S * US - 1n, US),
      texts: (v: bigint[], z?: Zone) =>
        postgresTexts(v, 'timestamp without time zone', `'1970-01-01'::timestamp + ${PG_UNITS}`, z),
      expected: (z?: Zone) => (v: bigint) => presentTimestamp(v, US, false, z),
    },
    {
      name: 'PostgreSQL timestamptz',
      values: units(FIRST_S * US, END_S * US - 1n, US),
      texts: (v: bigint[]) =>
        postgresTexts(v, 'timestamp with time zone', `'1970-01-01 00:00:00+00'::timestamptz + ${PG_UNITS}`, undefined),
      expected: () => (v: bigint) => presentTimestamp(v, US, true),
    },
    {
      name: 'PostgreSQL date',
      values: units(FIRST_S / 86_400n, END_S / 86_400n - 1n, 1000n),
      texts: (v: bigint[]) => postgresTexts(v, 'date', "'1970-01-01'::date + x::int", undefined),
      expected: () => (v: bigint) => isoDate(v),
    },
    {
      name: 'PostgreSQL time (x-timezone)',
      values: units(0n, DAY_US - 1n, US),
      texts: (v: bigint[], z?: Zone) => postgresTexts(v, 'time without time zone', `'00:00'::time + ${PG_UNITS}`, z),
      expected: (z?: Zone) => (v: bigint) => presentTime(v, US, false, z),
    },
  ];
  it.each(cases)('$name', async ({ values, texts, expected }) => {
    await fc.assert(
      fc.asyncProperty(values, zone, async (vs, z) => same(await texts(vs, z), vs, expected(z))),
      { numRuns: RUNS },
    );
  });
});
