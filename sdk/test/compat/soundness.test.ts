import fc from 'fast-check';
import { checkCompatibility } from '../../src/core/compat/index.js';
import { generateValid, seeded } from '../../src/core/compat/generate.js';
import { adopt } from '../../src/core/compat/nodes.js';
import { validatorFor } from '../../src/core/compat/ajv-pool.js';
import { DRAFTS } from '../../src/core/contract/drafts.js';
import { normalizeContract } from '../../src/core/contract/normalize.js';
import { draftSchemaArb } from './draft-arbitraries.js';
import { mutate, schemaArb } from './schema-arbitraries.js';

const RUNS = Number(process.env.COMPAT_PROPERTY_RUNS ?? 2000);
const DRAFT_RUNS = Number(process.env.COMPAT_DRAFT_PROPERTY_RUNS ?? 15);
const INSTANCES = 8;

function compiles(schema: unknown): boolean {
  try {
    validatorFor(schema);
    return true;
  } catch {
    return false;
  }
}

const stats = { cases: 0, compatible: 0, generated: 0, valid: 0 };

/** Instances generated from `from` and valid under it must all be valid under `to` (ajv decides). */
function promiseHolds(from: unknown, to: unknown, seed: number): boolean {
  const fromV = validatorFor(from);
  const toV = validatorFor(to);
  const doc = adopt(from);
  for (let k = 0; k < INSTANCES; k++) {
    const instance = generateValid(doc.root, k === 0 ? undefined : seeded(seed + k));
    stats.generated++;
    if (!fromV(instance)) continue;
    stats.valid++;
    if (!toV(instance)) {
      throw new Error(
        `unsound: ${JSON.stringify(instance)} is valid under ${JSON.stringify(from)} but not under ${JSON.stringify(to)}`,
      );
    }
  }
  return true;
}

describe('soundness: "compatible" is never said of a pair some instance breaks', () => {
  it(`holds for ${RUNS} generated schema changes (BACKWARD and FORWARD)`, () => {
    fc.assert(
      fc.property(schemaArb, fc.integer({ min: 1, max: 2 ** 30 }), (prev, seed) => {
        const next = mutate(prev, seed);
        if (!compiles(prev) || !compiles(next)) return true;
        stats.cases++;
        const backward = checkCompatibility(prev, next, 'BACKWARD', { verify: false });
        if (backward.compatible) {
          stats.compatible++;
          promiseHolds(prev, next, seed);
        }
        const forward = checkCompatibility(prev, next, 'FORWARD', { verify: false });
        if (forward.compatible) promiseHolds(next, prev, seed);
        return true;
      }),
      { numRuns: RUNS, seed: 20240531 },
    );
    // Visible in the test output: how much of the generated data was actually valid.
    console.log(
      `compat soundness: ${stats.cases} cases, ${stats.compatible} judged BACKWARD-compatible, ${stats.valid}/${stats.generated} generated instances valid`,
    );
    expect(stats.cases).toBeGreaterThanOrEqual(RUNS * 0.9);
    expect(stats.valid / stats.generated).toBeGreaterThan(0.6);
    expect(stats.compatible).toBeGreaterThan(RUNS * 0.1);
  });

  it.each(DRAFTS.map((d) => [d]))(
    'holds across drafts: a %s version against a changed one written in 2020-12',
    (draft) => {
      let cases = 0;
      fc.assert(
        fc.property(draftSchemaArb(draft), fc.integer({ min: 1, max: 2 ** 30 }), (prev, seed) => {
          if (!compiles(prev)) return;
          const changed = mutate(prev, seed);
          if (!compiles(changed)) return;
          // The changed version in the internal form: 2020-12 syntax for the same meaning.
          const next = normalizeContract(changed);
          if (!compiles(next)) return;
          cases++;
          if (checkCompatibility(prev, next, 'BACKWARD', { verify: false }).compatible) promiseHolds(prev, next, seed);
          if (checkCompatibility(prev, next, 'FORWARD', { verify: false }).compatible) promiseHolds(next, prev, seed);
        }),
        { numRuns: DRAFT_RUNS, seed: 7 },
      );
      expect(cases).toBeGreaterThan(DRAFT_RUNS * 0.4);
    },
  );
});
