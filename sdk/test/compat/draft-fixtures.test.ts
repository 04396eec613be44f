import { checkCompatibility } from '../../src/core/compat/index.js';
import { compileContract, draftOf } from '../../src/core/contract/compile.js';
import { validateRecords } from '../../src/core/quality/validate-records.js';
import { loadFixtures, type FixtureCase } from './load-fixtures.js';

/** The fixture cases that carry records: every draft's own syntax for each keyword family, and cross-draft pairs. */
const cases = loadFixtures().filter((c) => c.records?.length);
const latest = (c: FixtureCase) => (Array.isArray(c.previous) ? c.previous[c.previous.length - 1] : c.previous);

describe('fixtures in every draft: compile, data tests and compatibility agree', () => {
  it('cover the five drafts, with records', () => {
    const drafts = new Set(cases.flatMap((c) => [latest(c), c.next]).map((s) => draftOf(s)));
    expect([...drafts].sort()).toEqual(['2019-09', '2020-12', 'draft-04', 'draft-06', 'draft-07']);
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases.map((c) => [`${c.file}: ${c.name}`, c] as const))('%s', (_title, c) => {
    for (const [side, schema] of [
      ['previous', latest(c)],
      ['next', c.next],
    ] as const) {
      const compiled = compileContract(schema);
      expect(compiled.draft).toBe(draftOf(schema));
      for (const r of c.records!) {
        // The contract's own draft decides, in validation and in a data test alike.
        expect({ record: r.value, side, valid: compiled.validate(r.value) }).toEqual({
          record: r.value,
          side,
          valid: r[side],
        });
        expect(validateRecords(schema, [r.value]).contract.passed).toBe(r[side]);
      }
    }
    // A record valid under previous and rejected by next refutes BACKWARD; the reverse refutes FORWARD.
    const mode = c.mode ?? 'BACKWARD';
    const report = checkCompatibility(c.previous, c.next, mode);
    const refutes = c.records!.some((r) =>
      mode.startsWith('FORWARD') ? r.next && !r.previous : r.previous && !r.next,
    );
    if (refutes) expect(report.compatible).toBe(false);
  });
});
