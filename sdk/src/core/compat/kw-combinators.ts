import { without } from './conjuncts.js';
import type { Cmp, Issue } from './context.js';
import { disjoint } from './disjoint.js';
import { allOfNode, type Schema, type SchemaObject } from './nodes.js';
import type { JType, Shape } from './shape.js';
import { subset } from './subset.js';
import { generate, seeded } from './generate.js';

const TYPE_NODES = new Map<JType, Schema>();
function typeNode(t: JType): Schema {
  let node = TYPE_NODES.get(t);
  if (!node) TYPE_NODES.set(t, (node = { type: t }));
  return node;
}

/** Prefer the alternative whose failures are the most specific (not just "wrong type"). */
function score(issues: Issue[]): number {
  return issues.length + (issues.some((i) => i.code.startsWith('TYPE_')) ? 100 : 0);
}

function best(tries: Issue[][]): Issue[] {
  return tries.reduce((x, y) => (score(y) < score(x) ? y : x));
}

/** a ⊆ (b1 ∨ b2 ∨ …): a fits one alternative, or each of a's JSON types fits one. */
export function checkAnyOf(aNode: Schema, A: Shape, branches: Schema[], c: Cmp): void {
  const tries = branches.map((br) => subset(aNode, br, c.child('')));
  if (tries.some((t) => t.length === 0)) return;
  if (
    A.types.size > 1 &&
    [...A.types].every((t) =>
      branches.some((br) => subset(allOfNode([aNode, typeNode(t)]), br, c.child('')).length === 0),
    )
  )
    return;
  report(c, 'anyOf', tries);
}

/** a ⊆ oneOf(b…): a (or each of its types) fits one alternative and is disjoint from all the others. */
export function checkOneOf(aNode: Schema, A: Shape, branches: Schema[], c: Cmp): void {
  const fits = (node: Schema): boolean =>
    branches.some(
      (br, k) => subset(node, br, c.child('')).length === 0 && branches.every((o, j) => j === k || disjoint(node, o)),
    );
  if (fits(aNode)) return;
  if (A.types.size > 1 && [...A.types].every((t) => fits(allOfNode([aNode, typeNode(t)])))) return;
  const tries = branches.map((br) => subset(aNode, br, c.child('')));
  if (tries.some((t) => t.length === 0)) {
    const what = `a value may now match more than one alternative of oneOf in ${c.bLabel}`;
    c.report(c.pick('ONE_OF_NARROWED', 'ONE_OF_WIDENED'), 'oneOf', what, { aNode });
    return;
  }
  report(c, 'oneOf', tries);
}

/** The best alternative's own findings are more useful than "no alternative fits". */
function report(c: Cmp, kw: 'anyOf' | 'oneOf', tries: Issue[][]): void {
  const found = best(tries);
  if (tries.length === 1 || !found.some((i) => i.code.startsWith('TYPE_'))) {
    c.out.push(...found);
    return;
  }
  const what = `no alternative of ${kw} in ${c.bLabel} accepts every value ${c.aLabel} accepts`;
  const code =
    kw === 'anyOf' ? c.pick('ANY_OF_NARROWED', 'ANY_OF_WIDENED') : c.pick('ONE_OF_NARROWED', 'ONE_OF_WIDENED');
  c.report(code, kw, what, { samples: found[0]?.samples ?? [], ip: found[0]?.ip, aNode: found[0]?.aNode });
}

/** a ⊆ not(x) ⟺ a ∩ x = ∅: proven disjoint, or a carries `not y` with x ⊆ y. */
export function checkNot(aNode: Schema, A: Shape, x: Schema, c: Cmp): void {
  if (disjoint(aNode, x)) return;
  if (A.nots.some((y) => subset(x, y, c.flipped().child('')).length === 0)) return;
  const what =
    c.dir === 'narrow'
      ? 'a `not` rule now rejects values that were accepted'
      : 'a `not` rule no longer rejects some values';
  const both = allOfNode([aNode, x]);
  c.report('NOT_CHANGED', 'not', what, {
    aNode: both,
    samples: [generate(both), generate(x), generate(x, { rng: seeded(7), depth: 0 })],
  });
}

/**
 * Reordered (or equivalent) oneOf alternatives: when b has a oneOf whose
 * alternatives pair up one-to-one with a's, each pair mutually included, the
 * two oneOfs accept the same values and only the rest needs comparing.
 */
export function equivalentOneOf(aBranches: Schema[], aRest: SchemaObject[], b: Schema, c: Cmp): boolean {
  if (typeof b === 'boolean' || !Array.isArray(b.oneOf)) return false;
  const bBranches = b.oneOf as Schema[];
  if (bBranches.length !== aBranches.length) return false;
  const used = new Set<number>();
  for (const x of aBranches) {
    const j = bBranches.findIndex(
      (y, k) =>
        !used.has(k) && subset(x, y, c.child('')).length === 0 && subset(y, x, c.flipped().child('')).length === 0,
    );
    if (j < 0) return false;
    used.add(j);
  }
  const bRest = without(b, 'oneOf');
  c.out.push(...subset(allOfNode(aRest), bRest, c.child('')));
  return true;
}
