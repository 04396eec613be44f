import fc from 'fast-check';
import { generateValid, seeded } from '../../src/core/compat/generate.js';
import { normalizeContract } from '../../src/core/contract/normalize.js';
import { adopt } from '../../src/core/compat/nodes.js';
import {
  compileContract,
  compileInternalSchema,
  ContractCompileError,
  DRAFTS,
} from '../../src/core/contract/compile.js';
import { draftSchemaArb } from './draft-arbitraries.js';

const RUNS = Number(process.env.NORMALIZE_PROPERTY_RUNS ?? 40);

/** Instances to judge: generated from the schema (mostly valid ones), then random JSON values. */
function instancesOf(schema: unknown, seed: number, randoms: unknown[]): unknown[] {
  const root = adopt(schema).root;
  const made = Array.from({ length: 6 }, (_, k) => generateValid(root, k === 0 ? undefined : seeded(seed + k)));
  return [...made, ...randoms];
}

describe('normalising to the internal 2020-12 form never changes which instances a contract accepts', () => {
  it.each(DRAFTS.map((d) => [d]))('%s (ajv with the contract’s own draft decides)', (draft) => {
    const stats = { schemas: 0, refused: 0, instances: 0, valid: 0 };
    fc.assert(
      fc.property(
        draftSchemaArb(draft),
        fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (schema, randoms, seed) => {
          let original;
          try {
            original = compileContract(schema).validate;
          } catch (err) {
            if (!(err instanceof ContractCompileError)) throw err;
            stats.refused++;
            return;
          }
          stats.schemas++;
          const internal = compileInternalSchema(normalizeContract(schema));
          for (const x of instancesOf(schema, seed, randoms)) {
            const expected = original(x) === true;
            stats.instances++;
            if (expected) stats.valid++;
            if ((internal(x) === true) !== expected)
              throw new Error(
                `${JSON.stringify(x)}: ${expected} under ${JSON.stringify(schema)}, not after normalising to ${JSON.stringify(normalizeContract(schema))}`,
              );
          }
        },
      ),
      { numRuns: RUNS, seed: 20250611 },
    );
    console.log(`normalize ${draft}: ${JSON.stringify(stats)}`);
    expect(stats.schemas).toBeGreaterThan(RUNS * 0.5);
    expect(stats.valid).toBeGreaterThan(stats.instances * 0.2);
  });
});
