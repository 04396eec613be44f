import { propSeg, type Cmp } from './context.js';
import { checkOtherNames, checkPropertyNames } from './kw-names.js';
import { allOfNode, type Schema } from './nodes.js';
import { explicitNames, modelPropSchema, propSchema, requiredClosure, type Shape } from './shape.js';
import { subset } from './subset.js';
import { generate } from './generate.js';

export function checkObject(aNode: Schema, A: Shape, B: Shape, c: Cmp): void {
  checkRequired(A, B, c);
  checkExplicit(A, B, c);
  checkOtherNames(A, B, c);
  checkPropertyNames(A, B, c);
  checkCounts(A, B, c);
  checkDependentRequired(A, B, c);
  checkDependentSchemas(aNode, A, B, c);
}

function checkRequired(A: Shape, B: Shape, c: Cmp): void {
  const required = requiredClosure(A);
  for (const r of B.required) {
    if (required.has(r)) continue;
    const what = c.dir === 'narrow' ? 'is now required' : 'is no longer required';
    c.report(c.pick('REQUIRED_ADDED', 'REQUIRED_REMOVED'), 'required', what, { ip: [...c.ip, r], absent: true });
  }
}

/**
 * Every property named in either version: the value rules of a (its property,
 * matching patterns, or additionalProperties) must fit those of b. A property
 * only b names is "added" when b is next: old data on an open object may carry
 * that name with any value.
 */
function checkExplicit(A: Shape, B: Shape, c: Cmp): void {
  const inA = explicitNames(A);
  const inB = explicitNames(B);
  for (const name of new Set([...inA, ...inB])) {
    const bS = propSchema(B, name);
    if (bS === true) continue;
    const aS = propSchema(A, name);
    const sub = subset(aS, bS, c.child(propSeg(name), name));
    if (sub.length === 0) continue;
    if (inA.has(name) && inB.has(name)) {
      c.out.push(...sub);
      continue;
    }
    const added = inB.has(name) === (c.dir === 'narrow');
    const first = sub[0];
    const narrow = c.dir === 'narrow';
    const [prevL, nextL] = narrow ? [c.aLabel, c.bLabel] : [c.bLabel, c.aLabel];
    const [prevS, nextS] = narrow ? [A, B] : [B, A];
    // narrow checks previous ⊆ next (BACKWARD); widen checks next ⊆ previous (FORWARD).
    const what = narrow
      ? added
        ? `property \`${name}\` was added; records from ${prevL} may carry it with any value (${describeOpen(prevS, name)} there), and ${nextL} rejects some of them`
        : `property \`${name}\` was removed; ${nextL} rejects records from ${prevL} that carry it (${describeOpen(nextS, name)})`
      : added
        ? `property \`${name}\` was added; ${prevL} rejects records written under ${nextL} that carry it (${describeOpen(prevS, name)})`
        : `property \`${name}\` was removed; records written under ${nextL} may carry it with values ${prevL} rejects (${describeOpen(nextS, name)} there)`;
    const at = c.child(propSeg(name));
    at.report(added ? 'PROPERTY_ADDED' : 'PROPERTY_REMOVED', '', what, {
      samples: first.samples,
      ip: first.ip,
      aNode: first.aNode,
      absent: first.absent,
    });
    c.out.push(...at.out);
  }
}

function describeOpen(S: Shape, name: string): string {
  const rules = S.models.map((m) => modelPropSchema(m, name));
  if (rules.length === 0 || rules.every((r) => r === true)) return 'the object is open';
  if (rules.some((r) => r === false)) return 'the object is closed';
  return 'additionalProperties/patternProperties apply';
}

function checkCounts(A: Shape, B: Shape, c: Cmp): void {
  if (B.minProps > A.minProps && A.required.size < B.minProps) {
    const { prev, next } = c.pv(A.minProps, B.minProps);
    c.report(
      c.pick('MIN_PROPERTIES_INCREASED', 'MIN_PROPERTIES_DECREASED'),
      'minProperties',
      `minProperties ${prev} → ${next}`,
    );
  }
  if (B.maxProps !== undefined && (A.maxProps ?? Infinity) > B.maxProps && possibleNames(A) > B.maxProps) {
    const { prev, next } = c.pv(A.maxProps ?? 'none', B.maxProps);
    const base = generate(c.aNode ?? true) as Record<string, unknown>;
    const extra = Object.fromEntries(Array.from({ length: B.maxProps + 1 }, (_, i) => [`p${i}`, null]));
    c.report(
      c.pick('MAX_PROPERTIES_DECREASED', 'MAX_PROPERTIES_INCREASED'),
      'maxProperties',
      `maxProperties ${prev} → ${next}`,
      {
        samples: [{ ...extra, ...base }],
      },
    );
  }
}

/** How many property names an object of A can carry (Infinity when some model is open). */
function possibleNames(A: Shape): number {
  const closed = A.models.find((m) => m.additional === false && m.patterns.length === 0);
  if (!closed) return Infinity;
  return Object.keys(closed.props).filter((n) => propSchema(A, n) !== false).length;
}

/** Exact for what `required`, `dependentRequired` and `dependentSchemas` say: b's rule holds when `key`'s presence already implies its names in a. */
function checkDependentRequired(A: Shape, B: Shape, c: Cmp): void {
  for (const [key, deps] of B.depRequired) {
    if (propSchema(A, key) === false) continue;
    const implied = requiredClosure(A, [key]);
    const missing = [...deps].filter((d) => !implied.has(d));
    if (missing.length === 0) continue;
    const what = `when \`${key}\` is present, ${missing.map((m) => `\`${m}\``).join(', ')} ${c.dir === 'narrow' ? 'must now be present too' : 'no longer need to be present'}`;
    const base = generate(c.aNode ?? true) as Record<string, unknown>;
    const sample = { ...base, [key]: base?.[key] ?? generate(propSchema(A, key)) };
    for (const m of missing) delete sample[m];
    c.report(c.pick('DEPENDENT_REQUIRED_ADDED', 'DEPENDENT_REQUIRED_REMOVED'), `dependentRequired/${key}`, what, {
      samples: [sample],
    });
  }
}

function checkDependentSchemas(aNode: Schema, A: Shape, B: Shape, c: Cmp): void {
  for (const [key, list] of B.depSchemas) {
    if (propSchema(A, key) === false) continue;
    for (const bS of list) {
      // b's rule only applies to values that have `key`, and so do a's own rules for it.
      const candidate = allOfNode([aNode, requiredNode(key), ...(A.depSchemas.get(key) ?? [])]);
      if (subset(candidate, bS, c.child(`/dependentSchemas/${key}`)).length === 0) continue;
      const what = `the rules that apply when \`${key}\` is present ${c.dir === 'narrow' ? 'became stricter' : 'became looser'}`;
      c.report(c.pick('DEPENDENT_SCHEMAS_NARROWED', 'DEPENDENT_SCHEMAS_WIDENED'), `dependentSchemas/${key}`, what, {
        aNode: candidate,
      });
    }
  }
}

const requiredNodes = new Map<string, Schema>();
/** `{ required: [key] }`, one node per name (stable identity for the comparison's cycle guard). */
function requiredNode(key: string): Schema {
  let node = requiredNodes.get(key);
  if (!node) requiredNodes.set(key, (node = { required: [key] }));
  return node;
}
