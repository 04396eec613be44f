import { listFields } from '../../contract/fields.js';
import { checkBoolean, checkNumber, flagTighter, unknownKeys } from '../params.js';
import type { BuiltInRule, Finding } from '../types.js';

type Params = { minDescriptionLength: number; fieldDescriptions: boolean };

/** A product description worth reading, and a description on every contract field. */
export const documentationRule: BuiltInRule<Params> = {
  type: 'documentation',
  defaults: { minDescriptionLength: 20, fieldDescriptions: true },
  tighterOrEqual: (a, b) =>
    a.minDescriptionLength >= b.minDescriptionLength && flagTighter(a.fieldDescriptions, b.fieldDescriptions),
  checkParams: (p) => [
    ...unknownKeys(p, ['minDescriptionLength', 'fieldDescriptions']),
    ...checkNumber(p, 'minDescriptionLength', 0, 10000),
    ...checkBoolean(p, 'fieldDescriptions'),
  ],
  evaluate(params, ctx) {
    const findings: Finding[] = [];
    const description = ctx.descriptor.metadata.description.trim();
    if (description.length < params.minDescriptionLength) {
      findings.push({
        message: `the product description has ${description.length} characters; at least ${params.minDescriptionLength} are expected`,
        fix: 'say what one record means, how often it is updated and who should use it',
        path: '/metadata/description',
      });
    }
    if (params.fieldDescriptions) {
      for (const port of ctx.descriptor.spec.outputs) {
        const missing = listFields(ctx.contracts[port.contract])
          .filter((f) => !f.description?.trim())
          .map((f) => f.path);
        if (missing.length) {
          findings.push({
            message: `${port.contract}: ${missing.length} field(s) without a description: ${missing.slice(0, 10).join(', ')}`,
            fix: 'add "description" to each of them',
            path: `${port.contract}#/properties`,
          });
        }
      }
    }
    return findings;
  },
};
