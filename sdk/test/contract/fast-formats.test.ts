import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { compileContract } from '../../src/core/contract/compile.js';
import { fastDate, fastDateTime, fastTime, fastUuid } from '../../src/core/contract/fast-formats.js';

type Check = (s: string) => boolean;
const reference = (name: 'date-time' | 'date' | 'time' | 'uuid'): Check => {
  const f = fullFormats[name] as unknown as RegExp | { validate: RegExp | Check };
  if (f instanceof RegExp) return (s) => f.test(s);
  const v = f.validate;
  return v instanceof RegExp ? (s) => v.test(s) : v;
};

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
// Near the canonical shape: each piece usually valid, sometimes at a boundary, sometimes wrong.
const inRange = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
const piece = (min: number, max: number, ...odd: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: inRange(min, max) },
    { weight: 1, arbitrary: digits(2) },
    { weight: 1, arbitrary: pick(...odd) },
  );
const year = fc.oneof(digits(4), pick('2000', '1900', '2024', '2023', '0000', '9999', '202', '20245'));
const month = piece(1, 12, '00', '13', '1', '012');
const day = piece(1, 28, '29', '30', '31', '00', '32', '1');
const hour = piece(0, 23, '24', '46', '99', '7');
const minute = piece(0, 59, '60', '99');
const second = piece(0, 59, '59', '60', '61');
const fraction = fc.oneof(
  pick('', '.', '.0', '.123', '.999999', '.99999999999999999999', '.5a'),
  digits(1).map((d) => '.' + d),
);
const offset = pick(
  'Z',
  'z',
  '+00:00',
  '-00:00',
  '+01:00',
  '-01:00',
  '+23:59',
  '+24:00',
  '-23:60',
  '+0530',
  '+05',
  '+5',
  '-12:3',
  '+05:30x',
  '',
  ' ',
  'ZZ',
  'T',
);
const sep = (usual: string) =>
  fc.oneof(
    { weight: 8, arbitrary: pick(usual) },
    { weight: 1, arbitrary: pick('-', ':', 'T', 't', ' ', '\u00a0', '/', '') },
  );
const time = fc.tuple(hour, sep(':'), minute, sep(':'), second, fraction, offset).map((p) => p.join(''));
const date = fc.tuple(year, sep('-'), month, sep('-'), day).map((p) => p.join(''));
const dateTime = fc
  .tuple(
    date,
    fc.oneof({ weight: 8, arbitrary: pick('T') }, { weight: 2, arbitrary: pick('t', ' ', '\t', 'x', 'TT') }),
    time,
  )
  .map((p) => p.join(''));
const hex = fc.constantFrom(...'0123456789abcdefABCDEFgG-');
const uuid = fc.oneof(
  fc.array(hex, { minLength: 36, maxLength: 36 }).map((c) => c.join('')),
  fc.uuid(),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.uuid().map((u) => 'urn:uuid:' + u),
  fc.uuid().map((u) => u.slice(0, 35) + 'g'),
);

describe('fast date-time, date, time and uuid formats agree with ajv-formats (full mode) on every string', () => {
  const cases: [string, fc.Arbitrary<string>, (s: string) => boolean | undefined, Check][] = [
    [
      'date-time',
      fc.oneof({ weight: 6, arbitrary: dateTime }, { weight: 1, arbitrary: fc.string() }),
      fastDateTime,
      reference('date-time'),
    ],
    [
      'date',
      fc.oneof({ weight: 6, arbitrary: date }, { weight: 1, arbitrary: fc.string() }),
      fastDate,
      reference('date'),
    ],
    [
      'time',
      fc.oneof({ weight: 6, arbitrary: time }, { weight: 1, arbitrary: fc.string() }),
      (s) => fastTime(s, 0),
      reference('time'),
    ],
    [
      'uuid',
      fc.oneof({ weight: 6, arbitrary: uuid }, { weight: 1, arbitrary: fc.string() }),
      fastUuid,
      reference('uuid'),
    ],
  ];

  it.each(cases)(
    '%s: the fast path decides most near-canonical strings, and decides them as ajv-formats does',
    (_name, strings, fast, slow) => {
      let decided = 0;
      let valid = 0;
      fc.assert(
        fc.property(strings, (s) => {
          const verdict = fast(s);
          if (verdict === undefined) return;
          decided++;
          if (verdict) valid++;
          expect(verdict).toBe(slow(s));
        }),
        { numRuns: 20_000 },
      );
      // the property is not vacuous: the fast path answered often, both ways
      expect(decided).toBeGreaterThan(2_000);
      expect(valid).toBeGreaterThan(500);
      expect(decided - valid).toBeGreaterThan(500);
    },
  );

  it.each([
    ['2024-02-29T23:59:60Z', true], // leap day, leap second in UTC
    ['2023-02-29T10:00:00Z', false], // not a leap year
    ['1900-02-29T10:00:00Z', false],
    ['2000-02-29T10:00:00Z', true],
    ['2024-06-30T23:59:60.5+00:00', true],
    ['2024-06-30T22:59:60-01:00', true], // 23:59:60 UTC
    ['2024-06-30T23:59:60+01:00', false], // 22:59:60 UTC
    ['2024-01-01T10:00:59.99999999999999999Z', false], // rounds to 60 s, not a leap second
    ['2024-01-01T10:00:00', false], // an offset is required
    ['2024-01-01 10:00:00Z', true], // ajv-formats accepts a space
    ['2024-01-01T10:00:00+24:00', false],
  ])('a contract with format date-time judges %s as %s, as ajv-formats does', (value, expected) => {
    const { validate } = compileContract({ type: 'string', format: 'date-time' });
    expect(validate(value)).toBe(expected);
    expect(reference('date-time')(value)).toBe(expected);
  });
});
