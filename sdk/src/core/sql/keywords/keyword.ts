import type { DecidedCheck, SqlDialect } from '../dialect.js';
import type { Field } from '../fields.js';

/** A keyword of a property's schema in SQL, or why the streaming engine judges it. */
export type KeywordResult = { sql: DecidedCheck } | { stream: string };

/** Translates one keyword of `schema` (the property's schema) for `field`. */
export type KeywordTranslator = (
  field: Field,
  value: unknown,
  d: SqlDialect,
  schema: Record<string, unknown>,
) => KeywordResult;

export function needs(member: string, field: Field): KeywordResult {
  if (field.view.missingReason) return { stream: field.view.missingReason };
  return { stream: `the ${field.view.nativeType} column ${field.name} has no SQL ${member} dmesh can trust` };
}
