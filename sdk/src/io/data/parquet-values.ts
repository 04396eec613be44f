import type { SchemaElement, SchemaTree } from 'hyparquet';
import { nullPolicy } from '../../core/quality/null-fields.js';
import { ITEMS } from '../../core/quality/schema-walk.js';
import { decimalNumber } from '../../core/columnar/numbers.js';
import { presentTime, zonedLocal } from '../../core/columnar/present.js';
import { zoneAt, type Zone } from '../../core/columnar/zone.js';

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
  if (element.converted_type === 'MAP' || element.logical_type?.type === 'MAP') return mapPresenter(node, path, ctx);
  if (children.length > 0) {
    const fields = children.map((child) => fieldPlan(child, path, ctx));
    return (v) => (isRecord(v) ? presentObject(v, fields) : toJsonValue(v));
  }
  const leaf = leafPresenter(element, path, ctx);
  // A legacy repeated primitive (no LIST annotation) arrives as an array of its values.
  return element.repetition_type === 'REPEATED' ? (v) => (Array.isArray(v) ? v.map(leaf) : leaf(v)) : leaf;
}

/** A MAP as hyparquet assembles it (an object by key): values presented by their type, nulls kept. */
function mapPresenter(node: SchemaTree, path: string[], ctx: PlanContext): Present {
  const valueNode = node.children[0]?.children[1];
  if (!valueNode) return toJsonValue;
  const item = presenter(valueNode, [...path, MAP_VALUE], ctx);
  return (v) => (isRecord(v) ? mapValues(v, item) : toJsonValue(v));
}

/** The field path of a map's values: any key, as `additionalProperties` describes it. */
export const MAP_VALUE = '*';

export function mapValues(map: Record<string, unknown>, item: Present): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(map)) out[k] = x === null || x === undefined ? null : item(x);
  return out;
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
    const zone = zoneAt(ctx.contract, path);
    // hyparquet's parsers (parquet-time.ts) wrote the wall-clock time as if it were UTC
    return (v) => (typeof v === 'string' && v.endsWith('Z') ? zonedLocal(v.slice(0, -1), false, zone) : toJsonValue(v));
  }
  const time = timeUnit(element);
  if (time) {
    const zone: Zone | undefined = time.utc ? undefined : zoneAt(ctx.contract, path);
    return (v) => (typeof v === 'number' || typeof v === 'bigint' ? presentTime(v, time.perSecond, time.utc, zone) : v);
  }
  if (element.converted_type === 'DECIMAL' || logical?.type === 'DECIMAL') {
    const scale = element.scale ?? (logical?.type === 'DECIMAL' ? logical.scale : 0);
    return (v) =>
      typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v))
        ? decimalNumber(v, scale)
        : v instanceof Uint8Array
          ? decimalNumber(signedBigInt(v), scale)
          : toJsonValue(v);
  }
  // read with `utf8: false` (see `rawDecimals`): any other byte array is text, as hyparquet would decode it
  if (element.type === 'BYTE_ARRAY') return (v) => (v instanceof Uint8Array ? utf8.decode(v) : toJsonValue(v));
  return toJsonValue;
}

const utf8 = new TextDecoder();

function signedBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  const bits = BigInt(bytes.length * 8);
  return bytes.length > 0 && bytes[0] >= 128 ? value - (1n << bits) : value;
}

const TIME_UNITS = { MILLIS: 1000n, MICROS: 1_000_000n, NANOS: 1_000_000_000n } as const;

function timeUnit(element: SchemaElement): { perSecond: bigint; utc: boolean } | undefined {
  const logical = element.logical_type;
  if (logical?.type === 'TIME') return { perSecond: TIME_UNITS[logical.unit], utc: logical.isAdjustedToUTC };
  // The legacy converted types are, by the format's definition, adjusted to UTC.
  if (element.converted_type === 'TIME_MILLIS') return { perSecond: 1000n, utc: true };
  if (element.converted_type === 'TIME_MICROS') return { perSecond: 1_000_000n, utc: true };
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
