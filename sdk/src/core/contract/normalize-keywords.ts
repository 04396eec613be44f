import type { Draft } from './drafts.js';
import { isSchemaNode, LIST_SCHEMA_KEYWORDS, MAP_SCHEMA_KEYWORDS, SINGLE_SCHEMA_KEYWORDS } from './schema-walk.js';

/** One keyword of the internal form: its name, value, and where the value was in the original (schemas only). */
export type Placed = [key: string, value: unknown, fromSegments: string[] | undefined];

const SCHEMA_KEYWORDS = new Set<string>([...SINGLE_SCHEMA_KEYWORDS, ...LIST_SCHEMA_KEYWORDS, ...MAP_SCHEMA_KEYWORDS]);

/**
 * How one keyword of a draft's schema is written in the internal 2020-12
 * form (one rule per draft-specific keyword); undefined drops it (it has no
 * effect, or another keyword carries its meaning).
 */
export function mapDraftKeyword(
  node: Record<string, unknown>,
  key: string,
  value: unknown,
  draft: Draft,
): Placed[] | undefined {
  switch (key) {
    case 'definitions':
      return [['$defs' in node ? 'definitions' : '$defs', value, ['definitions']]];
    case 'items':
      return Array.isArray(value) ? tupleItems(node, value) : [['items', value, ['items']]];
    case 'additionalItems':
      // Read together with a tuple `items`; beside a single-schema `items` (or none) it has no effect.
      return undefined;
    case 'dependencies':
      return splitDependencies(value);
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return typeof value === 'boolean' ? exclusiveBound(node, key, value) : [[key, value, undefined]];
    case 'minimum':
      return draft === 'draft-04' && node.exclusiveMinimum === true ? undefined : [[key, value, undefined]];
    case 'maximum':
      return draft === 'draft-04' && node.exclusiveMaximum === true ? undefined : [[key, value, undefined]];
    default:
      return [[key, value, SCHEMA_KEYWORDS.has(key) ? [key] : undefined]];
  }
}

/** draft-04…2019-09 tuples: `items: [a, b]` is `prefixItems`, and `additionalItems` then means `items`. */
function tupleItems(node: Record<string, unknown>, list: unknown[]): Placed[] {
  const out: Placed[] = [['prefixItems', list, ['items']]];
  if (isSchemaNode(node.additionalItems)) out.push(['items', node.additionalItems, ['additionalItems']]);
  return out;
}

/** `dependencies`: a list of names is `dependentRequired`, a schema is `dependentSchemas`. */
function splitDependencies(value: unknown): Placed[] {
  if (value === null || typeof value !== 'object') return [];
  const required: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    if (Array.isArray(v)) required[name] = v;
    else if (isSchemaNode(v)) schemas[name] = v;
  }
  const out: Placed[] = [];
  if (Object.keys(required).length) out.push(['dependentRequired', required, undefined]);
  if (Object.keys(schemas).length) out.push(['dependentSchemas', schemas, ['dependencies']]);
  return out;
}

/** draft-04 `minimum: 5, exclusiveMinimum: true` is 2020-12 `exclusiveMinimum: 5`; `false` (or no bound) says nothing. */
function exclusiveBound(node: Record<string, unknown>, key: string, value: boolean): Placed[] | undefined {
  const bound = key === 'exclusiveMinimum' ? node.minimum : node.maximum;
  return value && typeof bound === 'number' ? [[key, bound, undefined]] : undefined;
}
