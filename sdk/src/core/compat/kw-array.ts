import type { Cmp } from './context.js';
import { canon, containsRef, type Schema } from './nodes.js';
import { itemSchema, maxPrefix, type ContainsRule, type Shape } from './shape.js';
import { subset } from './subset.js';
import { generate, seeded } from './generate.js';

const items = (A: Shape, n: number, same = false) =>
  Array.from({ length: n }, (_, i) =>
    generate(itemSchema(A, same ? 0 : i), { rng: same ? undefined : seeded(i + 1), depth: 1 }),
  );

export function checkArray(A: Shape, B: Shape, c: Cmp): void {
  const aMax = A.maxItems ?? Infinity;
  if (B.minItems > A.minItems && aMax >= A.minItems) {
    const { prev, next } = c.pv(A.minItems, B.minItems);
    c.report(c.pick('MIN_ITEMS_INCREASED', 'MIN_ITEMS_DECREASED'), 'minItems', `minItems ${prev} → ${next}`);
  }
  if (B.maxItems !== undefined && aMax > B.maxItems) {
    const { prev, next } = c.pv(A.maxItems ?? 'none', B.maxItems);
    c.report(c.pick('MAX_ITEMS_DECREASED', 'MAX_ITEMS_INCREASED'), 'maxItems', `maxItems ${prev} → ${next}`, {
      samples: [items(A, B.maxItems + 1), items(A, B.maxItems + 1, true)],
    });
  }
  if (B.unique && !A.unique && aMax > 1) {
    c.report(
      c.pick('UNIQUE_ITEMS_ADDED', 'UNIQUE_ITEMS_REMOVED'),
      'uniqueItems',
      c.dir === 'narrow' ? 'items must now be unique' : 'items no longer need to be unique',
      {
        samples: [items(A, Math.max(2, A.minItems), true)],
      },
    );
  }
  checkItems(A, B, c, aMax);
  for (const rule of B.contains) checkContains(A, rule, c, aMax);
}

/** Position by position over the tuple prefixes, then the tail (`items`). */
function checkItems(A: Shape, B: Shape, c: Cmp, aMax: number): void {
  const n = Math.max(maxPrefix(A), maxPrefix(B));
  for (let i = 0; i < n && i < aMax; i++) {
    const seg = i < maxPrefix(B) ? `/prefixItems/${i}` : '/items';
    c.out.push(...subset(itemSchema(A, i), itemSchema(B, i), c.child(seg, i)));
  }
  if (aMax > n) c.out.push(...subset(itemSchema(A, n), itemSchema(B, n), c.child('/items', n)));
}

function sameSchema(a: Schema, b: Schema): boolean {
  return !containsRef(a) && !containsRef(b) && canon(a) === canon(b);
}

function checkContains(A: Shape, rule: ContainsRule, c: Cmp, aMax: number): void {
  if (rule.min === 0 && rule.max === undefined) return;
  const ok = A.contains.some((r) => {
    const inside =
      rule.max === undefined ? subset(r.s, rule.s, c.child('/contains')).length === 0 : sameSchema(r.s, rule.s);
    const maxOk = rule.max === undefined || Math.min(r.max ?? Infinity, aMax) <= rule.max;
    return inside && r.min >= rule.min && maxOk;
  });
  if (ok || (rule.min === 0 && rule.max !== undefined && aMax <= rule.max)) return;
  const matching = generate(rule.s);
  c.report(
    c.pick('CONTAINS_NARROWED', 'CONTAINS_WIDENED'),
    'contains',
    `the contains/minContains/maxContains rule changed (now checked against ${c.bLabel})`,
    {
      samples: [
        [],
        items(A, Math.max(1, A.minItems)),
        Array.from({ length: (rule.max ?? 0) + 1 }, () => matching),
        Array.from({ length: Math.max(0, rule.min - 1) }, () => matching),
      ],
    },
  );
}
