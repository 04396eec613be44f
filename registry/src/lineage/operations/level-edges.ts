import type { EntityManager } from 'typeorm';

export interface InputEdgeRow {
  upstream_product_id: string;
  upstream_port: string;
  product_id: string;
  version_range: string;
  resolved_version: string | null;
}

const COLUMNS = 'upstream_product_id, upstream_port, product_id, version_range, resolved_version';

/**
 * One level of a breadth-first walk: every current input edge leaving (downstream)
 * or entering (upstream) the frontier, in a stable order so truncation is deterministic.
 * Index-only over lineage_current_inputs; no path tracking in SQL.
 */
export function downstreamEdges(manager: EntityManager, frontier: string[]): Promise<InputEdgeRow[]> {
  return manager.query(`SELECT ${COLUMNS} FROM lineage_current_inputs WHERE upstream_product_id = ANY($1::text[]) ORDER BY upstream_product_id, upstream_port, product_id`, [frontier]);
}

export function upstreamEdges(manager: EntityManager, frontier: string[]): Promise<InputEdgeRow[]> {
  return manager.query(`SELECT ${COLUMNS} FROM lineage_current_inputs WHERE product_id = ANY($1::text[]) ORDER BY product_id, upstream_product_id, upstream_port`, [frontier]);
}
