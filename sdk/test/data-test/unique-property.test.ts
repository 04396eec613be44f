import { jest } from '@jest/globals';
import fc from 'fast-check';
import { isMissing } from '../../src/core/quality/field-path.js';
import { KeyWriter } from '../../src/core/quality/rules/key-bytes.js';
import { KeyTable } from '../../src/core/quality/rules/key-table.js';
import { unique } from '../../src/core/quality/rules/unique.js';

// Seconds on a busy two-core machine (the first contract compile, hundreds of generated cases).
jest.setTimeout(60_000);

/** The rule as first written: one `Map` keyed by the JSON of the key's values. */
function reference(records: Record<string, unknown>[], fields: string[]) {
  const first = new Map<string, number>();
  const failures: { line: number; reason: string }[] = [];
  let checked = 0;
  records.forEach((record, i) => {
    const values = fields.map((f) => record[f]);
    if (values.some(isMissing)) return;
    checked++;
    const key = JSON.stringify(values);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i + 1);
    else failures.push({ line: i + 1, reason: `${fields.join(' + ')} ${key.slice(1, -1)} duplicates line ${seen}` });
  });
  return { failures, checked };
}

/** Values that collide easily and stress the key encoding: non-ASCII, NUL-led strings, numbers vs strings. */
const value = fc.oneof(
  fc.constantFrom(
    'a',
    'b',
    '1',
    '\u0000',
    '\u0000s',
    '\u00001',
    'é',
    '😀',
    '\u0000"x"',
    '',
    1,
    2,
    true,
    null,
    undefined,
  ),
  fc.string({ maxLength: 3, unit: 'binary' }),
  fc.integer({ min: -2, max: 2 }),
  fc.constantFrom({ a: 1 }, [1], ['1']),
);

describe('unique: exactly the verdicts of a Map over the values, whatever the batches', () => {
  it.each([[['k']], [['k', 'j']]])('fields %j', (fields) => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ k: value, j: value }), { maxLength: 80 }),
        fc.array(fc.nat(80), { maxLength: 5 }),
        (records, cuts) => {
          const acc = unique({ rule: 'unique', fields });
          const cutAt = new Set(cuts);
          const failures: { line: number; reason: string }[] = [];
          const merge = () => failures.push(...acc.merge(acc.takePartial(), (line) => records[line - 1]));
          records.forEach((record, i) => {
            if (cutAt.has(i)) merge();
            expect(acc.observe(record, i + 1)).toBeUndefined();
          });
          merge();
          const expected = reference(records, fields);
          expect(failures).toEqual(expected.failures);
          const result = acc.result(new Date());
          expect(result.checked).toBe(expected.checked);
          expect(result.failed).toBe(expected.failures.length);
          expect(result.examples.map((e) => [e.line, e.message])).toEqual(
            expected.failures.slice(0, 5).map((f) => [f.line, f.reason]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('unique: the key table grows without losing a key', () => {
  it('40,000 keys, every one repeated once, in batches of 7,000', () => {
    const acc = unique({ rule: 'unique', field: 'id' });
    const failures: { line: number; reason: string }[] = [];
    for (let line = 1; line <= 80_000; line++) {
      acc.observe({ id: `id-${(line - 1) % 40_000}-é` }, line);
      if (line % 7000 === 0) failures.push(...acc.merge(acc.takePartial(), () => undefined));
    }
    failures.push(...acc.merge(acc.takePartial(), () => undefined));
    expect(failures.length).toBe(40_000);
    expect(failures[0]).toEqual({ line: 40_001, reason: 'id "id-0-é" duplicates line 1' });
    expect(failures.every((f, i) => f.line === 40_001 + i && f.reason.endsWith(`line ${i + 1}`))).toBe(true);
  });

  it('as the key table grows: thousands of distinct keys, duplicates before and after each doubling', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6000 }), { minLength: 3000, maxLength: 8000 }),
        fc.integer({ min: 50, max: 3000 }),
        (keys, batch) => {
          const records = keys.map((k) => ({ k: k % 3 ? `key-${k}` : k }));
          const acc = unique({ rule: 'unique', field: 'k' });
          const failures: { line: number; reason: string }[] = [];
          records.forEach((record, i) => {
            acc.observe(record, i + 1);
            if ((i + 1) % batch === 0) failures.push(...acc.merge(acc.takePartial(), (l) => records[l - 1]));
          });
          failures.push(...acc.merge(acc.takePartial(), (l) => records[l - 1]));
          expect(failures).toEqual(reference(records, ['k']).failures);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('KeyTable', () => {
  it('tells keys apart whose hashes are equal, and finds each again after the table grew', () => {
    const writer = new KeyWriter();
    const keys = Array.from({ length: 1200 }, (_, i) => `k${i}`);
    keys.forEach((k, i) => writer.add(k, i + 1));
    const batch = writer.take();
    batch.hashes.fill(7); // every key in one probe chain: only the bytes tell them apart
    const table = new KeyTable();
    table.warm(batch);
    for (let i = 0; i < batch.count; i++) expect(table.firstLineOf(batch, i)).toBe(-1);
    for (let i = 0; i < batch.count; i++) expect(table.firstLineOf(batch, i)).toBe(i + 1);
  });
});
