import { and, not, or, type Cond } from './cond.js';
import type { SqlDialect } from './dialect.js';
import { buildField, type Field, type FieldContext, type SourceColumn } from './fields.js';
import { APPLICATORS, isAnnotation, SQL_KEYWORDS } from './keywords/index.js';
import type { PlacedCheck } from './placement.js';

/** A contract check SQL decides: a violation kind (`path` + ajv `keyword`) and the rows that have it. */
export interface SqlCheck {
  path: string;
  keyword: string;
  /** Rows SQL decides to fail (rows it cannot decide are excluded). */
  fails: Cond;
}

/** A property (part of) whose checks the streaming engine makes, over the rows and column it needs. */
export interface StreamProperty {
  field: Field;
  /** Keywords SQL never judges, as a schema for the property; undefined when there are none. */
  streamOnly?: Record<string, unknown>;
  /** The property's whole schema, for rows SQL cannot decide. */
  full: unknown;
  /** Rows judged against `full` in streaming (SQL cannot decide them); `streamOnly` applies to every row with the property. */
  undecided: Cond;
}

export interface ContractPlan {
  /** Set when the whole contract is judged in streaming, with the reason. */
  whole?: string;
  checks: SqlCheck[];
  stream: StreamProperty[];
  /** Every top-level property with a column (the record the streaming engine sees). */
  fields: Field[];
  /** Non-partition columns the contract does not name (extra properties of the record). */
  extra: Field[];
  /** `$defs`/`definitions` for residual schemas. */
  defs: Record<string, unknown>;
  placement: PlacedCheck[];
}

const ROOT_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  '$schema',
  '$id',
  '$defs',
  'definitions',
]);

/**
 * Splits a contract into checks SQL decides exactly and parts the streaming
 * engine judges (see ARCHITECTURE.md "Data tests: two engines, one verdict").
 * Root keywords other than `type: object`, `properties`, `required` and a
 * boolean `additionalProperties` send the whole contract to streaming.
 */
export function planContract(
  contract: unknown,
  columns: SourceColumn[],
  d: SqlDialect,
  ctx: FieldContext,
): ContractPlan {
  const root = (typeof contract === 'object' && contract !== null ? contract : {}) as Record<string, unknown>;
  const props = (isObject(root.properties) ? root.properties : {}) as Record<string, unknown>;
  const byName = new Map(columns.map((c) => [c.name, c]));
  const fields = Object.keys(props).map((name) => buildField(name, byName.get(name), d, ctx));
  const extra = columns
    .filter((c) => !c.partition && !Object.prototype.hasOwnProperty.call(props, c.name))
    .map((c) => buildField(c.name, c, d, ctx));
  const defs = {
    ...(isObject(root.$defs) && { $defs: root.$defs }),
    ...(isObject(root.definitions) && { definitions: root.definitions }),
  };
  const whole = wholeReason(contract, root);
  const plan: ContractPlan = { checks: [], stream: [], fields, extra, defs, placement: [] };
  if (whole) {
    plan.whole = whole;
    plan.placement.push({ check: 'contract', engine: 'stream', reason: whole });
    return plan;
  }
  planRoot(root, fields, extra, plan);
  for (const field of fields) planProperty(field, resolveRef(root, props[field.name]), d, plan);
  return plan;
}

function wholeReason(contract: unknown, root: Record<string, unknown>): string | undefined {
  if (typeof contract !== 'object' || contract === null) return 'the contract is a boolean schema';
  const other = Object.keys(root).find((k) => !ROOT_KEYWORDS.has(k) && !isAnnotation(k));
  if (other) return `the contract's root has "${other}", which applies to whole records`;
  const types = root.type === undefined ? ['object'] : Array.isArray(root.type) ? root.type : [root.type];
  if (!types.includes('object')) return 'the contract does not describe objects';
  if (root.additionalProperties !== undefined && typeof root.additionalProperties !== 'boolean')
    return 'additionalProperties is a schema';
  return undefined;
}

