import type { EntityManager } from 'typeorm';

export interface UpstreamVersion {
  version: string;
  lineState: 'active' | 'deprecated' | 'retired';
  sunset?: string;
  classification: string;
}

export interface UpstreamPort {
  name: string;
  contractHash: string;
  sla?: { freshness?: string; availability?: number; completeness?: number };
}

/** Every version of an upstream product with its major line's state and classification (no contracts). */
export async function loadUpstreamVersions(manager: EntityManager, productId: string): Promise<UpstreamVersion[]> {
  const rows: { version: string; state: string | null; sunset: string | null; classification: string }[] =
    await manager.query(
      `SELECT v.version, m.state, to_char(m.sunset, 'YYYY-MM-DD') AS sunset,
            coalesce(v.descriptor->'metadata'->>'classification', 'internal') AS classification
       FROM product_versions v
       LEFT JOIN major_lines m ON m.product_id = v.product_id AND m.major = v.major
      WHERE v.product_id = $1`,
      [productId],
    );
  return rows.map((r) => ({
    version: r.version,
    lineState: (r.state ?? 'active') as UpstreamVersion['lineState'],
    ...(r.sunset && { sunset: r.sunset }),
    classification: r.classification,
  }));
}

/** The output ports (contract hash and SLA) of the one version an input resolved to. */
export async function loadUpstreamPorts(
  manager: EntityManager,
  productId: string,
  version: string,
): Promise<UpstreamPort[]> {
  const rows: { name: string; contract_hash: string; sla: UpstreamPort['sla'] | null }[] = await manager.query(
    `SELECT p.name, p.contract_hash, p.sla FROM output_ports p
       JOIN product_versions v ON v.id = p.version_id
      WHERE v.product_id = $1 AND v.version = $2`,
    [productId, version],
  );
  return rows.map((r) => ({ name: r.name, contractHash: r.contract_hash, ...(r.sla && { sla: r.sla }) }));
}
