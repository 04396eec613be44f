import { SLA_BITS } from '../index/sla-masks.js';
import type { SearchFilter } from '../search/search-request.js';
import { escapeLike, tsQueryText, type SearchText } from '../search/search-text.js';

/** Positional parameters of one statement. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The SLA statuses of a product's latest ports at the request's time, as a bit mask (SLA_BITS). */
export const slaMaskAt = (now: string) => `p.sla_masks[width_bucket(${now}::timestamptz, p.sla_at)]`;

/**
 * The ranking's time-dependent part: met SLAs lift a product, a risk or a
 * breach lowers it, unknown (no observations) leaves it as it is.
 */
export const slaFactor = (mask: string) =>
  `(CASE WHEN ${mask} & 4 <> 0 THEN 0.75 WHEN ${mask} & 2 <> 0 THEN 0.9 WHEN ${mask} & 1 <> 0 THEN 1.15 ELSE 1 END)`;

/** The tsquery of a text (every word; or any word), as a parameter PostgreSQL parses once per statement. */
export const tsQuery = (params: Params, text: SearchText, join: '&' | '|' = '&') =>
  `to_tsquery('english', ${params.add(tsQueryText(text, join))}::text)`;

/**
 * The same, for the match vectors, which have no positions: the parts of a
 * word PostgreSQL splits (customer_id) must all be there, in any order.
 */
export const matchQuery = (params: Params, text: SearchText) =>
  `replace(${tsQuery(params, text)}::text, '<->', '&')::tsquery`;

/**
 * What search_products rows (alias p) must satisfy: the text's words and each
 * filter. Shared by the page, its count and its facets, so they always agree.
 * `now` gives the parameter of the request's time (added only if a condition needs it).
 */
export function searchConditions(
  params: Params,
  text: SearchText | undefined,
  filter: SearchFilter,
  now: () => string,
): string[] {
  const where: string[] = [];
  if (text) where.push(`p.match @@ ${matchQuery(params, text)}`);
  const anyOf = (column: string, values: string[] | undefined) => {
    if (values?.length) where.push(`${column} = ANY(${params.add(values)}::text[])`);
  };
  anyOf('p.domain', filter.domain);
  anyOf('p.owner_team', filter.owner);
  anyOf('p.classification', filter.classification);
  anyOf('p.status', filter.status);
  anyOf('p.tier', filter.tier);
  if (filter.tag?.length) where.push(`p.tags && ${params.add(filter.tag)}::text[]`);
  if (filter.slaStatus?.length) {
    const bits = filter.slaStatus.reduce((m, s) => m | SLA_BITS[s], 0);
    where.push(`(${slaMaskAt(now())} & ${params.add(bits)}::int) <> 0`);
  }
  if (filter.field) where.push(hasField(params, filter.field));
  return where;
}

/**
 * A latest-version port has the field: its path, or a path ending in
 * `.<field>`; LIKE wildcards typed are literal. A semi-join: the field's rows
 * (by the b-tree on the last segment) are read once, not probed per product.
 */
function hasField(params: Params, field: string): string {
  const path = field.toLowerCase();
  const last = params.add(path.slice(path.lastIndexOf('.') + 1));
  return `p.product_id IN (SELECT f.product_id FROM search_fields f WHERE f.name = ${last}
            AND (f.lpath = ${params.add(path)} OR f.lpath LIKE ${params.add(`%.${escapeLike(path)}`)} ESCAPE '\\'))`;
}

export const whereClause = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
