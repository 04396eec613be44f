import { zoneAt, type Zone } from '../columnar/zone.js';
import { nullPolicy } from '../quality/null-fields.js';
import { and, not, or, type Cond } from './cond.js';
import type { SqlDialect, ValueView } from './dialect.js';

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
  /** `x-timezone` of the property, on a wall-clock column (how its values are shown). */
  timezone?: Zone;
  /** The record has the property (null included where the contract admits null). */
  present: Cond;
  /** The property is present with JSON null. */
  isNull: Cond;
  /** The property is present with a non-null value (`view` describes it). */
  value: Cond;
  view: ValueView;
}

/**
 * What fields (and the values of nested ones) are presented with: the
 * contract's null question (`nullPolicy`) and `x-timezone` per field path,
 * each asked once per path.
 */
export interface FieldContext {
  contract: unknown;
  allowsNull: (path: readonly string[]) => boolean;
  /** The path's `x-timezone`; throws `TimezoneError` for one that is no zone. */
  zone: (path: readonly string[]) => Zone | undefined;
}

export function fieldContext(contract: unknown): FieldContext {
  const policy = nullPolicy(contract);
  const nulls = new Map<string, boolean>();
  const zones = new Map<string, Zone | undefined>();
  const key = (path: readonly string[]) => JSON.stringify(path);
  return {
    contract,
    allowsNull: (path) => {
      const k = key(path);
      if (!nulls.has(k)) nulls.set(k, policy(path));
      return nulls.get(k)!;
    },
    zone: (path) => {
      const k = key(path);
      if (!zones.has(k)) zones.set(k, zoneAt(contract, path));
      return zones.get(k);
    },
  };
}

/**
 * Columnar null semantics, the streaming engine's own (`core/quality/null-fields.ts`):
 * a NULL stays `null` where the property's schema accepts null, and otherwise
 * counts as absent (so `required` sees it, an optional field passes, `not_null`
 * rules see every null). A property without a column is always absent.
 * `x-timezone` is read (and refused when unknown, `TimezoneError`) only on
 * wall-clock columns, as the Parquet reader reads it.
 */
export function buildField(name: string, column: SourceColumn | undefined, d: SqlDialect, ctx: FieldContext): Field {
  const ref = d.ident(name);
  const admitsNull = ctx.allowsNull([name]);
  const timezone = column && d.wallClock(column.nativeType) ? ctx.zone([name]) : undefined;
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
