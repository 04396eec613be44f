import type { EntityManager } from 'typeorm';
import { RegistryError } from '../common/registry-error.js';
import { fieldNode, GraphBuilder, portNode, productNode } from './graph-builder.js';
import type { LineageDirection, LineageGraph } from './lineage.types.js';
import { externalEdges } from './operations/external-edges.js';
import { fieldEdgesAmong } from './operations/field-edges-among.js';
import { downstreamEdges, upstreamEdges, type InputEdgeRow } from './operations/level-edges.js';
import { productCards } from './operations/product-cards.js';

export interface TraversalRequest { root: string; direction: LineageDirection; depth: number; budget: number; fieldLevel: boolean }

/**
 * Breadth-first, one indexed query per level, stopping at the depth or when
 * the node budget is spent (then `truncated`). Products and the ports that
 * link them are nodes; field lineage and external datasets are added after.
 */
export async function traverseLineage(manager: EntityManager, req: TraversalRequest): Promise<LineageGraph> {
  const [card] = await productCards(manager, [req.root]);
  if (!card) throw new RegistryError('NOT_FOUND', `product ${req.root} is not in the catalog`, [{ code: 'PRODUCT_NOT_FOUND', message: `no product ${req.root}`, fix: 'check the id (<domain>.<product>) with dmesh search' }]);
  const g = new GraphBuilder(req.budget);
  g.addAll([productNode(req.root, 0)]);
  if (req.direction !== 'UPSTREAM') await walk(manager, g, req, 1);
  if (req.direction !== 'DOWNSTREAM') await walk(manager, g, req, -1);
  await decorate(manager, g);
  if (req.fieldLevel) await addFields(manager, g);
  await addExternals(manager, g, req.direction);
  return g.build({ root: req.root, direction: req.direction, depth: req.depth, budget: req.budget });
}

async function walk(manager: EntityManager, g: GraphBuilder, req: TraversalRequest, sign: 1 | -1): Promise<void> {
  let frontier = [req.root];
  for (let level = 1; level <= req.depth && frontier.length && !g.truncated; level++) {
    const rows = sign > 0 ? await downstreamEdges(manager, frontier) : await upstreamEdges(manager, frontier);
    const next: string[] = [];
    for (const row of rows) {
      const other = sign > 0 ? row.product_id : row.upstream_product_id;
      const isNew = !g.has(other);
      const upLevel = sign > 0 ? (level - 1) : -level;
      if (!g.addAll([portNode(row.upstream_product_id, row.upstream_port, upLevel), productNode(other, sign * level)])) break;
      if (isNew) next.push(other);
      addInputEdge(g, row);
    }
    frontier = next;
  }
}

function addInputEdge(g: GraphBuilder, row: InputEdgeRow): void {
  const port = `${row.upstream_product_id}/${row.upstream_port}`;
  g.addEdge({ from: row.upstream_product_id, to: port, kind: 'OUTPUT' });
  g.addEdge({ from: port, to: row.product_id, kind: 'INPUT', versionRange: row.version_range, ...(row.resolved_version && { resolvedVersion: row.resolved_version }) });
}

async function decorate(manager: EntityManager, g: GraphBuilder): Promise<void> {
  const cards = new Map((await productCards(manager, g.products())).map((c) => [c.id, c]));
  for (const node of g.nodes.values()) {
    const card = cards.get(node.product ?? '');
    if (node.kind === 'PRODUCT' && card) Object.assign(node, { version: card.latest_version, ownerTeam: card.owner_team });
  }
}

async function addFields(manager: EntityManager, g: GraphBuilder): Promise<void> {
  const levelOf = (product: string) => g.nodes.get(product)?.level ?? 0;
  for (const r of await fieldEdgesAmong(manager, g.products())) {
    const from = fieldNode(r.upstream_product_id, r.upstream_port, r.upstream_field, levelOf(r.upstream_product_id));
    const to = fieldNode(r.product_id, r.port, r.field, levelOf(r.product_id));
    if (!g.addAll([from, to])) break;
    g.addEdge({ from: from.id, to: to.id, kind: 'FIELD' });
  }
}

async function addExternals(manager: EntityManager, g: GraphBuilder, direction: LineageDirection): Promise<void> {
  const rows = await externalEdges(manager, g.products(), { upstream: direction !== 'DOWNSTREAM', downstream: direction !== 'UPSTREAM' });
  for (const r of rows) {
    const product = (r.output_product_id ?? r.input_product_id)!;
    const externalKey = r.output_product_id ? r.input_key : r.output_key;
    const level = (g.nodes.get(product)?.level ?? 0) + (r.output_product_id ? -1 : 1);
    const external = { id: `external:${externalKey}`, kind: 'EXTERNAL' as const, location: externalKey, level };
    if (!g.addAll([external])) break;
    if (r.output_product_id) g.addEdge({ from: external.id, to: product, kind: 'OBSERVED' });
    else g.addEdge({ from: product, to: external.id, kind: 'OBSERVED' });
  }
}
