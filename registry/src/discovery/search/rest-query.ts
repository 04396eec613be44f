import type { ArgumentMetadata } from '@nestjs/common';
import { badParam, BoolParam, EnumParam, IntParam, TextParam } from '../../common/http/query-pipes.js';
import { MAX_PAGE_SIZE } from '../../common/pagination.js';
import type { FieldFilter } from '../operations/field-search.js';
import { SEARCH_SORTS, type SearchSort } from './search-cursor.js';
import type { LifecycleStatus, SearchFilter, SlaStatusName } from './search-request.js';
import { MAX_QUERY_LENGTH, parseSearchText } from './search-text.js';

/** A query-string parameter as Fastify gives it (the URL guard has refused repeated ones). */
export type QueryValue = string | string[] | undefined;

export const ALLOWED = {
  classification: ['public', 'internal', 'confidential', 'restricted'],
  status: ['active', 'deprecated', 'retired'] as LifecycleStatus[],
  tier: ['bronze', 'silver', 'gold'],
  slaStatus: ['met', 'at_risk', 'breached', 'unknown'] as SlaStatusName[],
};

/** Longest list parameter (comma-separated values) and each value in it, cursor, field name. */
export const REST_LENGTHS = { list: 1000, listValue: 200, cursor: 1000, field: MAX_QUERY_LENGTH };

/** Runs one of the strict parameter pipes (common/http/query-pipes.ts) on a parameter of a `@Query()` record. */
const strict = <T>(pipe: { transform(v: unknown, m: ArgumentMetadata): T | undefined }, name: string, v: QueryValue) =>
  pipe.transform(v, { type: 'query', data: name });

/** ?q: the strict checks of every parameter, then the limits GraphQL's `query` has, with the same codes. */
class SearchTextParam extends TextParam {
  constructor() {
    super(Number.MAX_SAFE_INTEGER);
  }

  protected override parse(value: string, name: string): string {
    parseSearchText(value, name);
    return super.parse(value, name);
  }
}

/** Comma-separated values (?tag=a,b): any of them matches; each one of `allowed` when given. */
class ListParam<T extends string> extends TextParam {
  constructor(private readonly allowed?: readonly T[]) {
    super(REST_LENGTHS.list);
  }

  protected override parse(value: string, name: string): string {
    const list = super
      .parse(value, name)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (!list.length) throw badParam(name, `${name} has no value between its commas`, `give ${name} a value`);
    const long = list.find((v) => v.length > REST_LENGTHS.listValue);
    if (long)
      throw badParam(
        name,
        `a ${name} value is ${long.length} characters; at most ${REST_LENGTHS.listValue}`,
        `give ${name} a name (domains, tags and teams are short)`,
      );
    const each = this.allowed && new EnumParam(this.allowed);
    if (each) for (const v of list) each.transform(v, { type: 'query', data: name });
    return list.join(',');
  }
}

const list = <T extends string>(name: string, v: QueryValue, allowed?: readonly T[]) =>
  strict(new ListParam(allowed), name, v)?.split(',') as T[] | undefined;

export const restText = (v: QueryValue) => strict(new SearchTextParam(), 'q', v);
/** ?q of a field search: its length is checked by the service, as GraphQL's `fields(query)`. */
export const restFieldText = (v: QueryValue) => strict(new TextParam(Number.MAX_SAFE_INTEGER), 'q', v) ?? '';
export const restCursor = (v: QueryValue) => strict(new TextParam(REST_LENGTHS.cursor), 'after', v);
export const restFirst = (v: QueryValue) => strict(new IntParam(1, MAX_PAGE_SIZE), 'first', v);
export const restSort = (v: QueryValue): SearchSort | undefined => strict(new EnumParam(SEARCH_SORTS), 'sort', v);
export const restBool = (name: string, v: QueryValue) => strict(new BoolParam(), name, v);

/** GET /v1/products filters: the GraphQL SearchFilter with lowercase values. */
export function restSearchFilter(q: Record<string, QueryValue>): SearchFilter {
  const filter: SearchFilter = {
    domain: list('domain', q.domain),
    tag: list('tag', q.tag),
    owner: list('owner', q.owner),
    classification: list('classification', q.classification, ALLOWED.classification),
    status: list('status', q.status, ALLOWED.status),
    tier: list('tier', q.tier, ALLOWED.tier),
    slaStatus: list('slaStatus', q.slaStatus, ALLOWED.slaStatus),
    field: strict(new TextParam(REST_LENGTHS.field), 'field', q.field),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as SearchFilter;
}

/** GET /v1/fields filters. */
export function restFieldFilter(q: Record<string, QueryValue>): FieldFilter {
  const filter: FieldFilter = {
    domain: list('domain', q.domain),
    classification: list('classification', q.classification),
    type: list('type', q.type),
    required: restBool('required', q.required),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as FieldFilter;
}
