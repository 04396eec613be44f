import type { EntityManager } from 'typeorm';
import { majorLineKey as lineKey, type LineConsumer, type MajorLineKey } from '../products.types.js';

/**
 * Products whose latest version reads a product and resolved it to a version of
 * the given major when it was published: the consumers still on each major line.
 * One query for any number of lines (lifecycle, REST views, GraphQL loaders).
 */
export async function consumersOfMajorLines(
  manager: EntityManager,
  lines: readonly MajorLineKey[],
): Promise<Map<string, LineConsumer[]>> {
  const out = new Map<string, LineConsumer[]>(lines.map((l) => [lineKey(l.productId, l.major), []]));
  if (!lines.length) return out;
  const rows: {
    upstream: string;
    major: number;
    product_id: string;
    upstream_port: string;
    version_range: string;
    resolved_version: string | null;
    owner_team: string;
    owner_email: string;
  }[] = await manager.query(
    `SELECT d.upstream_product_id AS upstream, split_part(d.resolved_version, '.', 1)::int AS major,
            d.product_id, d.upstream_port, d.version_range, d.resolved_version, p.owner_team, p.owner_email
       FROM input_dependencies d
       JOIN products p ON p.id = d.product_id
       JOIN product_versions v ON v.id = d.version_id AND v.version = p.latest_version
      WHERE (d.upstream_product_id, split_part(d.resolved_version, '.', 1)::int) IN (SELECT * FROM unnest($1::text[], $2::int[]))
      ORDER BY d.product_id, d.upstream_port`,
    [lines.map((l) => l.productId), lines.map((l) => l.major)],
  );
  for (const r of rows) {
    out.get(lineKey(r.upstream, r.major))?.push({
      product: r.product_id,
      port: r.upstream_port,
      range: r.version_range,
      resolved: r.resolved_version,
      owner: { team: r.owner_team, email: r.owner_email },
    });
  }
  return out;
}
