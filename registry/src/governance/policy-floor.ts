import { checkDomainPolicy, DEFAULT_GLOBAL_POLICIES, type Policy } from '@dmesh/sdk';

/**
 * The floor under global policy: the built-in global error policies as a
 * fresh registry installs them (compatibility floor, PII classification and
 * flow, lineage integrity, SLA minimums, deprecation window). They may be
 * tightened, or waived for one product until a date; replacing one with
 * something looser, or deleting one, needs an admin token and a reason, and
 * is audited with that reason.
 */
export const FLOOR: ReadonlyMap<string, Policy> = new Map(
  DEFAULT_GLOBAL_POLICIES.filter((p) => p.scope === 'global' && p.severity === 'error').map((p) => [p.id, p]),
);

/** Why `next` would loosen the built-in it replaces (empty: at least as strict, or not a built-in). */
export function loosenings(next: Policy): string[] {
  const floor = FLOOR.get(next.id);
  if (!floor) return [];
  const problems: string[] = [];
  if (next.scope !== 'global') problems.push(`its scope becomes ${next.scope} instead of global`);
  if (next.severity !== 'error') problems.push(`its severity becomes ${next.severity} instead of error`);
  if (next.rule.type !== floor.rule.type)
    problems.push(`its rule becomes ${next.rule.type} instead of ${floor.rule.type}`);
  else
    // The SDK's federation check judges "at least as strict" per built-in: ask it as if next were a domain's tightening.
    problems.push(
      ...checkDomainPolicy({ ...next, id: `${next.id}~floor`, scope: 'domain:floor' }, [floor]).map(
        (p) => `its parameters ${p.message.replace(/^loosens/, 'loosen')}`,
      ),
    );
  return problems;
}
