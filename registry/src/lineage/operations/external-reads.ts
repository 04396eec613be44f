import type { EntityManager } from 'typeorm';

/** One port an external consumer reads, with the consumer's columns (one row per read). */
export interface ExternalReadRow {
  domain: string;
  name: string;
  kind: string;
  description: string | null;
  owner_team: string;
  owner_email: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  upstream_product_id: string;
  upstream_port: string;
  version_range: string;
  fields: string[];
  /** YYYY-MM-DD, or null when the registration does not lapse. */
  expires: string | null;
}

const SELECT = `SELECT c.domain, c.name, c.kind, c.description, c.owner_team, c.owner_email, c.created_by, c.created_at,
            c.updated_at, r.upstream_product_id, r.upstream_port, r.version_range, r.fields,
            to_char(r.expires, 'YYYY-MM-DD') AS expires
       FROM lineage_external_consumers c
       LEFT JOIN lineage_external_reads r ON r.domain = c.domain AND r.name = c.name`;

/** The reads of several ports at once (consumers, impact, traversal), in a stable order. */
export function externalReadsOfPorts(
  manager: EntityManager,
  ports: readonly { product: string; port: string }[],
): Promise<ExternalReadRow[]> {
  if (!ports.length) return Promise.resolve([]);
  return manager.query(
    `${SELECT}
       JOIN unnest($1::text[], $2::text[]) AS q(product, port) ON r.upstream_product_id = q.product AND r.upstream_port = q.port
      ORDER BY r.upstream_product_id, r.upstream_port, c.domain, c.name`,
    [ports.map((p) => p.product), ports.map((p) => p.port)],
  );
}

/** Every read of any port of some products (a major line's retirement, the consumers in a lineage graph). */
export function externalReadsOfProducts(manager: EntityManager, productIds: string[]): Promise<ExternalReadRow[]> {
  if (!productIds.length) return Promise.resolve([]);
  return manager.query(
    `${SELECT} WHERE r.upstream_product_id = ANY($1) ORDER BY r.upstream_product_id, r.upstream_port, c.domain, c.name`,
    [productIds],
  );
}

/**
 * Consumers with their reads (a consumer whose last read was removed is gone
 * with it): of one domain, one consumer, or all.
 */
export function externalConsumerRows(
  manager: EntityManager,
  filter: { domain?: string; name?: string },
): Promise<ExternalReadRow[]> {
  return manager.query(
    `${SELECT}
      WHERE ($1::text IS NULL OR c.domain = $1) AND ($2::text IS NULL OR c.name = $2)
      ORDER BY c.domain, c.name, r.upstream_product_id, r.upstream_port`,
    [filter.domain ?? null, filter.name ?? null],
  );
}
