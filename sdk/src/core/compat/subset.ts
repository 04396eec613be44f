import { conjuncts, without } from './conjuncts.js';
import type { Cmp, Issue } from './context.js';
import { checkAnyOf, checkNot, checkOneOf, equivalentOneOf } from './kw-combinators.js';
import { validLocal } from './local-validate.js';
import { allOfNode, canon, containsRef, nodeKey, sameNoRefs, type Schema, type SchemaObject } from './nodes.js';
import { compareShapes } from './shape-compare.js';
import { mergeShape, type Shape } from './shape.js';

/**
 * Pushes onto `c.out` (and returns) every reason why some instance of `a` may
 * be invalid under `b`. No issue means: every instance of a is valid under b.
 *
 * Recursion through `$ref` is guarded coinductively: a pair (a, b) met again
 * while it is still being checked, deeper in the instance, is assumed to hold.
 * That is sound because instances are finite: a smallest counterexample would
 * have to fail the pair at a strictly smaller value. A pair met again at the
 * same instance depth (a `$ref` cycle that consumes no data) is not judged.
 */
export function subset(a: Schema, b: Schema, c: Cmp): Issue[] {
  if (b === true || a === false || sameNoRefs(a, b)) return c.out;
  if (!c.spend()) {
    c.report('UNSUPPORTED_KEYWORD', '', 'the schemas are too large or too deeply nested to compare fully');
    return c.out;
  }
  const key = `${c.dir}|${nodeKey(a)}|${nodeKey(b)}`;
  const seenAt = c.shared.active.get(key);
  if (seenAt !== undefined) {
    if (c.ip.length > seenAt) return c.out;
    c.report('UNSUPPORTED_KEYWORD', '$ref', 'a $ref cycle that does not descend into the data cannot be judged');
    return c.out;
  }
  c.shared.active.set(key, c.ip.length);
  try {
    compare(a, b, c);
  } finally {
    c.shared.active.delete(key);
  }
  dedupe(c.out);
  return c.out;
}

function compare(a: Schema, b: Schema, c: Cmp): void {
  const aConj = conjuncts(a);
  if (!aConj) return;
  const di = aConj.findIndex((n) => Array.isArray(n.anyOf) || Array.isArray(n.oneOf));
  if (di >= 0) return distribute(aConj, di, b, c);
  const bConj = conjuncts(b);
  const aNode = allOfNode(aConj);
  const A = mergeShape(aConj);
  if (A.values) A.values = A.values.filter((v) => validLocal(v, aNode) !== false);
  if ((A.values && A.values.length === 0) || A.types.size === 0) return;
  if (!bConj) {
    const what =
      c.dir === 'narrow'
        ? 'no value is accepted any more (schema false)'
        : `values are now accepted where ${c.bLabel} accepted none`;
    c.report(c.pick('SCHEMA_NARROWED', 'SCHEMA_WIDENED'), '', what, { aNode, samples: A.values ?? [] });
    return;
  }
  c.aNode = aNode;
  for (const bc of bConj) checkConjunct(aNode, aConj, A, bc, c);
}

/** a = (rest ∧ (x1 ∨ x2 ∨ …)) ⊆ b  ⟺  each (rest ∧ xi) ⊆ b; a oneOf is treated as an anyOf (a superset). */
function distribute(aConj: SchemaObject[], di: number, b: Schema, c: Cmp): void {
  const node = aConj[di];
  const kw = Array.isArray(node.anyOf) ? 'anyOf' : 'oneOf';
  const stripped = without(node, kw);
  const rest = aConj.filter((_, i) => i !== di);
  if (Object.keys(stripped).length) rest.push(stripped);
  if (kw === 'oneOf' && equivalentOneOf(node.oneOf as Schema[], rest, b, c)) return;
  for (const branch of node[kw] as Schema[]) {
    c.out.push(...subset(allOfNode([...rest, branch]), b, c.child('')));
  }
}

function checkConjunct(aNode: Schema, aConj: SchemaObject[], A: Shape, bc: SchemaObject, c: Cmp): void {
  if (A.values) return checkValues(A.values, A.valuesKind!, bc, c);
  if (Array.isArray(bc.anyOf)) checkAnyOf(aNode, A, bc.anyOf as Schema[], c);
  if (Array.isArray(bc.oneOf)) checkOneOf(aNode, A, bc.oneOf as Schema[], c);
  if ('not' in bc) checkNot(aNode, A, bc.not as Schema, c);
  const B = mergeShape([bc]);
  for (const kw of B.unsupported) {
    if (aHasSame(aConj, bc, kw)) continue;
    c.report(
      'UNSUPPORTED_KEYWORD',
      kw,
      `the checker cannot judge \`${kw}\` here, so the change is treated as breaking`,
    );
  }
  compareShapes(aNode, A, B, c);
}

/** a is a finite set of values: check each with ajv against the whole conjunct of b (exact). */
function checkValues(values: unknown[], kind: 'enum' | 'const', bc: SchemaObject, c: Cmp): void {
  for (const v of values) {
    if (validLocal(v, bc) === true) continue;
    const code = kind === 'const' ? 'CONST_CHANGED' : c.pick('ENUM_VALUE_REMOVED', 'ENUM_VALUE_ADDED');
    const what =
      c.dir === 'narrow'
        ? `value ${JSON.stringify(v)} is no longer accepted`
        : `value ${JSON.stringify(v)} is now accepted`;
    c.report(code, kind, what, { samples: [v] });
  }
}

const GROUPS: Record<string, string[]> = {
  if: ['if', 'then', 'else'],
  then: ['if', 'then', 'else'],
  else: ['if', 'then', 'else'],
};

/** An unjudgeable keyword that a carries identically (and self-contained) constrains a exactly as b. */
function aHasSame(aConj: SchemaObject[], bc: SchemaObject, kw: string): boolean {
  if (kw.startsWith('unevaluated') || kw === '$ref' || kw.startsWith('$dynamic')) return false;
  const group = GROUPS[kw] ?? [kw];
  if (group.some((k) => containsRef(bc[k]))) return false;
  return aConj.some((n) => group.every((k) => canon(n[k]) === canon(bc[k])));
}

function dedupe(out: Issue[]): void {
  const seen = new Set<string>();
  let w = 0;
  for (const issue of out) {
    const key = `${issue.code}|${issue.path}|${issue.ip.join('/')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out[w++] = issue;
  }
  out.length = w;
}
