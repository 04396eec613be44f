import type { DuckDBConnection } from '@duckdb/node-api';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import type pg from 'pg';
import { toDecimal, isDecimalMultiple } from '../../src/core/contract/decimal.js';
import type { SqlDialect } from '../../src/core/sql/dialect.js';
import { duckdbDialect } from '../../src/core/sql/duckdb/dialect.js';
import { formatFails, SQL_FORMATS } from '../../src/core/sql/formats.js';
import { postgresDialect } from '../../src/core/sql/postgres/dialect.js';
import { sql } from '../../src/core/sql/cond.js';
import { duckdb, duckdbTruth, postgresDatabase, postgresTruth } from './engines.js';

const RUNS = Number(process.env.DMESH_SQL_PROPERTY_RUNS ?? 150);

let duck: DuckDBConnection;
let pgdb: { client: pg.Client };
beforeAll(async () => {
  duck = await duckdb();
  pgdb = await postgresDatabase('formats');
});
afterAll(async () => {
  duck.closeSync();
  await pgdb.client.end();
});

/** ajv-formats' full-mode verdict, the one the streaming engine gives (fast-formats has the same verdicts). */
function ajvFormat(name: string): (s: string) => boolean {
  const f = (fullFormats as unknown as Record<string, RegExp | { validate: RegExp | ((s: string) => boolean) }>)[name];
  if (f instanceof RegExp) return (s) => f.test(s);
  const v = f.validate;
  return typeof v === 'function' ? v : (s) => v.test(s);
}

const d2 = fc.constantFrom(
  '00',
  '01',
  '02',
  '09',
  '12',
  '13',
  '23',
  '24',
  '28',
  '29',
  '30',
  '31',
  '59',
  '60',
  '61',
  '99',
);
const year = fc.constantFrom('0000', '1900', '2000', '2023', '2024', '2100', '9999');
const frac = fc.constantFrom('', '.5', '.123', '.999999999999999', '.9999999999999999999', '.');
const zone = fc.constantFrom('Z', 'z', '+00:00', '-01:30', '+0530', '+05', '+23:59', '+24:00', '-00:60', '', '+1:00');
const sep = fc.constantFrom('T', 't', ' ', '\u00a0', '\u2003', '_', 'TT');
const time = fc.tuple(d2, d2, d2, frac, zone).map(([h, m, s, f, z]) => `${h}:${m}:${s}${f}${z}`);
const date = fc.tuple(year, d2, d2).map(([y, m, d]) => `${y}-${m}-${d}`);
const junk = fc.string({ maxLength: 12 });
const uuid = fc
  .tuple(fc.constantFrom('', 'urn:uuid:', 'URN:UUID:'), fc.uuid(), fc.boolean(), fc.constantFrom('', 'g', '-'))
  .map(([p, u, upper, extra]) => p + (upper ? u.toUpperCase() : u) + extra);
const email = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom('a@b', 'A@B.COM', 'a..b@c.d', 'a@-b.c', 'ä@b.c', 'a@b_c.d', '@b.c'),
);
const ipv4 = fc.oneof(fc.ipV4(), fc.constantFrom('256.1.1.1', '01.2.3.4', '1.2.3', '1.2.3.4.5', '0.0.0.0'));

const STRINGS: Record<(typeof SQL_FORMATS)[number], fc.Arbitrary<string>> = {
  date: fc.oneof(date, junk),
  time: fc.oneof(time, junk),
  'date-time': fc.oneof(
    fc.tuple(date, sep, time).map(([a, s, b]) => `${a}${s}${b}`),
    junk,
  ),
  uuid: fc.oneof(uuid, junk),
  email,
  ipv4,
};

async function truth(d: SqlDialect, texts: string[], fails: (c: string) => string): Promise<boolean[]> {
  const valid = (c: string) => `NOT (${fails(c)})`;
  return d === duckdbDialect ? duckdbTruth(duck, texts, valid) : postgresTruth(pgdb.client, texts, valid);
}

