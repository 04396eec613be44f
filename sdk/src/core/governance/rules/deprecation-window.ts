import { checkNumber, unknownKeys } from '../params.js';
import type { BuiltInRule } from '../types.js';

type Params = { minDays: number };

/**
 * Retiring a major line that still has consumers needs a sunset at least
 * `minDays` after the deprecation. Judged when a line is retired
 * (`checkRetirement`), not at publish.
 */
export const deprecationWindowRule: BuiltInRule<Params> = {
  type: 'deprecation-window',
  defaults: { minDays: 30 },
  tighterOrEqual: (a, b) => a.minDays >= b.minDays,
  checkParams: (p) => [...unknownKeys(p, ['minDays']), ...checkNumber(p, 'minDays', 0, 3650)],
  evaluate: () => null,
};

export interface RetirementFacts {
  deprecatedAt?: string;
  sunset?: string;
  consumers: string[];
  today: string;
}

/** Why a major line may not be retired yet, or undefined when it may. */
export function checkRetirement(minDays: number, facts: RetirementFacts): { message: string; fix: string } | undefined {
  if (!facts.consumers.length) return undefined;
  const who = facts.consumers.join(', ');
  if (!facts.deprecatedAt || !facts.sunset)
    return {
      message: `the major line is not deprecated and still has consumers: ${who}`,
      fix: 'deprecate it with a sunset date first (dmesh deprecate)',
    };
  if (facts.today < facts.sunset)
    return {
      message: `the sunset is ${facts.sunset}; consumers still on this major: ${who}`,
      fix: `retire it on or after ${facts.sunset}, once they have moved`,
    };
  const days = (Date.parse(facts.sunset) - Date.parse(facts.deprecatedAt.slice(0, 10))) / 86_400_000;
  if (days < minDays)
    return {
      message: `the sunset ${facts.sunset} is ${Math.floor(days)} day(s) after the deprecation; consumers (${who}) are owed at least ${minDays}`,
      fix: `deprecate again with a sunset at least ${minDays} days out`,
    };
  return undefined;
}
