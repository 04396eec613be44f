import { declaresField } from '../compat/field-paths.js';
import { contractDoc } from '../compat/nodes.js';
import { listFields } from '../contract/fields.js';
import { escapePointer, forEachSubschema, isSchemaObject, type SchemaNode } from '../contract/schema-walk.js';
import type { DataProduct, OutputPort, Problem } from './types.js';

export const FIELD_UNKNOWN = 'FIELD_UNKNOWN';

interface Named {
  field: string;
  file: string;
  path: string;
  what: string;
}

/**
 * Every field a quality rule, an output lineage mapping or `x-primary-key`
 * names must exist in the port's contract (a nested path through `$ref`,
 * `allOf`, array items…; a `patternProperties` match counts, an open
 * `additionalProperties` does not). `contracts` holds only contracts that
 * compiled. A missing field is refused with the file, the path and the
 * nearest declared field.
 */
export function checkRuleFields(d: DataProduct, contracts: Record<string, unknown>, descriptorFile: string): Problem[] {
  const out: Problem[] = [];
  d.spec.outputs.forEach((port, i) => {
    if (!(port.contract in contracts)) return;
    const schema = contracts[port.contract];
    const root = contractDoc(schema).root;
    const known = listFields(root).map((f) => f.path);
    for (const n of [...descriptorNames(port, i, descriptorFile), ...primaryKeyNames(schema, port.contract)]) {
      if (declaresField(root, n.field)) continue;
      out.push(unknownField(n, port, known));
    }
  });
  return out;
}

function descriptorNames(port: OutputPort, i: number, file: string): Named[] {
  const out: Named[] = [];
  (port.quality ?? []).forEach((rule, j) => {
    const r = rule as { rule: string; field?: unknown; fields?: unknown };
    const at = `/spec/outputs/${i}/quality/${j}`;
    if (typeof r.field === 'string')
      out.push({ field: r.field, file, path: `${at}/field`, what: `quality rule ${r.rule}` });
    if (Array.isArray(r.fields))
      r.fields.forEach(
        (f, k) =>
          typeof f === 'string' &&
          out.push({ field: f, file, path: `${at}/fields/${k}`, what: `quality rule ${r.rule}` }),
      );
  });
  for (const field of Object.keys(port.lineage ?? {}))
    out.push({ field, file, path: `/spec/outputs/${i}/lineage/${escapePointer(field)}`, what: 'the lineage mapping' });
  return out;
}

/** `x-primary-key` given as a field name or a list of names (relative to the object it sits on; `true` names its own property). */
function primaryKeyNames(schema: unknown, file: string): Named[] {
  const out: Named[] = [];
  const stack: [SchemaNode, string, string][] = [[schema as SchemaNode, '', '']];
  while (stack.length > 0) {
    const [node, pointer, prefix] = stack.pop()!;
    if (!isSchemaObject(node)) continue;
    const pk = node['x-primary-key'];
    const names = typeof pk === 'string' ? [pk] : Array.isArray(pk) ? pk.filter((x) => typeof x === 'string') : [];
    for (const name of names)
      out.push({
        field: prefix ? `${prefix}.${name}` : name,
        file,
        path: `${pointer}/x-primary-key`,
        what: 'x-primary-key',
      });
    forEachSubschema(node, (child, segments) => {
      const named = segments[0] === 'properties' ? (prefix ? `${prefix}.${segments[1]}` : segments[1]) : prefix;
      stack.push([child, `${pointer}/${segments.map(escapePointer).join('/')}`, named]);
    });
  }
  return out;
}

function unknownField(n: Named, port: OutputPort, known: string[]): Problem {
  const near = closest(n.field, known);
  return {
    severity: 'error',
    code: FIELD_UNKNOWN,
    file: n.file,
    path: n.path,
    message: `${n.what} names field "${n.field}", which the contract ${port.contract} of port "${port.name}" does not declare`,
    fix: near
      ? `did you mean "${near}"? Otherwise declare "${n.field}" in ${port.contract}`
      : `declare "${n.field}" in ${port.contract} or use one of its fields: ${known.slice(0, 12).join(', ') || '(none declared)'}`,
  };
}

/** The declared field nearest to `name` (edit distance within a third of its length, at least 2). */
export function closest(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** Levenshtein distance, with adjacent transpositions (`stauts` → `status` is 1). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}
