/**
 * Regular expressions from contracts and quality rules must not be able to stall
 * a process (ARCHITECTURE.md, "Validating contracts and data"). Every pattern the
 * SDK runs goes through here, so the engine choice lives in one place.
 */
export interface PatternMatcher {
  test(input: string): boolean;
}

export class UnsafePatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`pattern ${JSON.stringify(pattern)} is not allowed: ${reason}`);
    this.name = 'UnsafePatternError';
  }
}

/** Compiles a pattern (JSON Schema `pattern` semantics: unanchored, unicode). */
export function createSafeRegExp(pattern: string, flags = 'u'): PatternMatcher {
  return new RegExp(pattern, flags);
}
