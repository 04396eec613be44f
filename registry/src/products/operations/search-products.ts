import type { EntityManager } from 'typeorm';
import { decodeCursor } from '../../common/pagination.js';
import { RequestError } from '../../common/registry-error.js';
import { productCursor, type SearchFilter, type SearchPage, type SlaStatusLookup } from '../products.types.js';
import { toProduct, type ProductRow } from './rows.js';

/**
 * Simple matching (every word of the query appears in the product's search
 * text: id, title, description, tags, port and field names and descriptions),
 * filters, and keyset pagination ordered by id. Ranked search comes later.
 */
export async function searchProducts(
  manager: EntityManager,
  filter: SearchFilter,
  first: number,
  after?: string,
  slaLookup?: SlaStatusLookup,
): Promise<SearchPage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  for (const word of (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    add(`p.search_text LIKE ?`, `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (filter.domain) add('p.domain = ?', filter.domain);
  if (filter.tag) add('p.tags @> ARRAY[?]::text[]', filter.tag);
  if (filter.field) {
    add(
      `EXISTS (SELECT 1 FROM product_versions v JOIN output_ports o ON o.version_id = v.id JOIN port_fields f ON f.port_id = o.id
                 WHERE v.product_id = p.id AND v.version = p.latest_version
                   AND (lower(f.path) = lower(?) OR lower(f.path) LIKE '%.' || lower($${params.length + 1})))`,
      filter.field,
    ); // both placeholders are the same parameter
  }
  if (filter.slaStatus) {
    if (!slaLookup)
      throw new RequestError('BAD_REQUEST', 'this registry cannot filter on SLA status', [
        { code: 'SLA_UNAVAILABLE', message: 'no SLA module', fix: 'search without slaStatus' },
      ]);
    add('p.id = ANY(?)', [...(await slaLookup(filter.slaStatus))]);
  }
  const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM products p ${base}`, params);
  const pageWhere = after ? `${base ? `${base} AND` : 'WHERE'} p.id > $${params.length + 1}` : base;
  const pageParams = after ? [...params, decodeCursor('product', after)] : params;
  const rows: ProductRow[] = await manager.query(
    `SELECT p.* FROM products p ${pageWhere} ORDER BY p.id LIMIT ${first + 1}`,
    pageParams,
  );
  const nodes = rows.slice(0, first).map(toProduct);
  return {
    nodes,
    totalCount: count,
    hasNextPage: rows.length > first,
    ...(nodes.length && { endCursor: productCursor(nodes.at(-1)!.id) }),
  };
}
