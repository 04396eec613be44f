import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { MAX_PAGE_SIZE } from '../../common/pagination.js';
import { ALLOWED, REST_LENGTHS } from '../search/rest-query.js';
import { SEARCH_SORTS } from '../search/search-cursor.js';
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from '../search/search-text.js';

const LIST = 'Separate values with commas; any value matches. (A parameter is given once.)';
const text = (maxLength: number) => ({ type: 'string' as const, minLength: 1, maxLength });
const listOf = (values?: readonly string[]) => ({
  type: 'string' as const,
  minLength: 1,
  maxLength: REST_LENGTHS.list,
  ...(values && { pattern: `^(${values.join('|')})(,(${values.join('|')}))*$` }),
});
const first = { type: 'integer' as const, minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 };
const after = { name: 'after', required: false, description: 'nextCursor of the previous page.' };

/** The query parameters of GET /v1/products, with the limits rest-query.ts enforces. */
export const ApiSearchParams = () =>
  applyDecorators(
    ApiQuery({
      name: 'q',
      required: false,
      description: `Words (≤ ${MAX_QUERY_LENGTH} characters, ≤ ${MAX_QUERY_TERMS} words); all must match, the last also as a prefix. Over a limit: 400 with detail QUERY_TOO_LONG or QUERY_TOO_MANY_TERMS.`,
      schema: text(MAX_QUERY_LENGTH),
    }),
    ApiQuery({ name: 'domain', required: false, description: LIST, schema: listOf() }),
    ApiQuery({ name: 'tag', required: false, description: LIST, schema: listOf() }),
    ApiQuery({ name: 'owner', required: false, description: `Owner teams. ${LIST}`, schema: listOf() }),
    ApiQuery({ name: 'classification', required: false, description: LIST, schema: listOf(ALLOWED.classification) }),
    ApiQuery({ name: 'status', required: false, description: LIST, schema: listOf(ALLOWED.status) }),
    ApiQuery({ name: 'tier', required: false, description: LIST, schema: listOf(ALLOWED.tier) }),
    ApiQuery({ name: 'slaStatus', required: false, description: `Now. ${LIST}`, schema: listOf(ALLOWED.slaStatus) }),
    ApiQuery({
      name: 'field',
      required: false,
      description: 'A contract field name or path, e.g. customer_id.',
      schema: text(REST_LENGTHS.field),
    }),
    ApiQuery({ name: 'sort', required: false, schema: { type: 'string', enum: [...SEARCH_SORTS] } }),
    ApiQuery({ name: 'facets', required: false, description: 'true: add counts per facet value.', type: Boolean }),
    ApiQuery({ name: 'first', required: false, schema: first }),
    ApiQuery({ ...after, schema: text(REST_LENGTHS.cursor) }),
  );

/** The query parameters of GET /v1/fields. */
export const ApiFieldParams = () =>
  applyDecorators(
    ApiQuery({
      name: 'q',
      required: true,
      description: `A field name, path or description words (≤ ${MAX_QUERY_LENGTH} characters).`,
      schema: text(MAX_QUERY_LENGTH),
    }),
    ApiQuery({ name: 'domain', required: false, description: LIST, schema: listOf() }),
    ApiQuery({
      name: 'classification',
      required: false,
      description: `x-classification, e.g. pii. ${LIST}`,
      schema: listOf(),
    }),
    ApiQuery({ name: 'type', required: false, description: `JSON type. ${LIST}`, schema: listOf() }),
    ApiQuery({ name: 'required', required: false, type: Boolean }),
    ApiQuery({ name: 'first', required: false, schema: first }),
    ApiQuery({ ...after, schema: text(REST_LENGTHS.cursor) }),
  );
