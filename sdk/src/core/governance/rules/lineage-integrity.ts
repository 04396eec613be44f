import { checkEnum, unknownKeys } from '../params.js';
import type { DataProduct } from '../../product/types.js';
import type { BuiltInRule, Finding, UpstreamFacts } from '../types.js';

type Params = { deprecatedInputs: 'warning' | 'error' };

/**
 * Inputs resolve to a published, non-retired version in range and name a port
 * it has; field lineage reads fields that exist there; no lineage cycles. A
 * deprecated input is a warning unless `deprecatedInputs: error`.
 */
export const lineageIntegrityRule: BuiltInRule<Params> = {
  type: 'lineage-integrity',
  defaults: { deprecatedInputs: 'warning' },
  tighterOrEqual: (a, b) => a.deprecatedInputs === 'error' || b.deprecatedInputs === 'warning',
  checkParams: (p) => [
    ...unknownKeys(p, ['deprecatedInputs']),
    ...checkEnum(p, 'deprecatedInputs', ['warning', 'error']),
  ],
  evaluate(params, ctx) {
    const inputs = ctx.descriptor.spec.inputs ?? [];
    if (!ctx.upstreams) return inputs.length ? { skipped: 'resolving inputs needs the registry' } : [];
    const findings: Finding[] = [];
    if (ctx.cycle)
      findings.push({
        code: 'LINEAGE_CYCLE',
        message: `this version closes a lineage cycle: ${ctx.cycle.join(' -> ')}`,
        fix: 'remove the input that closes the cycle',
        path: '/spec/inputs',
      });
    ctx.upstreams.forEach((up, i) => {
      const finding = inputFinding(up, `/spec/inputs/${i}`, params);
      if (finding) findings.push(finding);
    });
    return [...findings, ...lineageFieldFindings(ctx.descriptor, ctx.upstreams)];
  },
};

/** What is wrong with one resolved input, if anything (the first problem only: later ones follow from it). */
function inputFinding(up: UpstreamFacts, path: string, params: Params): Finding | undefined {
  if (!up.published)
    return {
      code: 'UPSTREAM_NOT_FOUND',
      message: `input ${up.product} is not published in this registry`,
      fix: `publish ${up.product} first, or fix the product id`,
      path: `${path}/product`,
    };
  if (!up.resolved)
    return {
      code: 'UPSTREAM_RANGE_UNSATISFIED',
      message: `no published, non-retired version of ${up.product} satisfies "${up.range}"`,
      fix: 'use a range that admits a published version (dmesh show ' + up.product + ')',
      path: `${path}/version`,
    };
  if (up.portFound === false)
    return {
      code: 'UPSTREAM_PORT_NOT_FOUND',
      message: `${up.product}@${up.resolved} has no output port "${up.port}"`,
      fix: `use a port of ${up.product} (dmesh show ${up.product})`,
      path: `${path}/port`,
    };
  if (up.lineState === 'deprecated')
    return {
      code: 'UPSTREAM_DEPRECATED',
      message: `input ${up.product}@${up.resolved} is in a deprecated major line${up.sunset ? ` (sunset ${up.sunset})` : ''}`,
      fix: `move to the current major of ${up.product} before the sunset`,
      path: `${path}/version`,
      advisory: params.deprecatedInputs === 'warning',
    };
  return undefined;
}

/** Field lineage that reads a field the resolved upstream port does not have. */
function lineageFieldFindings(descriptor: DataProduct, upstreams: UpstreamFacts[]): Finding[] {
  const findings: Finding[] = [];
  descriptor.spec.outputs.forEach((port, i) => {
    for (const [field, refs] of Object.entries(port.lineage ?? {})) {
      refs.forEach((ref, j) => {
        const [portRef, upstreamField] = ref.split('#');
        const up = upstreams.find((u) => `${u.product}/${u.port}` === portRef);
        if (!up?.fields || up.fields.some((f) => f.path === upstreamField)) return;
        findings.push({
          code: 'LINEAGE_FIELD_NOT_FOUND',
          message: `${portRef}@${up.resolved} has no field "${upstreamField}"`,
          fix: `use one of: ${up.fields
            .slice(0, 15)
            .map((f) => f.path)
            .join(', ')}`,
          path: `/spec/outputs/${i}/lineage/${field}/${j}`,
        });
      });
    }
  });
  return findings;
}
