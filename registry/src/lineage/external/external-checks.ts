import { CONSUMER_KINDS, isConsumerKind, KEBAB_CASE, listFields } from '@dmesh/sdk';
import semver from 'semver';
import { RequestError } from '../../common/registry-error.js';

const bad = (message: string, code: string, path: string, fix: string): RequestError =>
  new RequestError('BAD_REQUEST', message, [{ code, path, message, fix }]);

/** Domain and consumer name: kebab-case, like product names. */
export function checkConsumerName(domain: string, name: string): void {
  for (const [path, value] of [
    ['domain', domain],
    ['name', name],
  ] as const) {
    if (!KEBAB_CASE.test(value ?? ''))
      throw bad(`${path} "${value}" is not kebab-case`, 'BAD_CONSUMER_NAME', path, 'use e.g. finance and exec-kpis');
  }
}

/** The kind sent, else the existing consumer's, else an error: a new consumer says what it is. */
export function checkKind(kind: string | undefined, existing: string | undefined): string {
  const chosen = kind ?? existing;
  if (isConsumerKind(chosen)) return chosen;
  throw bad(
    kind === undefined ? 'a new consumer needs a kind' : `kind "${kind}" is not one of ${CONSUMER_KINDS.join(', ')}`,
    'BAD_CONSUMER_KIND',
    'kind',
    `pass one of ${CONSUMER_KINDS.join(', ')} (dmesh consume --kind dashboard)`,
  );
}

export function checkRange(range: string | undefined): string {
  if (typeof range === 'string' && range.trim() && semver.validRange(range)) return range.trim();
  throw bad(
    `versionRange "${range ?? ''}" is not a semver range`,
    'BAD_RANGE',
    'versionRange',
    'pin the versions you read, e.g. ^1.0.0 (dmesh consume sales.orders/orders@^1.0.0 …)',
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD, today or later; null: the registration does not lapse. */
export function checkExpires(expires: string | null | undefined, today: string): string | null {
  if (expires === undefined || expires === null || expires === '') return null;
  if (!DATE.test(expires) || Number.isNaN(Date.parse(expires)))
    throw bad(`expires "${expires}" is not a date`, 'BAD_EXPIRES', 'expires', 'pass YYYY-MM-DD, e.g. 2026-12-31');
  if (expires < today)
    throw bad(
      `expires ${expires} is in the past (today is ${today})`,
      'BAD_EXPIRES',
      'expires',
      'pass a date from today on, or leave it out',
    );
  return expires;
}

/** Every field read must be a field of the port's contract, as a lineage mapping must. */
export function checkFields(fields: unknown, schema: unknown, port: string, version: string): string[] {
  if (fields !== undefined && (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string' || !f)))
    throw bad('fields must be a list of field names', 'BAD_FIELDS', 'fields', 'send e.g. ["order_id", "total_amount"]');
  const wanted = [...new Set((fields as string[] | undefined) ?? [])].sort();
  const known = new Set(listFields(schema).map((f) => f.path));
  const unknown = wanted.filter((f) => !known.has(f));
  if (unknown.length)
    throw new RequestError(
      'BAD_REQUEST',
      `${port}@${version} has no field ${unknown.join(', ')}`,
      unknown.map((f) => ({
        code: 'UNKNOWN_FIELD',
        path: 'fields',
        message: `${port}@${version} has no field ${f}`,
        fix: `read fields it has: ${[...known].slice(0, 20).join(', ')}`,
      })),
    );
  return wanted;
}
