import { durationSeconds } from '../../product/required-bump.js';
import { unknownKeys } from '../params.js';
import type { BuiltInRule, Finding } from '../types.js';

/** A port cannot promise fresher data than the upstream ports its lineage reads from. */
export const slaFeasibilityRule: BuiltInRule<Record<string, never>> = {
  type: 'sla-feasibility',
  defaults: {},
  tighterOrEqual: () => true,
  checkParams: (p) => unknownKeys(p, []),
  evaluate(_params, ctx) {
    const withFreshness = ctx.descriptor.spec.outputs.some((p) => p.sla?.freshness);
    if (!withFreshness || !(ctx.descriptor.spec.inputs ?? []).length) return [];
    if (!ctx.upstreams) return { skipped: 'needs the upstream SLAs from the registry' };
    const findings: Finding[] = [];
    ctx.descriptor.spec.outputs.forEach((port, i) => {
      if (!port.sla?.freshness) return;
      const readPorts = new Set(
        Object.values(port.lineage ?? {})
          .flat()
          .map((ref) => ref.split('#')[0]),
      );
      const sources = ctx.upstreams!.filter(
        (u) => (readPorts.size ? readPorts.has(`${u.product}/${u.port}`) : true) && u.sla?.freshness,
      );
      for (const up of sources) {
        if (durationSeconds(port.sla.freshness) < durationSeconds(up.sla!.freshness!)) {
          findings.push({
            message: `port "${port.name}" promises freshness ${port.sla.freshness}, but it reads ${up.product}/${up.port}, which promises only ${up.sla!.freshness}`,
            fix: `promise ${up.sla!.freshness} or longer, or ask ${up.product} for a fresher SLA`,
            path: `/spec/outputs/${i}/sla/freshness`,
          });
        }
      }
    });
    return findings;
  },
};
