import { compileContract, describeErrors } from '../contract/compile.js';
import { BUILT_IN, effectiveParams } from './built-ins.js';
import type { Finding, GovernanceReport, Policy, PolicyContext, PolicyResult, Waiver } from './types.js';

/** The descriptor as policies see it: defaults made explicit, so a JSON-Schema policy need not guess them. */
export function resolveDescriptor(ctx: PolicyContext): Record<string, unknown> {
  const d = ctx.descriptor;
  return {
    ...d,
    metadata: { tags: [], classification: 'internal', tier: 'bronze', ...d.metadata },
    spec: {
      inputs: d.spec.inputs ?? [],
      outputs: d.spec.outputs.map((p) => ({ compatibility: 'BACKWARD', quality: [], ...p })),
    },
  };
}

function evaluateJsonSchema(schema: Record<string, unknown>, ctx: PolicyContext): Finding[] {
  const { validate } = compileContract(schema);
  if (validate(resolveDescriptor(ctx))) return [];
  return describeErrors(validate.errors).map((e) => ({
    message: `${e.path} ${e.message}`,
    path: e.path === '/' ? '' : e.path,
  }));
}

function run(policy: Policy, ctx: PolicyContext): Finding[] | { skipped: string } | null {
  if (policy.rule.type === 'json-schema')
    return evaluateJsonSchema((policy.rule as { schema: Record<string, unknown> }).schema, ctx);
  const rule = BUILT_IN[policy.rule.type];
  return rule.evaluate(
    effectiveParams(policy.rule.type, (policy.rule as { params?: Record<string, unknown> }).params),
    ctx,
  );
}

export function activeWaiver(waivers: Waiver[], policy: string, product: string, today: string): Waiver | undefined {
  return waivers.find((w) => w.policy === policy && w.product === product && w.until >= today);
}

/**
 * Evaluates the effective policies (global ∪ domain) for one product version.
 * Pure: the registry's publish pipeline and `dmesh validate --offline` call
 * the same function, so a preview cannot disagree with a publish.
 */
export function evaluatePolicies(
  policies: Policy[],
  ctx: PolicyContext,
  waivers: Waiver[] = [],
  today = '1970-01-01',
): GovernanceReport {
  const product = `${ctx.descriptor.metadata.domain}.${ctx.descriptor.metadata.name}`;
  const results: PolicyResult[] = [];
  for (const policy of [...policies].sort((a, b) => a.id.localeCompare(b.id))) {
    const outcome = run(policy, ctx);
    if (outcome === null) continue;
    const base = {
      policy: policy.id,
      title: policy.title,
      scope: policy.scope,
      type: policy.rule.type,
      severity: policy.severity,
    };
    if (!Array.isArray(outcome)) {
      results.push({ ...base, status: 'skipped', message: outcome.skipped, findings: [] });
      continue;
    }
    const blocking = outcome.filter((f) => !f.advisory);
    const waiver = outcome.length ? activeWaiver(waivers, policy.id, product, today) : undefined;
    const status = !outcome.length
      ? 'passed'
      : waiver
        ? 'waived'
        : blocking.length && policy.severity === 'error'
          ? 'failed'
          : 'warning';
    results.push({
      ...base,
      status,
      findings: outcome,
      message: outcome.length
        ? outcome[0].message + (outcome.length > 1 ? ` (+${outcome.length - 1} more)` : '')
        : 'passed',
      ...(waiver && { waiver: { until: waiver.until, reason: waiver.reason } }),
    });
  }
  return { passed: !results.some((r) => r.status === 'failed'), results };
}
