import { nullPolicy } from '../../core/quality/null-fields.js';
import type { CsvTyper } from './csv.js';

/**
 * CSV cells are text; the contract says what they mean. For a column whose
 * top-level contract property has `type` (or `enum`/`const` values of one type):
 * - `integer`/`number`: a numeric cell becomes a number;
 * - `boolean`: `true`/`false` (any case) become booleans;
 * - `object`/`array`: a cell starting with `{`/`[` is parsed as JSON;
 * - anything that does not convert stays text, so the contract reports it.
 * An empty unquoted cell is null; a quoted empty cell `""` is the empty string.
 * A null stays null where the contract allows null for the column, else the
 * field is absent (`nullPolicy`, decided once per column): `required` and
 * `not_null` see it. Columns the contract does not type stay strings. Header
 * names are taken literally (a dotted header `address.city` is a flat key,
 * which dotted rule fields also find).
 */
export function createCsvTyper(header: string[], schema: unknown): CsvTyper {
  const kinds = header.map((name) => columnTypes(schema, name));
  const allowsNull = nullPolicy(schema);
  const keepNull = header.map((name) => allowsNull([name]));
  return (cells, quoted) => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < header.length; i++) {
      const cell = cells[i];
      const types = kinds[i];
      if (cell === '' && !quoted[i]) {
        if (keepNull[i]) record[header[i]] = null;
        continue;
      }
      record[header[i]] = types ? convert(cell, types) : cell;
    }
    return record;
  };
}

const NUMERIC = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function convert(cell: string, types: Set<string>): unknown {
  if ((types.has('integer') || types.has('number')) && NUMERIC.test(cell.trim())) return Number(cell);
  if (types.has('boolean')) {
    const lower = cell.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  if ((types.has('object') || types.has('array')) && /^\s*[[{]/.test(cell)) {
    try {
      return JSON.parse(cell);
    } catch {
      return cell;
    }
  }
  return cell;
}

function columnTypes(schema: unknown, name: string): Set<string> | undefined {
  const props = (schema as { properties?: Record<string, unknown> } | null)?.properties;
  const prop =
    props && Object.prototype.hasOwnProperty.call(props, name) ? (props[name] as Record<string, unknown>) : undefined;
  if (!prop || typeof prop !== 'object') return undefined;
  if (typeof prop.type === 'string') return new Set([prop.type]);
  if (Array.isArray(prop.type)) return new Set(prop.type as string[]);
  const values = Array.isArray(prop.enum) ? prop.enum : 'const' in prop ? [prop.const] : undefined;
  if (!values) return undefined;
  return new Set(
    values.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v)),
  );
}
