import type { EntityManager } from 'typeorm';

/** [upstream product, upstream port, consuming product, range, resolved version]. */
export type InputEdge = [string, string, string, string, string | null];

// A level comes back as one text of tab-separated lines, not as rows: the
// driver's per-row, per-field work is most of a wide level's cost, and
// json_build_array resolves its argument types on every row (2,000 edges:
// 2.4 ms as JSON, 1.6 ms as text). Ids, port names and resolved versions are
// schema-bound to patterns without whitespace; the free-form range is the
// last field, JSON-encoded (so it holds no tab or newline either).
// The ORDER BY is the walk indexes' key order: the scan needs no sort.
const LEVEL = (where: string, order: string) => `
  SELECT coalesce(string_agg(upstream_product_id || E'\\t' || upstream_port || E'\\t' || product_id || E'\\t' || coalesce(resolved_version, '') || E'\\t' || to_json(version_range)::text, E'\\n' ORDER BY ${order}), '') AS edges
    FROM lineage_current_inputs WHERE ${where} = ANY($1::text[])`;
const DOWN = LEVEL('upstream_product_id', 'upstream_product_id, upstream_port, product_id, major');
const UP = LEVEL('product_id', 'product_id, upstream_product_id, upstream_port, major');

/** Parses a level's text (see LEVEL) back into edges. */
export function parseLevel(text: string): InputEdge[] {
  if (!text) return [];
  const edges: InputEdge[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const a = text.indexOf('\t', start);
    const b = text.indexOf('\t', a + 1);
    const c = text.indexOf('\t', b + 1);
    const d = text.indexOf('\t', c + 1);
    const range = text.slice(d + 1, end);
    edges.push([
      text.slice(start, a),
      text.slice(a + 1, b),
      text.slice(b + 1, c),
      range.includes('\\') ? (JSON.parse(range) as string) : range.slice(1, -1),
      c + 1 === d ? null : text.slice(c + 1, d),
    ]);
    start = end + 1;
  }
  return edges;
}

/**
 * One level of a breadth-first walk: every current input edge leaving (downstream)
 * or entering (upstream) the frontier, in a stable order so truncation is deterministic.
 * Index-only over lineage_current_inputs; no path tracking in SQL.
 */
export async function downstreamEdges(manager: EntityManager, frontier: string[]): Promise<InputEdge[]> {
  const [row] = await manager.query(DOWN, [frontier]);
  return parseLevel(row.edges);
}

export async function upstreamEdges(manager: EntityManager, frontier: string[]): Promise<InputEdge[]> {
  const [row] = await manager.query(UP, [frontier]);
  return parseLevel(row.edges);
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
export async function levelEdges(
  manager: EntityManager,
  frontier: string[],
  direction: 'downstream' | 'upstream',
): Promise<InputEdge[]> {
  const read = direction === 'downstream' ? downstreamEdges : upstreamEdges;
  if (frontier.length < SPLIT_AT || manager.queryRunner) return read(manager, frontier);
  const sorted = [...frontier].sort();
  const half = sorted.length >> 1;
  const [low, high] = await Promise.all([read(manager, sorted.slice(0, half)), read(manager, sorted.slice(half))]);
  return low.concat(high);
}
