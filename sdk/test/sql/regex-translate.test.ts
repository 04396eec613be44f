import type { DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import type pg from 'pg';
import { createSafeRegExp } from '../../src/core/regex/safe-regexp.js';
import { duckdbDialect } from '../../src/core/sql/duckdb/dialect.js';
import { postgresDialect } from '../../src/core/sql/postgres/dialect.js';
import { translatePattern } from '../../src/core/sql/regex/emit.js';
import { duckdb, duckdbTruth, postgresDatabase, postgresTruth } from './engines.js';

const RUNS = Number(process.env.DMESH_SQL_PROPERTY_RUNS ?? 150);

let duck: DuckDBConnection;
let pgdb: { client: pg.Client };
beforeAll(async () => {
  duck = await duckdb();
  pgdb = await postgresDatabase('regex');
});
afterAll(async () => {
  duck.closeSync();
  await pgdb.client.end();
});

const CHARS = [
  'a',
  'b',
  'A',
  'z',
  '0',
  '9',
  '_',
  '-',
  ' ',
  'é',
  '😀',
  '\n',
  '\r',
  '\t',
  '\v',
  '\u00a0',
  '\u2028',
  '.',
  'x',
];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((cs) => cs.join(''));

const LITERALS = [
  'a',
  'b',
  'A',
  'z',
  '0',
  '_',
  ' ',
  'é',
  '😀',
  '\\.',
  '\\-'.slice(1),
  '\\t',
  '\\u00e9',
  '\\u{1F600}',
  'x',
];
const CLASS_ITEMS = ['a', 'b', 'z', '0-9', 'a-c', '\\d', '\\s', '\\w', '\\S', 'é', '😀', '\\-', '.', ' ', '_', '\\n'];

const { pattern } = fc.letrec<{ pattern: string; term: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...LITERALS, '.', '\\d', '\\D', '\\w', '\\W', '\\s', '\\S'),
    fc
      .tuple(fc.boolean(), fc.array(fc.constantFrom(...CLASS_ITEMS), { minLength: 1, maxLength: 3 }))
      .map(([neg, items]) => `[${neg ? '^' : ''}${items.join('')}]`),
    fc.tuple(fc.constantFrom('(', '(?:', '(?<g>'), tie('pattern')).map(([open, p]) => `${open}${p})`),
  ),
  term: fc.oneof(
    fc.tuple(tie('atom'), fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}', '{0,}', '*?')).map(([a, q]) => a + q),
    fc.constantFrom('^', '$', '\\b'),
  ),
  pattern: fc
    .array(
      fc.array(tie('term'), { maxLength: 4 }).map((ts) => ts.join('')),
      { minLength: 1, maxLength: 3 },
    )
    .map((alts) => alts.join('|')),
}));

/** A text with every character outside printable ASCII spelled as a code point. */
function visible(s: string): string {
  return [...s].map((c) => (c >= ' ' && c <= '~' ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`)).join('');
}

/** The streaming engine's verdict: the pattern as `createSafeRegExp` runs it (native RegExp or re2js). */
function streaming(p: string): ((s: string) => boolean) | undefined {
  try {
    new RegExp(p, 'u');
    const re = createSafeRegExp(p);
    return (s) => re.test(s);
  } catch {
    return undefined;
  }
}

/** The engine-side check `runSqlTest` makes before using a translation (PostgreSQL refuses some as too complex). */
async function postgresCompiles(pattern: string): Promise<boolean> {
  try {
    await pgdb.client.query(`SELECT '' ~ ${postgresDialect.string(pattern)}`);
    return true;
  } catch (err) {
    expect((err as Error).message).toMatch(/too complex/);
    return false;
  }
}

// contract patterns translated to SQL
it('contract patterns translated to SQL: match exactly the strings the streaming engine matches, in DuckDB (RE2) and PostgreSQL (ARE)', async () => {
  let translated = 0;
  let considered = 0;
  await fc.assert(
    fc.asyncProperty(pattern, fc.array(text, { minLength: 20, maxLength: 20 }), async (p, texts) => {
      const test = streaming(p);
      if (!test) return;
      considered++;
      const expected = texts.map(test);
      const duck2 = translatePattern(p, duckdbDialect.regex);
      const pg2 = translatePattern(p, postgresDialect.regex);
      const differing = (got: boolean[]) => texts.filter((_, i) => got[i] !== expected[i]).map(visible);
      if (duck2.ok) {
        translated++;
        const got = await duckdbTruth(duck, texts, (c) => duckdbDialect.regexMatch(c, duck2.pattern));
        expect({ duckdb: duck2.pattern, differing: differing(got) }).toEqual({
          duckdb: duck2.pattern,
          differing: [],
        });
      }
      if (pg2.ok && (await postgresCompiles(pg2.pattern))) {
        const got = await postgresTruth(pgdb.client, texts, (c) => postgresDialect.regexMatch(c, pg2.pattern));
        expect({ postgres: pg2.pattern, differing: differing(got) }).toEqual({
          postgres: pg2.pattern,
          differing: [],
        });
      }
    }),
    { numRuns: RUNS },
  );
  // nearly every pattern the product accepts translates
  expect(translated).toBeGreaterThan(considered * 0.7);
}, 600_000);

it.each([
  ['^\\s$', ['\u00a0', '\v', ' ', 'a']],
  ['^a.b$', ['a\nb', 'a\rb', 'a\u2028b', 'a b', 'aéb']],
  ['\\bab\\b', ['ab', 'xab', 'a ab.', 'éab']],
  ['^[^\\s\\d]+$', ['ab', 'a b', 'a1', 'é😀']],
  ['^[\\S]$', [' ', 'a', '\u2028']],
  ['^\\u{1F600}{2}$', ['😀😀', '😀']],
  ['^^$$', ['', 'a']],
  ['(?:^)^a', ['a', 'ba']],
])('pattern %j agrees on its edge cases (or is declined with a reason)', async (p, texts) => {
  const expected = texts.map(streaming(p)!);
  for (const [dialect, truth] of [
    [duckdbDialect, (e: (c: string) => string) => duckdbTruth(duck, texts, e)],
    [postgresDialect, (e: (c: string) => string) => postgresTruth(pgdb.client, texts, e)],
  ] as const) {
    const t = translatePattern(p, dialect.regex);
    expect(t.ok).toBe(true);
    if (t.ok) expect(await truth((c) => dialect.regexMatch(c, t.pattern))).toEqual(expected);
  }
});

it('contract patterns translated to SQL: declines what it cannot translate exactly, saying why', () => {
  expect(translatePattern('\\p{L}', duckdbDialect.regex)).toEqual({
    ok: false,
    reason: 'the pattern uses the escape \\p',
  });
  expect(translatePattern('a(?=b)', duckdbDialect.regex).ok).toBe(false);
  expect(translatePattern('(a)\\1', postgresDialect.regex).ok).toBe(false);
  expect(translatePattern('a{300}', postgresDialect.regex)).toEqual({
    ok: false,
    reason: 'the pattern uses a repetition count above 255',
  });
  expect(translatePattern('a{300}', duckdbDialect.regex).ok).toBe(true);
  // \B: RE2 also tests it between the bytes of "é", JavaScript between the halves of "😀"
  expect(translatePattern('a\\Bb', duckdbDialect.regex).ok).toBe(false);
  expect(translatePattern('a\\Bb', postgresDialect.regex).ok).toBe(false);
});
