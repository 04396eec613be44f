import { RequestError } from '../../common/registry-error.js';
import type { FieldFilter } from '../operations/field-search.js';
import { SEARCH_SORTS, type SearchSort } from './search-cursor.js';
import type { LifecycleStatus, SearchFilter, SlaStatusName } from './search-request.js';

/** A query-string parameter as Fastify gives it: absent, once, or repeated. */
export type QueryValue = string | string[] | undefined;

const ALLOWED = {
  classification: ['public', 'internal', 'confidential', 'restricted'],
  status: ['active', 'deprecated', 'retired'] as LifecycleStatus[],
  tier: ['bronze', 'silver', 'gold'],
  slaStatus: ['met', 'at_risk', 'breached', 'unknown'] as SlaStatusName[],
};

/** Repeated (?tag=a&tag=b) or comma-separated (?tag=a,b) values; undefined when absent. */
export function listParam(value: QueryValue): string[] | undefined {
  if (value === undefined) return undefined;
  const list = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim());
  const values = list.filter(Boolean);
  return values.length ? values : undefined;
}

function oneOf<T extends string>(name: string, value: QueryValue, allowed: readonly T[]): T[] | undefined {
  const list = listParam(value);
  const bad = list?.find((v) => !allowed.includes(v as T));
  if (bad !== undefined)
    throw new RequestError('BAD_REQUEST', `?${name}=${bad} is not one of ${allowed.join(', ')}`, [
      { code: 'BAD_PARAMETER', path: name, message: `unknown ${name}`, fix: `use one of: ${allowed.join(', ')}` },
    ]);
  return list as T[] | undefined;
}

/** One value at most (a text, a cursor). */
export function singleParam(name: string, value: QueryValue): string | undefined {
  if (!Array.isArray(value)) return value;
  throw new RequestError('BAD_REQUEST', `?${name} is given ${value.length} times; give it once`, [
    { code: 'BAD_PARAMETER', path: name, message: 'repeated', fix: `pass ?${name}= once` },
  ]);
}

/** GET /v1/products filters: the GraphQL SearchFilter with lowercase values. */
export function restSearchFilter(q: Record<string, QueryValue>): SearchFilter {
  const filter: SearchFilter = {
    domain: listParam(q.domain),
    tag: listParam(q.tag),
    owner: listParam(q.owner),
    classification: oneOf('classification', q.classification, ALLOWED.classification),
    status: oneOf('status', q.status, ALLOWED.status),
    tier: oneOf('tier', q.tier, ALLOWED.tier),
    slaStatus: oneOf('slaStatus', q.slaStatus, ALLOWED.slaStatus),
    field: singleParam('field', q.field),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as SearchFilter;
}

export function restSort(value: QueryValue): SearchSort | undefined {
  return oneOf('sort', value, SEARCH_SORTS)?.[0];
}

/** A positive page size (the service checks the upper bound). */
export function restFirst(value: QueryValue): number | undefined {
  const text = singleParam('first', value);
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text))
    throw new RequestError('BAD_REQUEST', `?first=${text} is not a whole number`, [
      { code: 'BAD_PARAMETER', path: 'first', message: 'not a number', fix: 'pass 1 to 100' },
    ]);
  return Number(text);
}

export function restFieldFilter(q: Record<string, QueryValue>): FieldFilter {
  const required = singleParam('required', q.required);
  if (required !== undefined && required !== 'true' && required !== 'false')
    throw new RequestError('BAD_REQUEST', `?required=${required} is not true or false`);
  return {
    ...(listParam(q.domain) && { domain: listParam(q.domain) }),
    ...(listParam(q.classification) && { classification: listParam(q.classification) }),
    ...(listParam(q.type) && { type: listParam(q.type) }),
    ...(required !== undefined && { required: required === 'true' }),
  };
}
