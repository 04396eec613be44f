import { checkCompatibility } from '../../src/core/compat/index.js';
import { validatorFor } from '../../src/core/compat/ajv-pool.js';
import { loadFixtures } from './load-fixtures.js';

describe('counterexamples', () => {
  const breaking = loadFixtures().flatMap((c) => {
    const report = checkCompatibility(c.previous, c.next, c.mode ?? 'BACKWARD');
    const prevs = Array.isArray(c.previous) ? c.previous : [c.previous];
    return report.changes.filter((ch) => ch.breaking).map((ch) => ({ c, ch, prevs }));
  });

  it('at least 90 % of the breaking changes in the fixture suite carry a verified counterexample', () => {
    const withCx = breaking.filter(({ ch }) => ch.counterexample !== undefined);
    const share = withCx.length / breaking.length;
    console.log(
      `compat counterexamples: ${withCx.length}/${breaking.length} breaking changes (${(share * 100).toFixed(1)} %)`,
    );
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it('every counterexample is valid under the side it names and invalid under the other', () => {
    for (const { c, ch, prevs } of breaking) {
      if (ch.counterexample === undefined) continue;
      const prev =
        prevs[
          Math.max(0, prevs.length === 1 ? 0 : Number(/\[(\d+)\]/.exec(ch.against ?? '')?.[1] ?? prevs.length - 1))
        ];
      const [valid, invalid] = ch.validUnder === 'previous' ? [prev, c.next] : [c.next, prev];
      expect(validatorFor(valid)(ch.counterexample)).toBe(true);
      expect(validatorFor(invalid)(ch.counterexample)).toBe(false);
    }
  });
});
