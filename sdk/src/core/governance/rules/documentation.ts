import { listFields } from '../../contract/fields.js';
import type { DataProduct } from '../../product/types.js';
import { isPlaceholderEmail, isPlaceholderText } from '../../scaffold/placeholders.js';
import { checkBoolean, checkNumber, flagTighter, unknownKeys } from '../params.js';
import type { BuiltInRule, Finding } from '../types.js';

type Params = { minDescriptionLength: number; fieldDescriptions: boolean };

/** `dmesh init` placeholders left in place: documentation nobody has written yet, whatever its length. */
function placeholderFindings(descriptor: DataProduct): Finding[] {
  const findings: Finding[] = [];
  const { description, owner } = descriptor.metadata;
  if (isPlaceholderText(description))
    findings.push({
      code: 'PLACEHOLDER_TEXT',
      message: 'the product description is still the placeholder `dmesh init` wrote',
      fix: 'say what one record means, how often it is updated and who should use it',
      path: '/metadata/description',
    });
  if (isPlaceholderEmail(owner?.email))
    findings.push({
      code: 'PLACEHOLDER_EMAIL',
      message: `the owner email ${owner.email} is a placeholder nobody receives mail at`,
      fix: "write the owning team's address",
      path: '/metadata/owner/email',
    });
  return findings;
}

function descriptionFinding(descriptor: DataProduct, min: number): Finding[] {
  const description = descriptor.metadata.description.trim();
  if (description.length >= min || isPlaceholderText(description)) return [];
  return [
    {
      message: `the product description has ${description.length} characters; at least ${min} are expected`,
      fix: 'say what one record means, how often it is updated and who should use it',
      path: '/metadata/description',
    },
  ];
}

function fieldFindings(descriptor: DataProduct, contracts: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  for (const port of descriptor.spec.outputs) {
    const missing = listFields(contracts[port.contract])
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
  return findings;
}

/** A product description worth reading (not a scaffold placeholder), a real owner address, a description on every contract field. */
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
  evaluate: (params, ctx) => [
    ...placeholderFindings(ctx.descriptor),
    ...descriptionFinding(ctx.descriptor, params.minDescriptionLength),
    ...(params.fieldDescriptions ? fieldFindings(ctx.descriptor, ctx.contracts) : []),
  ],
};
