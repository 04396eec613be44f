import { COMPATIBILITY_MODES, isStricterOrEqualMode, type CompatibilityMode } from '../../compat/types.js';
import { checkBoolean, checkEnum, flagTighter, unknownKeys } from '../params.js';
import type { BuiltInRule, Finding } from '../types.js';

type Params = { mode: CompatibilityMode; breakingNeedsMajor: boolean };

/**
 * A floor on each output port's compatibility mode (the partial order
 * NONE < BACKWARD, FORWARD < FULL, each < its _TRANSITIVE), and "a breaking
 * change needs a new major version" judged from the publish pipeline's report.
 */
export const compatibilityRule: BuiltInRule<Params> = {
  type: 'compatibility',
  defaults: { mode: 'BACKWARD', breakingNeedsMajor: true },
  tighterOrEqual: (a, b) =>
    isStricterOrEqualMode(a.mode, b.mode) && flagTighter(a.breakingNeedsMajor, b.breakingNeedsMajor),
  checkParams: (p) => [
    ...unknownKeys(p, ['mode', 'breakingNeedsMajor']),
    ...checkEnum(p, 'mode', COMPATIBILITY_MODES),
    ...checkBoolean(p, 'breakingNeedsMajor'),
  ],
  evaluate(params, ctx) {
    const findings: Finding[] = [];
    ctx.descriptor.spec.outputs.forEach((port, i) => {
      const mode = (port.compatibility ?? 'BACKWARD') as CompatibilityMode;
      if (!isStricterOrEqualMode(mode, params.mode)) {
        findings.push({
          code: 'MODE_BELOW_FLOOR',
          message: `port "${port.name}" uses compatibility ${mode}, below the floor ${params.mode}`,
          fix: `set spec.outputs[${i}].compatibility to ${params.mode} or a stricter mode`,
          path: `/spec/outputs/${i}/compatibility`,
        });
      }
    });
    if (!params.breakingNeedsMajor) return findings;
    if (!ctx.compatibility)
      return ctx.offline && !findings.length ? { skipped: 'needs the earlier versions from the registry' } : findings;
    const { verdict } = ctx.compatibility;
    if (verdict && !verdict.ok) {
      findings.push({
        code: 'BREAKING_CHANGE_NEEDS_MAJOR',
        message: verdict.message,
        fix: verdict.fix,
        path: '/metadata/version',
      });
      for (const change of ctx.compatibility.breaking)
        findings.push({ code: change.code, message: `${change.port}: ${change.message}`, path: change.path });
    } else if (verdict?.ok && verdict.warning) {
      findings.push({
        code: 'VERSION_BUMP_MISMATCH',
        message: verdict.warning,
        path: '/metadata/version',
        advisory: true,
      });
    }
    return findings;
  },
};
