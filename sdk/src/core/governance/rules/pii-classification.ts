import { listFields } from '../../contract/fields.js';
import { checkBoolean, checkEnum, classificationRank, CLASSIFICATIONS, flagTighter, unknownKeys } from '../params.js';
import type { BuiltInRule, Finding } from '../types.js';

type Params = { minClassification: string; flow: boolean };

const isPii = (c?: string) => c === 'pii';

/**
 * A product with `x-classification: pii` fields is at least `minClassification`;
 * with `flow`, PII may not reach a less restricted product through field lineage.
 */
export const piiClassificationRule: BuiltInRule<Params> = {
  type: 'pii-classification',
  defaults: { minClassification: 'confidential', flow: true },
  tighterOrEqual: (a, b) =>
    classificationRank(a.minClassification) >= classificationRank(b.minClassification) && flagTighter(a.flow, b.flow),
  checkParams: (p) => [
    ...unknownKeys(p, ['minClassification', 'flow']),
    ...checkEnum(p, 'minClassification', CLASSIFICATIONS),
    ...checkBoolean(p, 'flow'),
  ],
  evaluate(params, ctx) {
    const findings: Finding[] = [];
    const own = ctx.descriptor.metadata.classification ?? 'internal';
    const piiFields = ctx.descriptor.spec.outputs.flatMap((p) =>
      listFields(ctx.contracts[p.contract])
        .filter((f) => isPii(f.classification))
        .map((f) => `${p.name}#${f.path}`),
    );
    if (piiFields.length && classificationRank(own) < classificationRank(params.minClassification)) {
      findings.push({
        message: `${piiFields.length} PII field(s) (${piiFields.slice(0, 5).join(', ')}) in a product classified ${own}`,
        fix: `set metadata.classification to ${params.minClassification} or higher, or remove the PII fields`,
        path: '/metadata/classification',
      });
    }
    if (!params.flow || !ctx.descriptor.spec.outputs.some((p) => p.lineage && Object.keys(p.lineage).length))
      return findings;
    if (!ctx.upstreams)
      return findings.length ? findings : { skipped: 'PII flow needs the upstream contracts from the registry' };
    ctx.descriptor.spec.outputs.forEach((port, i) => {
      for (const [field, refs] of Object.entries(port.lineage ?? {})) {
        for (const ref of refs) {
          const [portRef, upstreamField] = ref.split('#');
          const up = ctx.upstreams!.find((u) => `${u.product}/${u.port}` === portRef);
          const source = up?.fields?.find((f) => f.path === upstreamField);
          if (up && isPii(source?.classification) && classificationRank(own) < classificationRank(up.classification)) {
            findings.push({
              message: `${port.name}#${field} derives from PII ${ref} (${up.classification}) into a product classified ${own}`,
              fix: `classify this product ${up.classification} or higher, or stop deriving ${field} from ${ref}`,
              path: `/spec/outputs/${i}/lineage/${field}`,
            });
          }
        }
      }
    });
    return findings;
  },
};
