/** ES2024's String.prototype.isWellFormed (Node 20 has it; the ES2023 lib does not type it). */
type WellFormed = string & { isWellFormed(): boolean };

/**
 * Text the registry refuses anywhere in a request: NUL (PostgreSQL cannot
 * store it in text or jsonb) and lone UTF-16 surrogates (not Unicode; jsonb
 * refuses their escapes, and UTF-8 would silently turn them into U+FFFD, so
 * what is stored would differ from what was sent and hashed).
 */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (!(text as WellFormed).isWellFormed()) return 'contains a lone UTF-16 surrogate (not Unicode text)';
  return undefined;
}

/**
 * Keys that would reach an object's prototype when copied with assignment:
 * `__proto__`, and `prototype` under `constructor` (the pair secure-json-parse
 * refuses). `constructor` alone is a plausible field name and stays allowed.
 */
export function isForbiddenKey(key: string, value: unknown): boolean {
  if (key === '__proto__') return true;
  return key === 'constructor' && typeof value === 'object' && value !== null && Object.hasOwn(value, 'prototype');
}

/** Query parameter names that are never parameters of this API and would reach a prototype. */
export const FORBIDDEN_PARAMETER_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
