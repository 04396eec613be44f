import { normalizeContract } from '../contract/normalize.js';
import { Losses, type Loss } from './losses.js';
import { toNode } from './model-node.js';

/**
 * A contract as the converters read it: every draft normalised to 2020-12,
 * references resolved within the document (`$defs` entries become named
 * types, any other pointer is inlined; a reference that cannot be resolved is
 * `any` and said as lost). What this model does not carry (`if`/`then`,
 * `not`, `patternProperties` …) is collected in `losses` with its path.
 */
export type TypeNode =
  | StringNode
  | NumberNode
  | { t: 'boolean' }
  | { t: 'null' }
  | { t: 'any' }
  | { t: 'array'; items: TypeNode; minItems?: number; maxItems?: number; uniqueItems?: boolean }
  | ObjectNode
  | { t: 'ref'; name: string }
  | { t: 'union'; of: TypeNode[] }
  | { t: 'literal'; values: unknown[] };

export interface Common {
  description?: string;
  /** The node also admits null (`type: [x, "null"]`, `anyOf: [x, {type: null}]`). */
  nullable?: boolean;
  /** Its JSON pointer in the normalised contract (for loss lines). */
  path?: string;
}

export interface StringNode {
  t: 'string';
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  enum?: string[];
}

export interface NumberNode {
  t: 'number' | 'integer';
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  enum?: number[];
}

export interface ObjectNode {
  t: 'object';
  fields: Field[];
  /** false: closed; true: any further property; a node: further properties of that type. */
  additional: boolean | TypeNode;
}

export interface Field {
  name: string;
  required: boolean;
  node: Node;
  /** `x-*` annotations of the property (`x-primary-key`, `x-classification` …). */
  annotations: Record<string, unknown>;
}

export type Node = TypeNode & Common;

export interface Model {
  title?: string;
  description?: string;
  root: Node;
  defs: Map<string, Node>;
  losses: Loss[];
}

export interface BuildCtx {
  root: Record<string, unknown>;
  defs: Map<string, Node>;
  losses: Losses;
  /** `$defs` names being built (a reference to one of them is a named type, never inlined). */
  building: Set<string>;
  /** Pointers being inlined (a cycle through a non-`$defs` pointer becomes `any`). */
  inlining: Set<string>;
}

export function buildModel(contract: unknown): Model {
  const root = normalizeContract(contract) as Record<string, unknown>;
  const ctx: BuildCtx = { root, defs: new Map(), losses: new Losses(), building: new Set(), inlining: new Set() };
  const defs = (root.$defs ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(defs)) defineRef(ctx, name);
  const node = toNode(root, '', ctx);
  return {
    ...(typeof root.title === 'string' && { title: root.title }),
    ...(typeof root.description === 'string' && { description: root.description }),
    root: node,
    defs: ctx.defs,
    losses: ctx.losses.items,
  };
}

/** Builds a `$defs` entry once (its references to itself stay references). */
export function defineRef(ctx: BuildCtx, name: string): void {
  if (ctx.defs.has(name) || ctx.building.has(name)) return;
  const schema = ((ctx.root.$defs ?? {}) as Record<string, unknown>)[name];
  ctx.building.add(name);
  ctx.defs.set(name, toNode(schema, `/$defs/${name}`, ctx));
  ctx.building.delete(name);
}

/** Fields of the root object, or none when the contract is not an object. */
export const rootFields = (m: Model): Field[] => (m.root.t === 'object' ? m.root.fields : []);

/** The node a reference names, followed through `$defs`. */
export function deref(m: Pick<Model, 'defs'>, node: Node): Node {
  let n = node;
  for (let i = 0; n.t === 'ref' && i < 32; i++) n = m.defs.get(n.name) ?? { t: 'any' };
  return n;
}
