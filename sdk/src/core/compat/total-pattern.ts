/**
 * Whether a `pattern` matches every string. JSON Schema patterns are not
 * anchored, so `a*`, `^`, `x?` or `(|a)` match every string: each can match
 * the empty string at the start of any string. Exact for patterns without
 * assertions that look at the text around them (`$`, `\b`, `\B`,
 * lookarounds, backreferences): then a way to match the empty string at
 * position 0 of "" matches at position 0 of every string, since it consumes
 * nothing and checks nothing but `^`. Patterns with such assertions answer
 * false (not known to match everything).
 */
export function matchesEveryString(pattern: string): boolean {
  const known = cache.get(pattern);
  if (known !== undefined) return known;
  const answer = !CONTEXT_ASSERTION.test(pattern) && matchesEmpty(pattern);
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, answer);
  return answer;
}

/** `$`, `\b`/`\B`, lookahead/lookbehind and backreferences (`\1`, `\k<name>`); escaped or not, to stay on the safe side. */
const CONTEXT_ASSERTION = /\$|\\[bBk1-9]|\(\?<?[=!]/;

const cache = new Map<string, boolean>();

function matchesEmpty(pattern: string): boolean {
  try {
    return new RegExp(pattern, 'u').test('');
  } catch {
    return false;
  }
}
