import { portNode, type GraphBuilder } from '../graph-builder.js';
import type { ExternalReadRow } from '../operations/external-reads.js';
import { consumerIdOf } from './external-view.js';

/**
 * Consumers outside the mesh one hop downstream of the products a walk reached
 * (the root and its downstream, short of the depth): a CONSUMER node each, an
 * INPUT edge from the port it reads. They read and derive nothing, so the walk
 * does not go on from them. Within the node budget, like every other node.
 */
export function addExternalConsumers(g: GraphBuilder, rows: ExternalReadRow[], depth: number): void {
  for (const r of rows) {
    const level = g.nodes.get(r.upstream_product_id)?.level;
    if (level === undefined || level < 0 || level >= depth) continue;
    const port = portNode(r.upstream_product_id, r.upstream_port, level);
    const id = consumerIdOf(r);
    const consumer = {
      id,
      kind: 'CONSUMER' as const,
      level: level + 1,
      consumerKind: r.kind,
      ownerTeam: r.owner_team,
    };
    const newPort = !g.has(port.id);
    if (!g.addAll([port, consumer])) break;
    if (newPort) g.addEdge({ from: r.upstream_product_id, to: port.id, kind: 'OUTPUT' });
    g.addEdge({ from: port.id, to: id, kind: 'INPUT', versionRange: r.version_range });
  }
}
