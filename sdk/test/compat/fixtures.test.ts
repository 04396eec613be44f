import { checkCompatibility, type CompatibilityMode } from '../../src/core/compat/index.js';
import { loadFixtures, type FixtureCase } from './load-fixtures.js';

const cases = loadFixtures();

/** BACKWARD(prev → next) promises exactly what FORWARD(next → prev) promises. */
const MIRROR: Partial<Record<CompatibilityMode, CompatibilityMode>> = {
  BACKWARD: 'FORWARD',
  FORWARD: 'BACKWARD',
  FULL: 'FULL',
};

function run(c: FixtureCase) {
  return checkCompatibility(c.previous, c.next, c.mode ?? 'BACKWARD', { labels: { next: 'next' } });
}

describe('compatibility fixtures', () => {
  it('has loosening and tightening cases for every keyword family', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => c.compatible).length).toBeGreaterThan(50);
    expect(cases.filter((c) => !c.compatible).length).toBeGreaterThan(50);
  });

  it.each(cases.map((c) => [`${c.file}: ${c.name}`, c] as const))('%s', (_title, c) => {
    const report = run(c);
    expect({ compatible: report.compatible, changes: report.changes }).toMatchObject({ compatible: c.compatible });
    const codes = report.changes.map((ch) => ch.code);
    for (const code of c.codes ?? []) expect(codes).toContain(code);
    if (c.bump) expect(report.requiredBump).toBe(c.bump);
    if (!c.compatible) expect(report.requiredBump).toBe('major');
    for (const ch of report.changes) {
      expect(ch.message.length).toBeGreaterThan(10);
      expect(ch.path.startsWith('/')).toBe(true);
      if (!ch.breaking) expect(ch.counterexample).toBeUndefined();
    }
  });

  it.each(
    cases
      .filter((c) => MIRROR[c.mode ?? 'BACKWARD'] && !Array.isArray(c.previous))
      .map((c) => [`${c.file}: ${c.name}`, c] as const),
  )('mirrored direction: %s', (_title, c) => {
    const mirrored = checkCompatibility(c.next, c.previous, MIRROR[c.mode ?? 'BACKWARD']!);
    expect(mirrored.compatible).toBe(c.compatible);
  });
});
