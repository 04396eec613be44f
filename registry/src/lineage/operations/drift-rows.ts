import type { EntityManager } from 'typeorm';

export interface DeclaredInputRow {
  product_id: string;
  upstream_product_id: string;
  upstream_port: string;
}
export interface ObservedInputRow {
  output_product_id: string;
  input_key: string;
  input_product_id: string | null;
  input_port: string | null;
  jobs: string[];
  last_seen: Date;
  runs: number;
}

/** Declared (current) inputs of the given products, or of every product that has observed lineage when `products` is null. */
export function declaredInputs(manager: EntityManager, products: string[] | null): Promise<DeclaredInputRow[]> {
  return manager.query(
    `SELECT DISTINCT product_id, upstream_product_id, upstream_port FROM lineage_current_inputs
      WHERE ($1::text[] IS NULL AND product_id IN (SELECT output_product_id FROM lineage_observed_edges)) OR product_id = ANY($1::text[])
      ORDER BY product_id, upstream_product_id, upstream_port`,
    [products],
  );
}

/** Observed inputs (per input dataset) of the given products' output ports. */
export function observedInputs(manager: EntityManager, products: string[] | null): Promise<ObservedInputRow[]> {
  return manager.query(
    `SELECT output_product_id, input_key, input_product_id, input_port,
            array_agg(DISTINCT job_namespace || '/' || job_name) AS jobs, max(last_seen) AS last_seen, sum(runs)::int AS runs
       FROM lineage_observed_edges
      WHERE output_product_id IS NOT NULL AND ($1::text[] IS NULL OR output_product_id = ANY($1::text[]))
      GROUP BY output_product_id, input_key, input_product_id, input_port
      ORDER BY output_product_id, input_key`,
    [products],
  );
}
