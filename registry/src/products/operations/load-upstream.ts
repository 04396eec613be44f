import type { EntityManager } from 'typeorm';

export interface UpstreamVersion {
  version: string;
  lineState: 'active' | 'deprecated' | 'retired';
  sunset?: string;
  classification: string;
  ports: { name: string; schema: unknown; sla?: { freshness?: string; availability?: number; completeness?: number } }[];
}

/** Every version of an upstream product with its major line's state, classification and ports (one query). */
export async function loadUpstreamFacts(manager: EntityManager, productId: string): Promise<{ versions: UpstreamVersion[] }> {
  const rows: { version: string; state: string | null; sunset: string | null; classification: string; ports: UpstreamVersion['ports'] | null }[] = await manager.query(
    `SELECT v.version, m.state, to_char(m.sunset, 'YYYY-MM-DD') AS sunset,
            coalesce(v.descriptor->'metadata'->>'classification', 'internal') AS classification,
            (SELECT json_agg(json_build_object('name', p.name, 'schema', c.schema, 'sla', p.sla))
               FROM output_ports p JOIN contracts c ON c.hash = p.contract_hash WHERE p.version_id = v.id) AS ports
       FROM product_versions v
       LEFT JOIN major_lines m ON m.product_id = v.product_id AND m.major = v.major
      WHERE v.product_id = $1`,
    [productId],
  );
  return {
    versions: rows.map((r) => ({
      version: r.version,
      lineState: (r.state ?? 'active') as UpstreamVersion['lineState'],
      ...(r.sunset && { sunset: r.sunset }),
      classification: r.classification,
      ports: (r.ports ?? []).map((p) => ({ ...p, ...(p.sla === null && { sla: undefined }) })),
    })),
  };
}
