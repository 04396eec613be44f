import type { EntityManager } from 'typeorm';
import { RequestError } from '../common/registry-error.js';
import { fieldNode, GraphBuilder, portNode, productNode } from './graph-builder.js';
import type { LineageDirection, LineageEdge, LineageGraph } from './lineage.types.js';
import { addExternalConsumers } from './external/external-nodes.js';
import { externalEdges, type ExternalEdgeRow } from './operations/external-edges.js';
import { externalReadsOfProducts } from './operations/external-reads.js';
import { fieldEdgesAmong, type FieldEdgeRow } from './operations/field-edges-among.js';
import { levelEdges } from './operations/level-edges.js';
import type { ProductsService } from '../products/products.service.js';
import type { ProductCard } from '../products/products.types.js';

export interface TraversalRequest {
  root: string;
  direction: LineageDirection;
  depth: number;
  budget: number;
  fieldLevel: boolean;
}

/**
 * Breadth-first, one indexed query per level, stopping at the depth or when
 * the node budget is spent (then `truncated`). Products and the ports that
 * link them are nodes; field lineage and external datasets are added after.
 *
 * On the pool (not inside a transaction) the product cards of each level's new
 * products are fetched on a second connection while the walk goes on, and the
 * field and external queries run side by side: PostgreSQL works on one core
 * while this thread walks on the other. Results are applied in a fixed order,
 * so the graph does not depend on which query answers first.
 */
export async function traverseLineage(
  manager: EntityManager,
  catalog: Pick<ProductsService, 'cards'>,
  req: TraversalRequest,
): Promise<LineageGraph> {
  const g = new GraphBuilder(req.budget);
  g.addAll([productNode(req.root, 0)]);
  const cards = new CardFetcher(manager, catalog);
  cards.fetch([req.root]);
  if (req.direction !== 'UPSTREAM') await walk(manager, g, req, 1, cards);
  if (req.direction !== 'DOWNSTREAM') await walk(manager, g, req, -1, cards);
  const products = g.products();
  const fields = req.fieldLevel ? later(manager, () => fieldEdgesAmong(manager, products)) : undefined;
  const externals = later(manager, () =>
    externalEdges(manager, products, {
      upstream: req.direction !== 'DOWNSTREAM',
      downstream: req.direction !== 'UPSTREAM',
    }),
  );
  const consumers =
    req.direction === 'UPSTREAM' ? undefined : later(manager, () => externalReadsOfProducts(manager, products));
  const known = await cards.all();
  if (!known.has(req.root)) {
    await Promise.allSettled([fields?.(), externals(), consumers?.()]);
    throw new RequestError('NOT_FOUND', `product ${req.root} is not in the catalog`, [
      {
        code: 'PRODUCT_NOT_FOUND',
        message: `no product ${req.root}`,
        fix: 'check the id (<domain>.<product>) with dmesh search',
      },
    ]);
  }
  decorate(g, known);
  if (fields) addFields(g, await fields());
  addExternals(g, await externals());
  if (consumers) addExternalConsumers(g, await consumers(), req.depth);
  return g.build({ root: req.root, direction: req.direction, depth: req.depth, budget: req.budget });
}

/**
 * A query started now on the pool (and awaited later), or, inside a
 * transaction, started only when awaited: one connection runs one statement at a time.
 */
function later<T>(manager: EntityManager, run: () => Promise<T>): () => Promise<T> {
  if (manager.queryRunner) return run;
  const started = run();
  started.catch(() => undefined); // awaited (and its failure raised) by the caller; never an unhandled rejection meanwhile
  return () => started;
}

/** Product cards asked for level by level, collected once the walk is over. */
class CardFetcher {
  private readonly pending: (() => Promise<ProductCard[]>)[] = [];
  constructor(
    private readonly manager: EntityManager,
    private readonly products: Pick<ProductsService, 'cards'>,
  ) {}

  fetch(ids: string[]): void {
    if (ids.length) this.pending.push(later(this.manager, () => this.products.cards(ids, this.manager)));
  }

  async all(): Promise<Map<string, ProductCard>> {
    const out = new Map<string, ProductCard>();
    for (const batch of this.pending) for (const card of await batch()) out.set(card.id, card);
    return out;
  }
}

async function walk(
  manager: EntityManager,
  g: GraphBuilder,
  req: TraversalRequest,
  sign: 1 | -1,
  cards: CardFetcher,
): Promise<void> {
  let frontier = [req.root];
  for (let level = 1; level <= req.depth && frontier.length && !g.truncated; level++) {
    const rows = await levelEdges(manager, frontier, sign > 0 ? 'downstream' : 'upstream');
    const next: string[] = [];
    let previousPort = '';
    let previousConsumer = '';
    let previousUpstream = '';
    let previousPortName = '';
    let portId = '';
    for (const [upstream, port, consumer, range, resolved] of rows) {
      const other = sign > 0 ? consumer : upstream;
      // Rows come grouped by port (downstream): build each port's id once, not once per row.
      if (upstream !== previousUpstream || port !== previousPortName) {
        portId = `${upstream}/${port}`;
        previousUpstream = upstream;
        previousPortName = port;
      }
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
    cards.fetch(next);
    frontier = next;
  }
}

function decorate(g: GraphBuilder, cards: Map<string, ProductCard>): void {
  for (const node of g.nodes.values()) {
    const card = cards.get(node.product ?? '');
    if (node.kind === 'PRODUCT' && card)
      Object.assign(node, { version: card.latestVersion, ownerTeam: card.ownerTeam });
  }
}

function addFields(g: GraphBuilder, rows: FieldEdgeRow[]): void {
  const levelOf = (product: string) => g.nodes.get(product)?.level ?? 0;
  for (const r of rows) {
    const from = fieldNode(r.upstream_product_id, r.upstream_port, r.upstream_field, levelOf(r.upstream_product_id));
    const to = fieldNode(r.product_id, r.port, r.field, levelOf(r.product_id));
    if (!g.addAll([from, to])) break;
    g.addEdge({ from: from.id, to: to.id, kind: 'FIELD' });
  }
}

function addExternals(g: GraphBuilder, rows: ExternalEdgeRow[]): void {
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
