import { and, not, or, type Cond } from './cond.js';
import type { SqlDialect, ValueView } from './dialect.js';
import { parseTimezone, type FixedOffset } from './timezone.js';

/** A column of the data as the engine describes it. */
export interface SourceColumn {
  name: string;
  /** The engine's type name (`VARCHAR`, `DECIMAL(10,2)`, `timestamp with time zone`, …). */
  nativeType: string;
  /** A hive partition column (`year=2024/`): named in the report, never an extra property. */
  partition?: boolean;
}

/** A top-level property of the records, seen through its column. */
export interface Field {
  name: string;
  column?: SourceColumn;
  /** SQL naming the column. */
  ref: string;
  admitsNull: boolean;
  /** `x-timezone` of the property (how a timestamp without time zone is shown). */
  timezone?: FixedOffset;
  /** The record has the property (null included where the contract admits null). */
  present: Cond;
  /** The property is present with JSON null. */
  isNull: Cond;
  /** The property is present with a non-null value (`view` describes it). */
  value: Cond;
  view: ValueView;
}

/**
 * The JSON types a property's schema names: `type`, else the types of its
 * `enum`/`const` values (the rule CSV typing uses, `io/data/csv-types.ts`).
 */
export function declaredTypes(prop: unknown): Set<string> | undefined {
  if (!prop || typeof prop !== 'object') return undefined;
  const p = prop as Record<string, unknown>;
  if (typeof p.type === 'string') return new Set([p.type]);
  if (Array.isArray(p.type)) return new Set(p.type as string[]);
  const values = Array.isArray(p.enum) ? p.enum : 'const' in p ? [p.const] : undefined;
  if (!values) return undefined;
  return new Set(
    values.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v)),
  );
}

/**
 * Columnar null semantics, shared with the streaming engine: a NULL stays
 * `null` where the property's schema admits null, and otherwise counts as
 * absent (so `required` sees it, an optional field passes, `not_null` rules see
 * every null). A property without a column is always absent.
 */
export function buildField(name: string, prop: unknown, column: SourceColumn | undefined, d: SqlDialect): Field {
  const ref = d.ident(name);
  const admitsNull = declaredTypes(prop)?.has('null') ?? false;
  const timezone = parseTimezone((prop as Record<string, unknown> | undefined)?.['x-timezone']);
  const view: ValueView = column
    ? d.view(ref, column.nativeType, { ...(timezone && { timezone }) })
    : { nativeType: 'absent', is: () => false };
  if (!column) return { name, ref, admitsNull, present: false, isNull: false, value: false, view };
  const tz = timezone && { timezone };
  const nullish = or(`${ref} IS NULL`, view.jsonNull ?? false);
  return {
    ...guarded(view, not(nullish)),
    name,
    column,
    ref,
    admitsNull,
    ...tz,
    present: admitsNull ? true : not(nullish),
    isNull: admitsNull ? nullish : false,
    value: not(nullish),
  };
}

/**
 * A view whose row conditions are asked only where the column has a value:
 * SQL's NULL would otherwise turn "undecided" into "unknown", and a filtered
 * count would silently drop the row.
 */
function guarded(view: ValueView, value: Cond): { view: ValueView } {
  const when = (c: Cond | undefined) => (c === undefined ? undefined : and(value, c));
  const epochMs = view.epochMs && {
    ...view.epochMs,
    ...(view.epochMs.undecided !== undefined && { undecided: when(view.epochMs.undecided) }),
    ...(view.epochMs.invalid !== undefined && { invalid: when(view.epochMs.invalid) }),
  };
  return {
    view: {
      ...view,
      ...(view.undecided !== undefined && { undecided: when(view.undecided) }),
      ...(epochMs && { epochMs }),
    },
  };
}

/** `cond` for rows where the field has a value, the view applies and the row is decided in SQL. */
export function whenValue(field: Field, ...conds: Cond[]): Cond {
  return and(field.value, ...conds);
}
