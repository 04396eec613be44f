import { BUILT_IN, effectiveParams } from './built-ins.js';
import { BUILT_IN_RULES, type Policy } from './types.js';

export interface PolicyProblem {
  path: string;
  message: string;
  fix: string;
}

/** Shape checks the JSON Schema cannot express: built-in parameters, JSON-Schema rule compiles. */
export function checkPolicyParams(policy: Policy, compile: (schema: unknown) => unknown): PolicyProblem[] {
  if (policy.rule.type === 'json-schema') {
    try {
      compile(policy.rule.schema);
      return [];
    } catch (err) {
      return [
        {
          path: '/rule/schema',
          message: `the rule's schema does not compile: ${(err as Error).message}`,
          fix: 'write a JSON Schema 2020-12 that the resolved descriptor must satisfy',
        },
      ];
    }
  }
  if (!(BUILT_IN_RULES as readonly string[]).includes(policy.rule.type)) {
    return [
      {
        path: '/rule/type',
        message: `unknown rule type "${policy.rule.type}"`,
        fix: `use json-schema or one of ${BUILT_IN_RULES.join(', ')}`,
      },
    ];
  }
  return BUILT_IN[policy.rule.type]
    .checkParams(policy.rule.params ?? {})
    .map((m) => ({ path: '/rule/params', message: m, fix: "see the built-in rule's parameters in the README" }));
}

/**
 * A domain may add policies and tighten a built-in, never loosen or switch off
 * a global `error` policy: a domain policy of the same built-in type must be at
 * least as strict (in that built-in's parameter order) as every global error one.
 */
export function checkDomainPolicy(policy: Policy, globals: Policy[]): PolicyProblem[] {
  if (policy.scope === 'global') return [];
  const problems: PolicyProblem[] = [];
  const clash = globals.find((g) => g.id === policy.id);
  if (clash)
    problems.push({
      path: '/id',
      message: `"${policy.id}" is the id of a global policy; a domain policy cannot replace it`,
      fix: 'choose another id',
    });
  if (policy.rule.type === 'json-schema') return problems;
  const type = policy.rule.type;
  for (const g of globals.filter((x) => x.severity === 'error' && x.rule.type === type)) {
    const theirs = effectiveParams(type, (g.rule as { params?: Record<string, unknown> }).params);
    // What the domain leaves out it inherits from the global policy, which still applies.
    const mine = inherit(theirs, policy.rule.params ?? {});
    if (!BUILT_IN[type].tighterOrEqual(mine, theirs)) {
      problems.push({
        path: '/rule/params',
        message: `loosens the global error policy "${g.id}" (${JSON.stringify((g.rule as { params?: unknown }).params ?? {})})`,
        fix: `a domain may only tighten "${g.id}": use parameters at least as strict as the global ones`,
      });
    }
  }
  return problems;
}

function inherit(base: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own)) {
    const b = base[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && b && typeof b === 'object'
        ? { ...(b as object), ...(value as object) }
        : value;
  }
  return out;
}

/** The policies that apply to a product of `domain`. */
export function effectivePolicies(all: Policy[], domain: string): Policy[] {
  return all.filter((p) => p.scope === 'global' || p.scope === `domain:${domain}`);
}
