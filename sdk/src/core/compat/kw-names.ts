import type { Cmp } from './context.js';
import type { Issue } from './context.js';
import { validLocal } from './local-validate.js';
import { allOfNode, escapePointer, type Schema } from './nodes.js';
import { explicitNames, matches, propSchema, type Model, type Shape } from './shape.js';
import { subset } from './subset.js';

const OPEN: Model = { props: {}, patterns: [], additional: true };
const STRING: Schema = { type: 'string' };
const NAME_CANDIDATES = ['extra', 'x', 'a', 'A', 'x1', 'X_1', '_', '1', 'key', 'x-extra', 'a_b', 'zz'];

/**
 * One model of A over-approximates A's rule for names no model lists
 * explicitly (A's rule is the conjunction of all of them); the closed one is
 * the most precise.
 */
function chooseModel(A: Shape): Model {
  return (
    A.models.find((m) => m.additional === false && m.patterns.length === 0) ??
    A.models.find((m) => m.additional === false) ??
    A.models[0] ??
    OPEN
  );
}

function nameFor(taken: Set<string>, mustMatch: string[], mustNot: string[]): string | undefined {
  for (const base of NAME_CANDIDATES) {
    for (const name of [base, `${base}_extra`, `${base}9`]) {
      if (taken.has(name)) continue;
      if (mustMatch.every((p) => matches(p, name)) && !mustNot.some((p) => matches(p, name))) return name;
    }
  }
  return undefined;
}

/** Property names neither version lists: patternProperties and additionalProperties of b must accept a's values. */
export function checkOtherNames(A: Shape, B: Shape, c: Cmp): void {
  const mB = B.models[0];
  if (!mB) return;
  const mA = chooseModel(A);
  const taken = new Set([...explicitNames(A), ...explicitNames(B)]);
  const aPats = mA.patterns.map(([p]) => p);
  const bPats = mB.patterns.map(([q]) => q);
  for (const [q, bS] of mB.patterns) {
    const same = mA.patterns.find(([p]) => p === q);
    const cands: Schema[] = same ? [same[1]] : [mA.additional, ...mA.patterns.map(([, s]) => s)];
    const name = nameFor(taken, [q], same ? [] : aPats) ?? nameFor(taken, [q], []);
    const found = firstFailure(cands, bS, c.child(`/patternProperties/${escapePointer(q)}`, name ?? q));
    if (!found) continue;
    const what = `values of properties matching /${q}/ ${c.dir === 'narrow' ? 'are more restricted' : 'are less restricted'}`;
    wrap(
      c,
      `patternProperties/${escapePointer(q)}`,
      c.pick('PATTERN_PROPERTIES_NARROWED', 'PATTERN_PROPERTIES_WIDENED'),
      what,
      found,
    );
  }
  if (mB.additional === true) return;
  const cands = [mA.additional, ...mA.patterns.filter(([p]) => !bPats.includes(p)).map(([, s]) => s)];
  const name = nameFor(taken, [], [...aPats, ...bPats]) ?? 'extra_property';
  const found = firstFailure(cands, mB.additional, c.child('/additionalProperties', name));
  if (!found) return;
  const what =
    mB.additional === false
      ? c.dir === 'narrow'
        ? 'properties not listed are no longer accepted (additionalProperties: false)'
        : 'properties not listed are now accepted'
      : `values of unlisted properties ${c.dir === 'narrow' ? 'are more restricted' : 'are less restricted'}`;
  wrap(
    c,
    'additionalProperties',
    c.pick('ADDITIONAL_PROPERTIES_NARROWED', 'ADDITIONAL_PROPERTIES_WIDENED'),
    what,
    found,
  );
}

function firstFailure(cands: Schema[], bS: Schema, c: Cmp): Issue | undefined {
  for (const cand of cands) {
    const sub = subset(cand, bS, c.child(''));
    if (sub.length) return sub[0];
  }
  return undefined;
}

function wrap(c: Cmp, keyword: string, code: Issue['code'], what: string, from: Issue): void {
  c.report(code, keyword, what, {
    samples: from.samples.length ? from.samples : [null, 'x', 0, {}],
    ip: from.ip,
    aNode: from.aNode,
  });
}

/** `propertyNames` of b: a closed a lists its names; an open a must restrict names at least as much. */
export function checkPropertyNames(A: Shape, B: Shape, c: Cmp): void {
  for (const pn of B.propertyNames) {
    if (pn === true) continue;
    const mA = chooseModel(A);
    if (mA.additional === false && mA.patterns.length === 0) {
      const bad = Object.keys(mA.props).filter((n) => propSchema(A, n) !== false && validLocal(n, pn) !== true);
      if (bad.length === 0) continue;
    } else if (
      A.propertyNames.length &&
      subset(allOfNode([STRING, ...A.propertyNames]), pn, c.child('/propertyNames')).length === 0
    ) {
      continue;
    }
    const what = c.dir === 'narrow' ? 'property names are more restricted' : 'property names are less restricted';
    const names = ['', 'x', 'A', '1', 'a b', 'abcdefghijklmnop', 'é'];
    c.report(c.pick('PROPERTY_NAMES_NARROWED', 'PROPERTY_NAMES_WIDENED'), 'propertyNames', what, {
      samples: names.map((n) => ({ [n]: null })),
    });
  }
}
