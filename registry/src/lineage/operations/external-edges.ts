import type { EntityManager } from 'typeorm';

export interface ExternalEdgeRow {
  input_key: string;
  input_product_id: string | null;
  input_port: string | null;
  output_key: string;
  output_product_id: string | null;
  output_port: string | null;
}

/**
 * Observed (OpenLineage) edges between the given products and datasets that
 * match no output port: external inputs they read and external outputs they write.
 */
export function externalEdges(
  manager: EntityManager,
  products: string[],
  direction: { upstream: boolean; downstream: boolean },
): Promise<ExternalEdgeRow[]> {
  return manager.query(
    `SELECT DISTINCT input_key, input_product_id, input_port, output_key, output_product_id, output_port
       FROM lineage_observed_edges
      WHERE ($2 AND output_product_id = ANY($1::text[]) AND input_product_id IS NULL)
         OR ($3 AND input_product_id = ANY($1::text[]) AND output_product_id IS NULL)
      ORDER BY input_key, output_key`,
    [products, direction.upstream, direction.downstream],
  );
}
