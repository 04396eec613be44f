import type { EntityManager } from 'typeorm';
import { downstreamEdges } from './operations/level-edges.js';

/**
 * The cycle that `productId` reading `upstreams` would close, as product ids
 * from `productId` back to itself (`a.b -> c.d -> a.b`), or undefined.
 * Walks the current lineage downstream of `productId` breadth-first (one query
 * per level) keeping each product's parent, so the first hit is a shortest cycle.
 * Exported for governance: a policy can call it with any proposed inputs.
 */
export async function findLineageCycle(
  manager: EntityManager,
  productId: string,
  upstreams: string[],
): Promise<string[] | undefined> {
  const targets = new Set(upstreams);
  if (!targets.size) return undefined; // reading nothing closes no cycle
  if (targets.has(productId)) return [productId, productId];
  const parent = new Map<string, string>([[productId, '']]);
  let frontier = [productId];
  while (frontier.length) {
    const next: string[] = [];
    for (const [upstream, , consumer] of await downstreamEdges(manager, frontier)) {
      if (parent.has(consumer)) continue;
      parent.set(consumer, upstream);
      if (targets.has(consumer)) return [...trail(parent, consumer), productId];
      next.push(consumer);
    }
    frontier = next;
  }
  return undefined;
}

function trail(parent: Map<string, string>, node: string): string[] {
  const out: string[] = [];
  for (let n = node; n; n = parent.get(n)!) out.unshift(n);
  return out;
}

export function formatCycle(cycle: string[]): string {
  return cycle.join(' -> ');
}
