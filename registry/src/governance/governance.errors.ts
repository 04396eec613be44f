import { errorCodes } from '../common/registry-error.js';

/** Refusals of policy management and of the major-line lifecycle. */
export class GovernanceError extends errorCodes('governance', {
  POLICY_REFUSED: {
    status: 422,
    meaning: 'the policy would loosen a global error policy, or its parameters are not valid',
  },
  RETIRE_REFUSED: {
    status: 422,
    meaning:
      'the major line cannot be retired yet: not deprecated, before its sunset, or inside the deprecation window',
  },
  POLICY_BELOW_FLOOR: {
    status: 422,
    meaning:
      'the change would delete or loosen a built-in global error policy; it needs an admin token and a reason (?reason=)',
  },
  MAJOR_LINE_RETIRED: { status: 409, meaning: 'the major line is retired already; nothing more changes on it' },
}) {}
