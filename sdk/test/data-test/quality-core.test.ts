import { buildObservation } from '../../src/core/quality/observation.js';
import { parseDuration } from '../../src/core/quality/duration.js';
import { validateRecords } from '../../src/core/quality/validate-records.js';
import { NOW } from './fixtures.js';

const OPEN = { type: 'object' };

describe('quality rules (pure core)', () => {
  it('unique on a composite key of dotted fields; null parts are not checked', () => {
    const records = [
      { a: { x: 1 }, b: 'p' },
      { a: { x: 1 }, b: 'q' },
      { a: { x: 1 }, b: 'p' },
      { a: { x: null }, b: 'p' },
      { a: { x: null }, b: 'p' },
    ];
    const [r] = validateRecords(OPEN, records, { rules: [{ rule: 'unique', fields: ['a.x', 'b'] }] }).rules;
    expect(r).toMatchObject({ checked: 3, failed: 1, passed: false });
    expect(r.examples).toEqual([
      { line: 3, message: 'a.x + b 1,"p" duplicates line 1', value: [1, 'p'], record: records[2] },
    ]);
  });

  it('keeps at most 5 examples, the lowest line numbers', () => {
    const records = Array.from({ length: 20 }, (_, i) => ({ n: i % 2 ? -i : i }));
    const [r] = validateRecords(OPEN, records, { rules: [{ rule: 'range', field: 'n', min: 0 }] }).rules;
    expect(r.failed).toBe(10);
    expect(r.examples.map((e) => e.line)).toEqual([2, 4, 6, 8, 10]);
  });

  it('freshness compares the newest timestamp with the injected clock', () => {
    const rule = { rule: 'freshness' as const, field: 't', maxAge: 'PT1H' };
    const fresh = validateRecords(OPEN, [{ t: '2024-05-01T10:30:00Z' }, { t: '2024-05-01T11:30:00Z' }], {
      rules: [rule],
      now: NOW,
    }).rules[0];
    expect(fresh).toMatchObject({ passed: true, failed: 0, newest: '2024-05-01T11:30:00.000Z' });
    const stale = validateRecords(OPEN, [{ t: '2024-05-01T10:30:00Z' }, { t: 'yesterday' }], {
      rules: [rule],
      now: NOW,
    }).rules[0];
    expect(stale).toMatchObject({ passed: false, failed: 2 });
    expect(stale.message).toMatch(/is 1\.5h old; limit PT1H/);
    expect(stale.examples[0]).toMatchObject({ line: 2, value: 'yesterday' });
  });

  it('row_count, accepted_values with null, and warning severity', () => {
    const report = validateRecords(OPEN, [{ s: 'a' }, { s: null }, { s: 'z' }], {
      rules: [
        { rule: 'row_count', min: 4 },
        { rule: 'accepted_values', field: 's', values: ['a', null] },
        { rule: 'not_null', fields: ['s'], severity: 'warning' },
      ],
    });
    expect(report.rules.map((r) => [r.passed, r.checked, r.failed])).toEqual([
      [false, 3, 1],
      [false, 3, 1],
      [false, 3, 1],
    ]);
    expect(report.rules[0].message).toBe('3 records, fewer than the minimum 4');
    expect(report.summary).toEqual({ errors: 2, warnings: 1 });
  });

  it('relationship compares values as text against the reference data', () => {
    const report = validateRecords(OPEN, [{ c: 1 }, { c: 2 }, {}], {
      rules: [{ rule: 'relationship', field: 'c', ref: 'customers.profiles/profiles#id' }],
      refData: { 'customers.profiles/profiles': ['1', '3'] },
    });
    expect(report.rules[0]).toMatchObject({
      checked: 2,
      failed: 1,
      examples: [{ line: 2, value: '2', message: 'c 2 is not among the id values of customers.profiles/profiles' }],
    });
  });

  it('parses ISO-8601 durations', () => {
    expect(parseDuration('PT2H')).toBe(7_200_000);
    expect(parseDuration('P1DT30M')).toBe(86_400_000 + 1_800_000);
    expect(parseDuration('P1W')).toBe(7 * 86_400_000);
    expect(parseDuration('2h')).toBeUndefined();
    expect(parseDuration('PT')).toBeUndefined();
  });
});

describe('buildObservation', () => {
  it('has the documented shape', () => {
    const report = validateRecords(
      { type: 'object', required: ['id'] },
      [
        { id: 1, t: '2024-05-01T11:00:00Z' },
        { t: '2024-05-01T10:00:00Z' },
        { id: 3, t: '2024-05-01T09:00:00Z' },
        { id: 4 },
      ],
      {
        now: NOW,
        rules: [
          { rule: 'freshness', field: 't', maxAge: 'PT2H' },
          { rule: 'not_null', fields: ['t'] },
          { rule: 'row_count', min: 1 },
        ],
      },
    );
    expect(buildObservation(report, NOW)).toEqual({
      time: '2024-05-01T12:00:00.000Z',
      lastUpdate: '2024-05-01T11:00:00.000Z',
      rowCount: 4,
      completeness: 50,
      quality: [
        { rule: 'freshness', field: 't', passed: true, failed: 0 },
        { rule: 'not_null', field: 't', passed: false, failed: 1 },
        { rule: 'row_count', passed: true, failed: 0 },
      ],
      availability: true,
    });
    expect(buildObservation(validateRecords(OPEN, []), NOW)).toMatchObject({
      lastUpdate: null,
      rowCount: 0,
      completeness: 100,
      quality: [],
    });
  });
});
