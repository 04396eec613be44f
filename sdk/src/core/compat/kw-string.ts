import type { Cmp } from './context.js';
import type { Shape } from './shape.js';

import { matchesEveryString } from './total-pattern.js';

const filler = (n: number) => 'a'.repeat(Math.max(0, n));

export function checkString(A: Shape, B: Shape, c: Cmp): void {
  if (B.minLength > A.minLength) {
    const { prev, next } = c.pv(A.minLength, B.minLength);
    c.report(c.pick('MIN_LENGTH_INCREASED', 'MIN_LENGTH_DECREASED'), 'minLength', `minLength ${prev} → ${next}`, {
      samples: [filler(A.minLength), filler(B.minLength - 1)],
    });
  }
  if (B.maxLength !== undefined && (A.maxLength === undefined || A.maxLength > B.maxLength)) {
    const { prev, next } = c.pv(A.maxLength ?? 'none', B.maxLength);
    c.report(c.pick('MAX_LENGTH_DECREASED', 'MAX_LENGTH_INCREASED'), 'maxLength', `maxLength ${prev} → ${next}`, {
      samples: [filler(B.maxLength + 1), filler(Math.max(A.minLength, B.maxLength + 1))],
    });
  }
  // Regex inclusion is undecidable in practice: only an identical pattern is known to accept the same strings.
  for (const p of B.patterns) {
    if (matchesEveryString(p) || A.patterns.includes(p)) continue;
    const code = A.patterns.length ? 'PATTERN_CHANGED' : c.pick('PATTERN_ADDED', 'PATTERN_REMOVED');
    const { prev, next } = c.pv(A.patterns.join(' and ') || 'none', p);
    c.report(code, 'pattern', `pattern ${prev} → ${next}`, { samples: ['', 'x', '0', ' ', 'A-1', '!'] });
  }
}

/** `format` asserts (ajv-formats): only the same format is known to accept the same values. */
export function checkFormat(A: Shape, B: Shape, c: Cmp): void {
  for (const f of B.formats) {
    if (A.formats.includes(f)) continue;
    const code = A.formats.length ? 'FORMAT_CHANGED' : c.pick('FORMAT_ADDED', 'FORMAT_REMOVED');
    const { prev, next } = c.pv(A.formats.join(', ') || 'none', f);
    c.report(code, 'format', `format ${prev} → ${next}`, { samples: ['x', 'not-a-' + f, '2024-13-45', 0.5, 2 ** 53] });
  }
}
