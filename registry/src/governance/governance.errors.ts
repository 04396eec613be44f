import { errorCodes } from '../common/registry-error.js';

/** Refusals of policy management and the major-line lifecycle. */
export class GovernanceError extends errorCodes('governance', {
  /** A policy that would loosen a global error policy, or whose parameters are not valid. */
  POLICY_REFUSED: 422,
  /** Retiring a major line too early: not deprecated, before its sunset, or inside the deprecation window. */
  RETIRE_REFUSED: 422,
  /** The major line is retired already: nothing more can change on it. */
  MAJOR_LINE_RETIRED: 409,
}) {}
