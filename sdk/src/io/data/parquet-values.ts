import type { SchemaElement, SchemaTree } from 'hyparquet';
import { nullPolicy } from '../../core/quality/null-fields.js';
import { annotationAt, ITEMS } from '../../core/quality/schema-walk.js';
import { checkZone, fixedOffset, timeOfDay, withZone } from './parquet-time.js';

type Present = (value: unknown) => unknown;

interface FieldPlan {
  name: string;
  /** The contract allows null here; otherwise a null field is left out (see `nullPolicy`). */
  keepNull: boolean;
  present: Present;
}

/** What every column plan needs: the contract's null question and its `x-timezone` annotations. */
interface PlanContext {
  contract: unknown;
  allowsNull: (path: readonly string[]) => boolean;
}

/**
 * Turns hyparquet's rows into the JSON records the contract describes, with a
 * plan made once per file from the Parquet schema and the contract: nulls
 * follow `nullPolicy` at every struct level (list elements stay as they are),
 * dates and times follow `parquet-time.ts`, DECIMALs are the nearest double of
 * their decimal text (hyparquet multiplies by 10^-scale: 57 × 0.01 is
 * 0.5700000000000001, which `multipleOf: 0.01` would refuse), INT64 is a number
 * when it is a safe integer (else its decimal text), binary is base64.
 */
export function rowPresenter(tree: SchemaTree, contract: unknown): (row: Record<string, unknown>) => unknown {
  const ctx: PlanContext = { contract, allowsNull: nullPolicy(contract) };
  const fields = tree.children.map((child) => fieldPlan(child, [], ctx));
  return (row) => presentObject(row, fields);
}

function presentObject(value: Record<string, unknown>, fields: FieldPlan[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const v = value[field.name];
    if (v === null || v === undefined) {
      if (field.keepNull) out[field.name] = null;
    } else out[field.name] = field.present(v);
  }
  return out;
}

function fieldPlan(node: SchemaTree, parent: string[], ctx: PlanContext): FieldPlan {
  const path = [...parent, node.element.name];
  return { name: node.element.name, keepNull: ctx.allowsNull(path), present: presenter(node, path, ctx) };
}

function presenter(node: SchemaTree, path: string[], ctx: PlanContext): Present {
  const { element, children } = node;
  const list = listElement(node);
  if (list) {
    const item = presenter(list, [...path, ITEMS], ctx);
    return (v) => (Array.isArray(v) ? v.map((x) => (x === null || x === undefined ? null : item(x))) : toJsonValue(v));
  }
  if (element.converted_type === 'MAP' || element.logical_type?.type === 'MAP') return toJsonValue;
  if (children.length > 0) {
    const fields = children.map((child) => fieldPlan(child, path, ctx));
    return (v) => (isRecord(v) ? presentObject(v, fields) : toJsonValue(v));
  }
  const leaf = leafPresenter(element, path, ctx);
  // A legacy repeated primitive (no LIST annotation) arrives as an array of its values.
  return element.repetition_type === 'REPEATED' ? (v) => (Array.isArray(v) ? v.map(leaf) : leaf(v)) : leaf;
}

/** The element of a LIST column as hyparquet assembles it (three-level or two-level lists). */
function listElement(node: SchemaTree): SchemaTree | undefined {
  if (node.element.converted_type !== 'LIST' || node.children.length !== 1) return undefined;
  const repeated = node.children[0];
  if (repeated.element.repetition_type !== 'REPEATED' || repeated.children.length > 1) return undefined;
  return repeated.children.length === 1 ? repeated.children[0] : repeated;
}

function leafPresenter(element: SchemaElement, path: string[], ctx: PlanContext): Present {
  const logical = element.logical_type;
  if (logical?.type === 'TIMESTAMP' && !logical.isAdjustedToUTC) {
    const zone = timezoneOf(ctx, path);
    const local = (v: unknown) => (typeof v === 'string' && v.endsWith('Z') ? v.slice(0, -1) : toJsonValue(v));
    return zone === undefined ? local : (v) => withZoneIfText(local(v), zone);
  }
  const time = timeUnit(element);
  if (time) {
    const zone = timezoneOf(ctx, path);
    const suffix = time.utc ? 'Z' : zone === undefined ? '' : (fixedOffset(zone) ?? '');
    return (v) =>
      typeof v === 'number' || typeof v === 'bigint' ? timeOfDay(v, time.perSecond, time.digits) + suffix : v;
  }
  if (element.converted_type === 'DECIMAL' && element.scale) {
    const scale = element.scale;
    return (v) => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toFixed(scale)) : toJsonValue(v));
  }
  return toJsonValue;
}

function withZoneIfText(value: unknown, zone: string): unknown {
  return typeof value === 'string' ? withZone(value, zone) : value;
}

function timezoneOf(ctx: PlanContext, path: string[]): string | undefined {
  const zone = annotationAt(ctx.contract, path, 'x-timezone');
  return zone === undefined ? undefined : checkZone(zone, path.filter((p) => p !== ITEMS).join('.'));
}

const TIME_UNITS = { MILLIS: [1000n, 3], MICROS: [1_000_000n, 6], NANOS: [1_000_000_000n, 9] } as const;

function timeUnit(element: SchemaElement): { perSecond: bigint; digits: number; utc: boolean } | undefined {
  const logical = element.logical_type;
  if (logical?.type === 'TIME') {
    const [perSecond, digits] = TIME_UNITS[logical.unit];
    return { perSecond, digits, utc: logical.isAdjustedToUTC };
  }
  // The legacy converted types are, by the format's definition, adjusted to UTC.
  if (element.converted_type === 'TIME_MILLIS') return { perSecond: 1000n, digits: 3, utc: true };
  if (element.converted_type === 'TIME_MICROS') return { perSecond: 1_000_000n, digits: 6, utc: true };
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * Any other Parquet value as JSON data: INT64 becomes a number when it is a
 * safe integer (else its decimal string), binary becomes base64; nested lists
 * and structs are converted deeply.
 */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonValue(v);
    return out;
  }
  return value;
}
