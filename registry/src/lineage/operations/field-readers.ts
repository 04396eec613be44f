import type { EntityManager } from 'typeorm';

export interface FieldReaderRow {
  upstream_product_id: string;
  upstream_port: string;
  upstream_field: string;
  product_id: string;
  port: string;
  field: string;
}

/**
 * Output fields derived from the given upstream fields. A field matches itself,
 * its nested fields and its parents (removing `address` breaks readers of
 * `address.city`; changing `address.city` breaks readers of `address`); `*` matches every field of the port.
 */
export function fieldReaders(
  manager: EntityManager,
  refs: { product: string; port: string; field: string }[],
): Promise<FieldReaderRow[]> {
  return manager.query(
    `SELECT DISTINCT f.upstream_product_id, f.upstream_port, f.upstream_field, f.product_id, f.port, f.field
       FROM unnest($1::text[], $2::text[], $3::text[]) AS q(product, port, field)
       JOIN lineage_current_fields f ON f.upstream_product_id = q.product AND f.upstream_port = q.port
      WHERE q.field = '*' OR f.upstream_field = q.field
         OR left(f.upstream_field, length(q.field) + 1) = q.field || '.'
         OR left(q.field, length(f.upstream_field) + 1) = f.upstream_field || '.'
      ORDER BY f.product_id, f.port, f.field`,
    [refs.map((r) => r.product), refs.map((r) => r.port), refs.map((r) => r.field)],
  );
}
