import type { EntityManager } from 'typeorm';
import { RegistryError } from '../common/registry-error.js';
import { fieldNode, GraphBuilder, portNode, productNode } from './graph-builder.js';
import type { LineageDirection, LineageEdge, LineageGraph } from './lineage.types.js';
import { externalEdges } from './operations/external-edges.js';
import { fieldEdgesAmong } from './operations/field-edges-among.js';
import { levelEdges } from './operations/level-edges.js';
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
    const rows = await levelEdges(manager, frontier, sign > 0 ? 'downstream' : 'upstream');
    const next: string[] = [];
    let previousPort = '';
    let previousConsumer = '';
    for (const [upstream, port, consumer, range, resolved] of rows) {
      const other = sign > 0 ? consumer : upstream;
      const portId = `${upstream}/${port}`;
      const newPort = !g.has(portId);
      const newOther = !g.has(other);
      if (!g.room(Number(newPort) + Number(newOther))) break;
      if (newPort) g.add(portNode(upstream, port, sign > 0 ? level - 1 : -level));
      if (newOther) {
        g.add(productNode(other, sign * level));
        next.push(other);
      }
      // Each product is expanded once, so an edge repeats only for a consumer's second major line: the next row.
      if (newPort) g.pushEdge({ from: upstream, to: portId, kind: 'OUTPUT' });
      if (previousPort === portId && previousConsumer === consumer) continue;
      previousPort = portId;
      previousConsumer = consumer;
      const edge: LineageEdge = { from: portId, to: consumer, kind: 'INPUT', versionRange: range };
      if (resolved) edge.resolvedVersion = resolved;
      g.pushEdge(edge);
    }
    frontier = next;
  }
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
