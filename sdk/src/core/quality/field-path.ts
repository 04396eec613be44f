/** Dotted field paths (`address.city`) read from records; a literal dotted key (a flat CSV header) wins. */
const splitCache = new Map<string, string[]>();

/**
 * A reader for one field path, made once per rule: plain names (the common
 * case) skip the dotted walk; names that exist on Object.prototype
 * (`constructor`, …) always go through the own-property check.
 */
export function fieldGetter(path: string): (record: unknown) => unknown {
  if (path.includes('.') || path in Object.prototype) return (record) => getField(record, path);
  return (record) =>
    record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[path] : undefined;
}

export function getField(record: unknown, path: string): unknown {
  if (record === null || typeof record !== 'object') return undefined;
  const obj = record as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(obj, path)) return obj[path];
  let parts = splitCache.get(path);
  if (!parts) {
    parts = path.split('.');
    if (splitCache.size < 10_000) splitCache.set(path, parts);
  }
  let value: unknown = record;
  for (const part of parts) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const next = value as Record<string, unknown>;
    if (!Object.prototype.hasOwnProperty.call(next, part)) return undefined;
    value = next[part];
  }
  return value;
}

/** Absent and `null` are both "no value"; only `not_null` judges them, every other rule skips them. */
export function isMissing(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}
