import type { EntityManager } from 'typeorm';
import type { LineagePath, LineagePaths } from './lineage.types.js';
import { downstreamEdges } from './operations/level-edges.js';
import { RequestError } from '../common/registry-error.js';
import type { ProductsService } from '../products/products.service.js';

const MAX_PATHS = 100;
const MAX_PATH_DEPTH = 20;
const MAX_EXPLORED = 20_000;

/**
 * Every downstream path from one product to another: a breadth-first walk
 * (one query per level) collects the edges reachable from `from`, then the
 * paths are enumerated in memory over the part that can still reach `to`.
 */
export async function findPaths(
  manager: EntityManager,
  products: Pick<ProductsService, 'cards'>,
  from: string,
  to: string,
): Promise<LineagePaths> {
  const known = new Set((await products.cards([from, to], manager)).map((c) => c.id));
  for (const id of [from, to]) {
    if (!known.has(id))
      throw new RequestError('NOT_FOUND', `product ${id} is not in the catalog`, [
        { code: 'PRODUCT_NOT_FOUND', message: `no product ${id}`, fix: 'check the id with dmesh search' },
      ]);
  }
  const { adjacency, truncated } = await reachable(manager, from);
  const canReach = reverseReach(adjacency, to);
  const paths: LineagePath[] = [];
  const walk = (node: string, products: string[], via: string[]): void => {
    if (paths.length >= MAX_PATHS) return;
    if (node === to && products.length > 1) {
      paths.push({ products: [...products], via: [...via] });
      return;
    }
    for (const [next, port] of adjacency.get(node) ?? []) {
      if (!canReach.has(next) || products.includes(next)) continue;
      walk(next, [...products, next], [...via, port]);
    }
  };
  if (from !== to) walk(from, [from], []);
  paths.sort((a, b) => a.products.length - b.products.length || a.products.join().localeCompare(b.products.join()));
  return { from, to, paths, truncated: truncated || paths.length >= MAX_PATHS };
}

async function reachable(
  manager: EntityManager,
  from: string,
): Promise<{ adjacency: Map<string, [string, string][]>; truncated: boolean }> {
  const adjacency = new Map<string, [string, string][]>();
  const seen = new Set([from]);
  let frontier = [from];
  for (let level = 0; level < MAX_PATH_DEPTH && frontier.length; level++) {
    const next: string[] = [];
    for (const [upstream, port, consumer] of await downstreamEdges(manager, frontier)) {
      const list = adjacency.get(upstream) ?? [];
      if (!list.some(([p]) => p === consumer)) list.push([consumer, `${upstream}/${port}`]);
      adjacency.set(upstream, list);
      if (!seen.has(consumer)) {
        seen.add(consumer);
        next.push(consumer);
      }
    }
    if (seen.size > MAX_EXPLORED) return { adjacency, truncated: true };
    frontier = next;
  }
  return { adjacency, truncated: frontier.length > 0 };
}

function reverseReach(adjacency: Map<string, [string, string][]>, to: string): Set<string> {
  const reverse = new Map<string, string[]>();
  for (const [up, downs] of adjacency)
    for (const [down] of downs) reverse.set(down, [...(reverse.get(down) ?? []), up]);
  const out = new Set([to]);
  const stack = [to];
  while (stack.length) {
    for (const up of reverse.get(stack.pop()!) ?? []) {
      if (out.has(up)) continue;
      out.add(up);
      stack.push(up);
    }
  }
  return out;
}
