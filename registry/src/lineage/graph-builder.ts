import type { LineageEdge, LineageGraph, LineageNode } from './lineage.types.js';

/**
 * Collects nodes and edges under a node budget; edges between known nodes are
 * free. Called once per edge row of a traversal, so it allocates only for what it keeps.
 */
export class GraphBuilder {
  readonly nodes = new Map<string, LineageNode>();
  private readonly edges: LineageEdge[] = [];
  private readonly edgeKeys = new Set<string>(); // only for addEdge: field and observed edges
  truncated = false;

  constructor(private readonly budget: number) {}

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** Room for `count` more nodes? Sets `truncated` when not. */
  room(count: number): boolean {
    if (this.nodes.size + count <= this.budget) return true;
    this.truncated = true;
    return false;
  }

  /** Adds the nodes that are new, all or none: false (and truncated) when they do not fit. */
  addAll(nodes: LineageNode[]): boolean {
    const fresh = nodes.filter((n, i) => !this.nodes.has(n.id) && nodes.findIndex((m) => m.id === n.id) === i);
    if (!this.room(fresh.length)) return false;
    for (const n of fresh) this.nodes.set(n.id, n);
    return true;
  }

  add(node: LineageNode): void {
    this.nodes.set(node.id, node);
  }

  /** An edge the caller knows is new and whose ends are both in the graph (the walk's hot path). */
  pushEdge(edge: LineageEdge): void {
    this.edges.push(edge);
  }

  addEdge(edge: LineageEdge): void {
    const key = `${edge.kind}|${edge.from}|${edge.to}`;
    if (this.edgeKeys.has(key) || !this.nodes.has(edge.from) || !this.nodes.has(edge.to)) return;
    this.edgeKeys.add(key);
    this.edges.push(edge);
  }

  products(): string[] {
    const out: string[] = [];
    for (const n of this.nodes.values()) if (n.kind === 'PRODUCT') out.push(n.id);
    return out;
  }

  build(meta: Omit<LineageGraph, 'nodes' | 'edges' | 'truncated'>): LineageGraph {
    return { ...meta, truncated: this.truncated, nodes: [...this.nodes.values()], edges: this.edges };
  }
}

export function productNode(id: string, level: number): LineageNode {
  return { id, kind: 'PRODUCT', product: id, level };
}

export function portNode(product: string, port: string, level: number): LineageNode {
  return { id: `${product}/${port}`, kind: 'PORT', product, port, level };
}

export function fieldNode(product: string, port: string, field: string, level: number): LineageNode {
  return { id: `${product}/${port}#${field}`, kind: 'FIELD', product, port, field, level };
}
