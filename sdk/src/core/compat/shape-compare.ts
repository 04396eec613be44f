import type { Cmp } from './context.js';
import { checkArray } from './kw-array.js';
import { checkNumber } from './kw-number.js';
import { checkObject } from './kw-object.js';
import { checkFormat, checkString } from './kw-string.js';
import { canon, type Schema } from './nodes.js';
import { coversType, type JType, type Shape } from './shape.js';

/** A value of JSON type `t` that A's own keywords are likely to accept (a counterexample seed). */
export function sampleOfType(t: JType, A: Shape, nonInteger = false): unknown {
  switch (t) {
    case 'null':
      return null;
    case 'boolean':
      return true;
    case 'string':
      return 'x'.repeat(Math.min(Math.max(1, A.minLength), A.maxLength ?? Infinity));
    case 'object':
      return {};
    case 'array':
      return [];
    default: {
      const base = A.lower
        ? A.lower.ex
          ? Math.floor(A.lower.v) + 1
          : Math.ceil(A.lower.v)
        : A.upper
          ? Math.floor(A.upper.v) - 1
          : 0;
      return nonInteger ? base + 0.5 : base;
    }
  }
}

const listTypes = (types: Set<JType>) => (types.size === 6 ? 'any' : [...types].join('|'));

function typeChange(t: JType, A: Shape, B: Shape, c: Cmp): void {
  const { prev, next } = c.pv(listTypes(A.types), listTypes(B.types));
  let what: string;
  if (t === 'null') what = c.dir === 'narrow' ? 'can no longer be null' : 'can now be null';
  else if (t === 'number' && B.types.has('integer'))
    what = c.dir === 'narrow' ? 'must now be an integer' : 'may now be a non-integer number';
  else
    what =
      c.dir === 'narrow'
        ? `no longer accepts ${t} values (type ${prev} → ${next})`
        : `now accepts ${t} values (type ${prev} → ${next})`;
  const samples = [sampleOfType(t, A, t === 'number' && B.types.has('integer'))];
  c.report(c.pick('TYPE_NARROWED', 'TYPE_WIDENED'), 'type', what, { samples });
}

/** b has an enum or const and a does not: only a finite a (null/boolean) can fit. */
function checkFinite(A: Shape, B: Shape, c: Cmp, aNode: Schema): void {
  const allowed = new Set(B.values!.map(canon));
  const finite = [...A.types].every((t) => t === 'null' || t === 'boolean');
  const candidates = [null, true, false].filter((v) => A.types.has(v === null ? 'null' : 'boolean'));
  const missing = finite ? candidates.filter((v) => !allowed.has(canon(v))) : [];
  if (finite && missing.length === 0) return;
  const kw = B.valuesKind === 'const' ? 'const' : 'enum';
  const what =
    c.dir === 'narrow'
      ? `values are now restricted to ${JSON.stringify(B.values)}`
      : `values were restricted to ${JSON.stringify(B.values)} and no longer are`;
  const samples = finite ? missing : [...A.types].map((t) => sampleOfType(t, A)).filter((v) => !allowed.has(canon(v)));
  c.report(c.pick('ENUM_ADDED', 'ENUM_REMOVED'), kw, what, { samples, aNode });
}

/** Compares the merged keywords of a with one conjunct of b, type by type. */
export function compareShapes(aNode: Schema, A: Shape, B: Shape, c: Cmp): void {
  if (B.values) return checkFinite(A, B, c, aNode);
  const kept: JType[] = [];
  for (const t of A.types) {
    if (coversType(B.types, t)) kept.push(t);
    else if (t === 'number' && B.types.has('integer')) {
      typeChange(t, A, B, c);
      kept.push('integer');
    } else typeChange(t, A, B, c);
  }
  for (const t of kept) {
    if (t === 'string') checkString(A, B, c);
    else if (t === 'number' || t === 'integer') checkNumber(A, B, c, t === 'integer');
    else if (t === 'array') checkArray(A, B, c);
    else if (t === 'object') checkObject(aNode, A, B, c);
  }
  if (kept.some((t) => t === 'string' || t === 'number' || t === 'integer')) checkFormat(A, B, c);
}
