import type { ContractProblem } from './errors.js';
import { resolveRefSite, type SchemaIndex } from './schema-index.js';
import { escapePointer, isSchemaObject } from './schema-walk.js';

/** Subschemas applied to the same value as their parent (they descend into no part of it). */
const IN_PLACE_SINGLE = ['not', 'if', 'then', 'else'];
const IN_PLACE_LIST = ['allOf', 'anyOf', 'oneOf'];
const IN_PLACE_MAP = ['dependentSchemas', 'dependencies'];

/**
 * Refuses a contract that refers to itself without descending into the data
 * (`{ "$defs": { "a": { "anyOf": [{ "$ref": "#/$defs/a" }] } } }`): no value
 * could ever be validated against it, and ajv recurses until the stack
 * overflows. Found with an iterative depth-first search over the edges that
 * stay on the same value: `$ref`s and in-place applicators.
 */
export function checkRefCycles(index: SchemaIndex): ContractProblem[] {
  const edges = inPlaceEdges(index);
  const state = new Map<string, 1 | 2>();
  for (const start of index.nodes.keys()) {
    if (state.has(start)) continue;
    const stack: [string, number][] = [[start, 0]];
    state.set(start, 1);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const out = edges.get(frame[0]) ?? [];
      if (frame[1] >= out.length) {
        state.set(frame[0], 2);
        stack.pop();
        continue;
      }
      const to = out[frame[1]++];
      if (state.get(to) === 1) return [cycleProblem(frame[0])];
      if (!state.has(to)) {
        state.set(to, 1);
        stack.push([to, 0]);
      }
    }
  }
  return [];
}

function inPlaceEdges(index: SchemaIndex): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    if (index.nodes.has(to)) (edges.get(from) ?? edges.set(from, []).get(from)!).push(to);
  };
  for (const [pointer, node] of index.nodes) {
    if (!isSchemaObject(node)) continue;
    for (const kw of IN_PLACE_SINGLE) if (kw in node) add(pointer, `${pointer}/${kw}`);
    for (const kw of IN_PLACE_LIST)
      if (Array.isArray(node[kw])) (node[kw] as unknown[]).forEach((_, i) => add(pointer, `${pointer}/${kw}/${i}`));
    for (const kw of IN_PLACE_MAP)
      if (isSchemaObject(node[kw]))
        for (const name of Object.keys(node[kw] as object)) add(pointer, `${pointer}/${kw}/${escapePointer(name)}`);
  }
  for (const site of index.refs) {
    const target = resolveRefSite(index, site);
    if ('pointer' in target) add(site.pointer, target.pointer);
  }
  return edges;
}

function cycleProblem(pointer: string): ContractProblem {
  return {
    code: 'REF_CYCLE',
    path: pointer,
    keyword: '$ref',
    message: `the schema at ${pointer || '/'} refers back to itself without descending into the data (a $ref cycle through $ref/allOf/anyOf/oneOf/not/if/then/else), so no value could ever be validated`,
    fix: 'make the recursion go through a property or array item (e.g. "items": { "$ref": … }), or remove the cycle',
  };
}
