/** A dbt column (manifest v12 `nodes.*.columns.*`). */
export interface DbtColumn {
  name: string;
  description?: string;
  data_type?: string | null;
  constraints?: { type: string }[];
  meta?: Record<string, unknown>;
}

/**
 * A warehouse data type as JSON Schema: text types are strings (uuid, date
 * and timestamps with their format), integer and decimal types numbers,
 * json/variant any value, arrays arrays. An unknown or missing type allows
 * any value (and is said in the import notes).
 */
export function schemaOfDataType(dataType: string | null | undefined): Record<string, unknown> | undefined {
  const t = (dataType ?? '').trim().toLowerCase();
  if (!t) return undefined;
  if (t.endsWith('[]') || t.startsWith('array')) return { type: 'array' };
  if (t === 'uuid') return { type: 'string', format: 'uuid' };
  if (t === 'date') return { type: 'string', format: 'date' };
  if (/^(timestamp|datetime)/.test(t)) return { type: 'string', format: 'date-time' };
  if (/^time\b/.test(t)) return { type: 'string', format: 'time' };
  if (/^(bool|boolean)$/.test(t)) return { type: 'boolean' };
  if (/^(smallint|integer|int|int2|int4|int8|bigint|tinyint|serial|bigserial|int64|long|byteint)$/.test(t))
    return { type: 'integer' };
  if (/^(numeric|decimal|number|real|float|float4|float8|float64|double|double precision|bignumeric)/.test(t))
    return { type: 'number' };
  const chars = /^(?:varchar|character varying|char|character|nvarchar|string|text)\s*(?:\((\d+)\))?$/.exec(t);
  if (chars) return { type: 'string', ...(chars[1] && { maxLength: Number(chars[1]) }) };
  if (/^(json|jsonb|variant|object|struct|super)/.test(t)) return {};
  return undefined;
}
