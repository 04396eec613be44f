import type { LineageEdge, LineageNode } from '../api/types.js';

/**
 * A layered layout for lineage (the Sugiyama idea, kept small): each product
 * gets the column of its longest path from a source (so every edge points
 * right, even between products the walk found at the same hop), its ports and
 * fields sit in the column after it, and each column is ordered by the mean
 * position of its neighbours, swept both ways a few times to untangle edges.
 */
export interface Placed {
  node: LineageNode;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  placed: Map<string, Placed>;
  width: number;
  height: number;
}

const COLUMN = 250;
const WIDTH = 200;
const GAP = 10;
const HEIGHT: Record<LineageNode['kind'], number> = { PRODUCT: 46, PORT: 30, FIELD: 24, EXTERNAL: 34, CONSUMER: 34 };

/** The product a port or field belongs to; products, external datasets and consumers outside the mesh stand for themselves. */
const ownerOf = (n: LineageNode) => (n.kind === 'PORT' || n.kind === 'FIELD' ? (n.product ?? n.id) : n.id);

/** Longest-path layering of the owners (Kahn's order); owners on a cycle, which governance refuses, keep their hop. */
function ownerColumns(nodes: LineageNode[], edges: LineageEdge[]): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const next = new Map<string, Set<string>>();
  const indegree = new Map<string, number>(nodes.map((n) => [ownerOf(n), 0]));
  for (const e of edges) {
    const [a, b] = [byId.get(e.from), byId.get(e.to)];
    if (!a || !b || e.kind === 'FIELD' || ownerOf(a) === ownerOf(b)) continue;
    const targets = next.get(ownerOf(a)) ?? new Set<string>();
    if (targets.has(ownerOf(b))) continue;
    next.set(ownerOf(a), targets.add(ownerOf(b)));
    indegree.set(ownerOf(b), (indegree.get(ownerOf(b)) ?? 0) + 1);
  }
  const column = new Map<string, number>();
  const queue = [...indegree].filter(([, d]) => d === 0).map(([o]) => o);
  queue.forEach((o) => column.set(o, 0));
  for (let i = 0; i < queue.length; i++) {
    for (const b of next.get(queue[i]) ?? []) {
      column.set(b, Math.max(column.get(b) ?? 0, column.get(queue[i])! + 1));
      indegree.set(b, indegree.get(b)! - 1);
      if (indegree.get(b) === 0) queue.push(b);
    }
  }
  const minLevel = Math.min(...nodes.map((n) => n.level));
  for (const n of nodes) if (!column.has(ownerOf(n))) column.set(ownerOf(n), n.level - minLevel);
  return column;
}

/** Fields stay under their port: the group is the port (`product/port`), otherwise the node itself. */
const groupOf = (n: LineageNode) => (n.kind === 'FIELD' ? `${n.product}/${n.port}` : n.id);

function neighbours(edges: LineageEdge[]) {
  const preds = new Map<string, string[]>();
  const succs = new Map<string, string[]>();
  for (const e of edges) {
    preds.set(e.to, [...(preds.get(e.to) ?? []), e.from]);
    succs.set(e.from, [...(succs.get(e.from) ?? []), e.to]);
  }
  return { preds, succs };
}

function orderColumn(column: LineageNode[], pos: Map<string, number>, adjacent: Map<string, string[]>) {
  const bary = (id: string) => {
    const near = (adjacent.get(id) ?? []).map((n) => pos.get(n)).filter((p): p is number => p !== undefined);
    return near.length ? near.reduce((a, b) => a + b, 0) / near.length : (pos.get(id) ?? 0);
  };
  const groups = new Map<string, LineageNode[]>();
  for (const n of column) groups.set(groupOf(n), [...(groups.get(groupOf(n)) ?? []), n]);
  const groupBary = (members: LineageNode[]) => members.reduce((a, n) => a + bary(n.id), 0) / members.length;
  const sorted = [...groups.values()].sort((a, b) => groupBary(a) - groupBary(b));
  const out = sorted.flatMap((members) =>
    members.sort((a, b) => (a.kind === 'PORT' ? -1 : b.kind === 'PORT' ? 1 : bary(a.id) - bary(b.id))),
  );
  out.forEach((n, i) => pos.set(n.id, i));
  return out;
}

export function layoutGraph(nodes: LineageNode[], edges: LineageEdge[]): Layout {
  const owners = ownerColumns(nodes, edges);
  const rankOf = (n: LineageNode) => owners.get(ownerOf(n))! * 2 + (n.kind === 'PORT' || n.kind === 'FIELD' ? 1 : 0);
  const ranks = [...new Set(nodes.map(rankOf))].sort((a, b) => a - b);
  const columns = ranks.map((r) =>
    nodes
      .filter((n) => rankOf(n) === r)
      .sort((a, b) => groupOf(a).localeCompare(groupOf(b)) || a.id.localeCompare(b.id)),
  );
  const pos = new Map<string, number>();
  columns.forEach((c) => c.forEach((n, i) => pos.set(n.id, i)));
  const { preds, succs } = neighbours(edges);
  for (let sweep = 0; sweep < 4; sweep++) {
    for (let i = 1; i < columns.length; i++) columns[i] = orderColumn(columns[i], pos, preds);
    for (let i = columns.length - 2; i >= 0; i--) columns[i] = orderColumn(columns[i], pos, succs);
  }
  const heights = columns.map((c) => c.reduce((h, n) => h + HEIGHT[n.kind] + GAP, 0));
  const height = Math.max(...heights, 0) + GAP;
  const placed = new Map<string, Placed>();
  columns.forEach((column, i) => {
    let y = (height - heights[i]) / 2 + GAP / 2;
    for (const node of column) {
      const h = HEIGHT[node.kind];
      placed.set(node.id, { node, x: 16 + i * COLUMN + (node.kind === 'FIELD' ? 14 : 0), y, width: WIDTH, height: h });
      y += h + GAP;
    }
  });
  return { placed, width: 32 + Math.max(0, columns.length - 1) * COLUMN + WIDTH + 14, height };
}

/**
 * What is drawn when a walk returns more nodes than stay readable: whole
 * levels, nearest first, of products, ports and external datasets while they
 * fit (the nearest level cut to the limit when even it does not), then their
 * fields while room is left.
 */
export function withinBudget(nodes: LineageNode[], limit: number): { shown: LineageNode[]; maxLevel: number | null } {
  if (nodes.length <= limit) return { shown: nodes, maxLevel: null };
  const hops = (n: LineageNode) => Math.abs(n.level);
  const levels = [...new Set(nodes.map(hops))].sort((a, b) => a - b);
  const fit = (level: number) => nodes.filter((n) => hops(n) <= level && n.kind !== 'FIELD');
  let maxLevel = levels[0];
  for (const level of levels)
    if (fit(level).length <= limit) maxLevel = level;
    else break;
  const shown = fit(maxLevel).slice(0, limit);
  const fields = nodes.filter((n) => hops(n) <= maxLevel && n.kind === 'FIELD');
  return { shown: [...shown, ...fields.slice(0, Math.max(0, limit - shown.length))], maxLevel };
}
