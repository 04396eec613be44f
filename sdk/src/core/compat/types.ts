/** Confluent Schema Registry's compatibility modes, applied to JSON Schema (ARCHITECTURE.md, "Contract compatibility"). */
export const COMPATIBILITY_MODES = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
] as const;

export type CompatibilityMode = (typeof COMPATIBILITY_MODES)[number];

export type RequiredBump = 'major' | 'minor' | 'patch' | 'none';

export interface CompatibilityChange {
  /** Stable UPPER_SNAKE code from `CHANGE_CODES`. */
  code: string;
  /** JSON path of the changed keyword, following the instance structure (`/properties/amount/type`). */
  path: string;
  message: string;
  breaking: boolean;
  /** Label of the earlier version this change was checked against. */
  against?: string;
  /** A complete record valid under `validUnder` and invalid under the other side, verified with ajv. */
  counterexample?: unknown;
  validUnder?: 'previous' | 'next';
}

export interface CompatibilityReport {
  compatible: boolean;
  mode: CompatibilityMode;
  requiredBump: RequiredBump;
  changes: CompatibilityChange[];
}

export interface CompatibilityOptions {
  labels?: { previous?: string[]; next?: string };
  /** Build and ajv-verify counterexamples for breaking changes (default true). */
  verify?: boolean;
}

export function isCompatibilityMode(value: unknown): value is CompatibilityMode {
  return typeof value === 'string' && (COMPATIBILITY_MODES as readonly string[]).includes(value);
}

/** Which promises a mode makes: BACKWARD = previous ⊆ next, FORWARD = next ⊆ previous. */
export function modePromises(mode: CompatibilityMode): { backward: boolean; forward: boolean; transitive: boolean } {
  return {
    backward: mode.startsWith('BACKWARD') || mode.startsWith('FULL'),
    forward: mode.startsWith('FORWARD') || mode.startsWith('FULL'),
    transitive: mode.endsWith('_TRANSITIVE'),
  };
}

/**
 * The partial order of strictness: NONE < BACKWARD, FORWARD < FULL, and each
 * mode < its _TRANSITIVE. `a` is stricter or equal when it makes every promise
 * `b` makes, against at least as many versions.
 */
export function isStricterOrEqualMode(a: CompatibilityMode, b: CompatibilityMode): boolean {
  const pa = modePromises(a);
  const pb = modePromises(b);
  if (pb.backward && !pa.backward) return false;
  if (pb.forward && !pa.forward) return false;
  if (pb.transitive && !pa.transitive) return false;
  return true;
}
