import { listFields } from '../../contract/fields.js';
import { checkEnum, unknownKeys } from '../params.js';
import type { BuiltInRule, Finding } from '../types.js';

const CASES = { snake_case: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, camelCase: /^[a-z][a-zA-Z0-9]*$/ } as const;
type Params = { fieldCase: keyof typeof CASES };

/** One naming convention for contract fields across the mesh (names of domains, products and ports are kebab-case by schema). */
export const namingRule: BuiltInRule<Params> = {
  type: 'naming',
  defaults: { fieldCase: 'snake_case' },
  // Conventions have no order: a domain may only restate the global one.
  tighterOrEqual: (a, b) => a.fieldCase === b.fieldCase,
  checkParams: (p) => [...unknownKeys(p, ['fieldCase']), ...checkEnum(p, 'fieldCase', Object.keys(CASES))],
  evaluate(params, ctx) {
    const pattern = CASES[params.fieldCase];
    const findings: Finding[] = [];
    for (const port of ctx.descriptor.spec.outputs) {
      const bad = listFields(ctx.contracts[port.contract])
        .map((f) => f.path.split('.').at(-1)!)
        .filter((name) => !pattern.test(name));
      if (bad.length) {
        findings.push({
          message: `${port.contract}: field name(s) not in ${params.fieldCase}: ${[...new Set(bad)].slice(0, 10).join(', ')}`,
          fix: `rename them in ${params.fieldCase} (a rename is a breaking change once published)`,
          path: `${port.contract}#/properties`,
        });
      }
    }
    return findings;
  },
};
