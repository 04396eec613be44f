import { durationSeconds } from '../../product/required-bump.js';
import { unknownKeys } from '../params.js';
import type { BuiltInRule, Finding } from '../types.js';

interface TierMinimum {
  availability?: number;
  completeness?: number;
  freshness?: string;
}
type Params = Partial<Record<'bronze' | 'silver' | 'gold', TierMinimum>>;

const TIERS = ['bronze', 'silver', 'gold'] as const;

function tighterTier(a: TierMinimum = {}, b: TierMinimum = {}): boolean {
  const num = (x?: number, y?: number) => y === undefined || (x !== undefined && x >= y);
  const fresh = (x?: string, y?: string) =>
    y === undefined || (x !== undefined && durationSeconds(x) <= durationSeconds(y));
  return num(a.availability, b.availability) && num(a.completeness, b.completeness) && fresh(a.freshness, b.freshness);
}

/** Minimum SLA promises per tier: availability and completeness at least, freshness at most. */
export const slaMinimumsRule: BuiltInRule<Params> = {
  type: 'sla-minimums',
  defaults: { gold: { availability: 99.5, freshness: 'PT24H' } },
  tighterOrEqual: (a, b) => TIERS.every((t) => tighterTier(a[t], b[t])),
  checkParams(p) {
    const problems = unknownKeys(p, [...TIERS]);
    for (const tier of TIERS) {
      const m = p[tier] as Record<string, unknown> | undefined;
      if (m === undefined) continue;
      problems.push(
        ...unknownKeys(m, ['availability', 'completeness', 'freshness']).map((s) =>
          s.replace('params.', `params.${tier}.`),
        ),
      );
      for (const k of ['availability', 'completeness'])
        if (m[k] !== undefined && (typeof m[k] !== 'number' || (m[k] as number) < 0 || (m[k] as number) > 100))
          problems.push(`params.${tier}.${k} must be a percentage`);
      if (m.freshness !== undefined && Number.isNaN(durationSeconds(String(m.freshness))))
        problems.push(`params.${tier}.freshness must be an ISO-8601 duration such as PT24H`);
    }
    return problems;
  },
  evaluate(params, ctx) {
    const tier = ctx.descriptor.metadata.tier ?? 'bronze';
    const min = params[tier];
    if (!min) return [];
    const findings: Finding[] = [];
    ctx.descriptor.spec.outputs.forEach((port, i) => {
      const sla = port.sla ?? {};
      const at = `/spec/outputs/${i}/sla`;
      for (const key of ['availability', 'completeness'] as const) {
        if (min[key] !== undefined && !(sla[key] !== undefined && sla[key]! >= min[key]!)) {
          findings.push({
            message: `port "${port.name}" promises ${key} ${sla[key] ?? 'nothing'}; ${tier} products promise at least ${min[key]}`,
            fix: `set ${key}: ${min[key]} or higher, or lower the tier`,
            path: `${at}/${key}`,
          });
        }
      }
      if (min.freshness && !(sla.freshness && durationSeconds(sla.freshness) <= durationSeconds(min.freshness))) {
        findings.push({
          message: `port "${port.name}" promises freshness ${sla.freshness ?? 'nothing'}; ${tier} products promise ${min.freshness} or fresher`,
          fix: `set freshness: ${min.freshness} or shorter, or lower the tier`,
          path: `${at}/freshness`,
        });
      }
    });
    return findings;
  },
};
