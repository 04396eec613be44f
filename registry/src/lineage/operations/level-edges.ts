import type { EntityManager } from 'typeorm';

/** [upstream product, upstream port, consuming product, range, resolved version]. */
export type InputEdge = [string, string, string, string, string | null];

// One JSON text per level instead of thousands of rows: the driver's per-row,
// per-field work is most of a wide level's cost, JSON.parse of one string is not.
const LEVEL = (where: string, order: string) => `
  SELECT coalesce(json_agg(json_build_array(upstream_product_id, upstream_port, product_id, version_range, resolved_version) ORDER BY ${order}), '[]')::text AS edges
    FROM lineage_current_inputs WHERE ${where} = ANY($1::text[])`;
const DOWN = LEVEL('upstream_product_id', 'upstream_product_id, upstream_port, product_id');
const UP = LEVEL('product_id', 'product_id, upstream_product_id, upstream_port');

/**
 * One level of a breadth-first walk: every current input edge leaving (downstream)
 * or entering (upstream) the frontier, in a stable order so truncation is deterministic.
 * Index-only over lineage_current_inputs; no path tracking in SQL.
 */
export async function downstreamEdges(manager: EntityManager, frontier: string[]): Promise<InputEdge[]> {
  const [row] = await manager.query(DOWN, [frontier]);
  return JSON.parse(row.edges) as InputEdge[];
}

export async function upstreamEdges(manager: EntityManager, frontier: string[]): Promise<InputEdge[]> {
  const [row] = await manager.query(UP, [frontier]);
  return JSON.parse(row.edges) as InputEdge[];
}

export const LEVEL_SQL = { downstream: DOWN, upstream: UP };

/** Below this many frontier products one statement is quicker than two. */
const SPLIT_AT = 64;

/**
 * A wide level as two statements on two pooled connections, over the two
 * halves of the sorted frontier: PostgreSQL runs them on two cores. Each half
 * comes back ordered by its frontier column, so the halves concatenated keep
 * the single statement's order (and truncation stays deterministic).
 */
export async function levelEdges(manager: EntityManager, frontier: string[], direction: 'downstream' | 'upstream'): Promise<InputEdge[]> {
  const read = direction === 'downstream' ? downstreamEdges : upstreamEdges;
  if (frontier.length < SPLIT_AT || manager.queryRunner) return read(manager, frontier);
  const sorted = [...frontier].sort();
  const half = sorted.length >> 1;
  const [low, high] = await Promise.all([read(manager, sorted.slice(0, half)), read(manager, sorted.slice(half))]);
  return low.concat(high);
}
