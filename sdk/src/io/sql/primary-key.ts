import { SqlEngineError } from './engine.js';

/**
 * The contract's `x-primary-key` fields (top-level properties marked
 * `"x-primary-key": true`, in property order): what names a PostgreSQL row in
 * reports and dead letters, and orders them. Required for PostgreSQL ports.
 */
export function primaryKeyOf(contract: unknown, required: boolean, label: string): string[] {
  const props = (contract as { properties?: Record<string, unknown> } | null)?.properties ?? {};
  const key = Object.entries(props)
    .filter(([, s]) => typeof s === 'object' && s !== null && (s as Record<string, unknown>)['x-primary-key'] === true)
    .map(([name]) => name);
  if (required && key.length === 0)
    throw new SqlEngineError(
      `${label}: the contract names no primary key; mark the key field(s) with "x-primary-key": true so rows can be named and ordered`,
    );
  return key;
}