describe('format checks in SQL', () => {
  it.each(SQL_FORMATS)(
    '%s: the verdict of ajv-formats on generated strings, in DuckDB and PostgreSQL',
    async (name) => {
      const expected = ajvFormat(name);
      await fc.assert(
        fc.asyncProperty(fc.array(STRINGS[name], { minLength: 30, maxLength: 30 }), async (texts) => {
          const want = texts.map(expected);
          for (const d of [duckdbDialect, postgresDialect]) {
            const got = await truth(d, texts, (c) => sql(formatFails(name, c, d)!));
            expect(texts.filter((_, i) => got[i] !== want[i])).toEqual([]);
          }
        }),
        { numRuns: Math.ceil(RUNS / 3) },
      );
    },
    600_000,
  );

  it('a plain timestamp cast is not date-time: the SQL check refuses what the cast accepts', async () => {
    const texts = ['2024-01-01', 'infinity', '2024-01-01T10:00:00', '2024-01-01 10:00:00+00'];
    for (const d of [duckdbDialect, postgresDialect])
      expect(await truth(d, texts, (c) => sql(formatFails('date-time', c, d)!))).toEqual([false, false, false, true]);
    expect(formatFails('hostname', 'x', duckdbDialect)).toBeUndefined();
  });
});

/** The views' `multipleOf` for doubles and integers, against `isDecimalMultiple` (dmesh's one meaning). */
describe('multipleOf in SQL', () => {
  const divisors = fc.oneof(
    fc.constantFrom(0.1, 0.01, 0.5, 0.25, 3, 7, 1e-7, 0.3, 1e21, 2.5e-5, 1),
    fc.integer({ min: 1, max: 1000 }).map((n) => n / 100),
  );
  const doubles = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100),
    fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
    // 21195417138904270: JavaScript writes it shorter than float8 does (a tie above 2^53).
    fc.constantFrom(0.3, 1.7, 0.30000000000000004, 1e21, 1.5e-7, 123456789.12345678, -0, 5e-324, 21195417138904270),
  );

  it('decides a double as the decimal of its shortest form, in DuckDB and PostgreSQL', async () => {
    await fc.assert(
      fc.asyncProperty(divisors, fc.array(doubles, { minLength: 20, maxLength: 20 }), async (m, xs) => {
        const want = xs.map((x) => isDecimalMultiple(x, m));
        const duckView = duckdbDialect.view('x', 'DOUBLE', {});
        const pgView = postgresDialect.view('x', 'double precision', {});
        const literal = (x: number) => (Object.is(x, -0) ? '-0.0' : String(x));
        const dq = `SELECT i, NOT (${sql(duckView.multipleOf!(toDecimal(m))!.fails)}) AS v FROM (VALUES ${xs.map((x, i) => `(${i}, '${literal(x)}'::DOUBLE)`).join(', ')}) t(i, x) ORDER BY i`;
        const dg = (await duck.runAndReadAll(dq)).getRows().map((r) => r[1]);
        expect(dg).toEqual(want);
        const pq = `SELECT i, NOT (${sql(pgView.multipleOf!(toDecimal(m))!.fails)}) AS v FROM unnest($1::float8[]) WITH ORDINALITY AS t(x, i) ORDER BY i`;
        const pgot = (await pgdb.client.query(pq, [xs.map(literal)])).rows.map((r) => r.v);
        expect(pgot).toEqual(want);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('decides integers exactly, whatever the divisor', async () => {
    await fc.assert(
      fc.asyncProperty(
        divisors,
        fc.array(fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }), { minLength: 20, maxLength: 20 }),
        async (m, ns) => {
          // beyond 2^53 a BIGINT is a string in the record (multipleOf does not apply): only safe integers are compared
          const want = ns.map((n) => isDecimalMultiple(Number(n), m));
          const view = duckdbDialect.view('x', 'BIGINT', {});
          const q = `SELECT i, NOT (${sql(view.multipleOf!(toDecimal(m))!.fails)}) AS v FROM (VALUES ${ns.map((n, i) => `(${i}, ${n}::BIGINT)`).join(', ')}) t(i, x) ORDER BY i`;
          const got = (await duck.runAndReadAll(q)).getRows().map((r) => r[1]);
          ns.forEach((n, i) => {
            if (Number.isSafeInteger(Number(n))) expect([n, got[i]]).toEqual([n, want[i]]);
          });
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});
