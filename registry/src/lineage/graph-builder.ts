import type { LineageEdge, LineageGraph, LineageNode } from './lineage.types.js';

/** Collects nodes and edges under a node budget; edges between known nodes are free. */
export class GraphBuilder {
  readonly nodes = new Map<string, LineageNode>();
  private readonly edges = new Map<string, LineageEdge>();
  truncated = false;

  constructor(private readonly budget: number) {}

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** Adds the nodes that are new, all or none: false (and truncated) when they do not fit. */
  addAll(nodes: LineageNode[]): boolean {
    const fresh = nodes.filter((n, i) => !this.nodes.has(n.id) && nodes.findIndex((m) => m.id === n.id) === i);
    if (this.nodes.size + fresh.length > this.budget) {
      this.truncated = true;
      return false;
    }
    for (const n of fresh) this.nodes.set(n.id, n);
    return true;
  }

  addEdge(edge: LineageEdge): void {
    const key = `${edge.kind}|${edge.from}|${edge.to}`;
    if (!this.edges.has(key) && this.nodes.has(edge.from) && this.nodes.has(edge.to)) this.edges.set(key, edge);
  }

  products(): string[] {
    return [...this.nodes.values()].filter((n) => n.kind === 'PRODUCT').map((n) => n.id);
  }

  build(meta: Omit<LineageGraph, 'nodes' | 'edges' | 'truncated'>): LineageGraph {
    return { ...meta, truncated: this.truncated, nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
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