function planRoot(root: Record<string, unknown>, fields: Field[], extra: Field[], plan: ContractPlan): void {
  const required = Array.isArray(root.required) ? (root.required as string[]) : [];
  if (required.length) {
    const missing = required.map((name) => {
      const field = fields.find((f) => f.name === name) ?? extra.find((f) => f.name === name);
      return field ? not(field.present) : true;
    });
    plan.checks.push({ path: '/', keyword: 'required', fails: or(...missing) });
    plan.placement.push({ check: 'contract / required', engine: 'sql' });
  }
  if (root.additionalProperties === false) {
    plan.checks.push({ path: '/', keyword: 'additionalProperties', fails: or(...extra.map((f) => f.present)) });
    plan.placement.push({ check: 'contract / additionalProperties', engine: 'sql' });
  }
}

/** A property's checks: SQL where a keyword translates exactly, the rest (or every undecided row) in streaming. */
function planProperty(field: Field, schema: unknown, d: SqlDialect, plan: ContractPlan): void {
  const path = `/${field.name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  if (!field.column) return; // always absent: only `required` can fail, and it is a root check
  const s = isObject(schema) ? (schema as Record<string, unknown>) : undefined;
  const applicator = s && Object.keys(s).find((k) => APPLICATORS.has(k));
  if (!s || applicator) {
    const reason = s ? `its schema has "${applicator}"` : 'its schema is a boolean';
    plan.stream.push({ field, full: schema, undecided: field.present });
    plan.placement.push({ check: `contract ${path}`, engine: 'stream', reason });
    return;
  }
  const sql: { keyword: string; fails: Cond; undecided?: Cond }[] = [];
  const streamOnly: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(s)) {
    if (isAnnotation(keyword)) continue;
    const translate = SQL_KEYWORDS[keyword];
    const result = translate ? translate(field, value, d, s) : { stream: 'no SQL translation' as const };
    if ('stream' in result) {
      streamOnly[keyword] = value;
      plan.placement.push({ check: `contract ${path} ${keyword}`, engine: 'stream', reason: result.stream });
    } else sql.push({ keyword, ...result.sql });
  }
  const undecided = or(field.view.undecided ?? false, ...sql.map((c) => c.undecided ?? false));
  const reason = field.view.undecidedReason ?? 'values SQL cannot read exactly';
  for (const c of sql) {
    if (c.fails !== false) plan.checks.push({ path, keyword: c.keyword, fails: and(c.fails, not(undecided)) });
    plan.placement.push({
      check: `contract ${path} ${c.keyword}`,
      engine: undecided === false ? 'sql' : 'sql+stream',
      ...(undecided !== false && { reason: `in streaming: ${reason}` }),
    });
  }
  const hasStreamOnly = Object.keys(streamOnly).length > 0;
  if (hasStreamOnly || undecided !== false)
    plan.stream.push({
      field,
      ...(hasStreamOnly && { streamOnly }),
      full: schema,
      undecided: and(field.present, undecided),
    });
}

/** A property schema that is only a local `$ref` (plus annotations) is planned as its target. */
function resolveRef(root: Record<string, unknown>, schema: unknown, depth = 0): unknown {
  if (!isObject(schema) || depth > 8) return schema;
  const s = schema as Record<string, unknown>;
  const ref = s.$ref;
  if (typeof ref !== 'string' || !/^#\/(\$defs|definitions)\/[^/]+$/.test(ref)) return schema;
  if (Object.keys(s).some((k) => k !== '$ref' && !isAnnotation(k))) return schema;
  const [, section, name] = ref.split('/');
  const target = (root[section] as Record<string, unknown> | undefined)?.[
    decodeURIComponent(name).replace(/~1/g, '/').replace(/~0/g, '~')
  ];
  return target === undefined ? schema : resolveRef(root, target, depth + 1);
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
