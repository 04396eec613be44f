import { CONTRACT_LIMITS, limitProblem } from './limits.js';
import type { ContractProblem } from './errors.js';
import { resolveRefSite, type SchemaIndex } from './schema-index.js';
import { DEFINITION_KEYWORDS, unescapePointer } from './schema-walk.js';

interface Edge {
  to: string;
  weight: number;
  site: string;
}

/**
 * Refuses a contract whose `$ref`s lead deeper than CONTRACT_LIMITS.maxRefChain.
 * ajv compiles a referenced schema while compiling the one that refers to it,
 * so its stack grows with the sum, along a chain of references, of the depth
 * at which each reference sits. Cycles stop ajv (a schema being compiled is
 * not compiled again), so a chain is a simple path; for a group of mutually
 * reachable schemas the bound takes every member once. Iterative throughout.
 */
export function checkRefChain(index: SchemaIndex): ContractProblem[] {
  const graph = refGraph(index);
  const { length, site } = longestChain(graph);
  if (length <= CONTRACT_LIMITS.maxRefChain) return [];
  return [
    limitProblem(
      'maxRefChain',
      'REF_CHAIN_TOO_LONG',
      `${site}/$ref`,
      `following its $refs from the root, the contract nests up to ${length} levels deep ($ref chain too long)`,
      'shorten the chain of $refs: point each $ref directly at the schema it means instead of at another $ref',
    ),
  ];
}

/** Edges from each schema that ajv compiles as one function (the root and every $ref target) to the targets it refers to. */
function refGraph(index: SchemaIndex): Map<string, Edge[]> {
  const targets = new Map<string, string>();
  for (const site of index.refs) {
    const t = resolveRefSite(index, site);
    if ('pointer' in t) targets.set(`${site.pointer}|${site.keyword}`, t.pointer);
  }
  const compiled = new Set<string>(['', ...targets.values()]);
  const graph = new Map<string, Edge[]>([...compiled].map((p) => [p, []]));
  for (const site of index.refs) {
    const to = targets.get(`${site.pointer}|${site.keyword}`);
    if (to === undefined) continue;
    for (const { pointer, depth } of enclosingFunctions(index, site.pointer, compiled)) {
      graph.get(pointer)!.push({ to, weight: depth + 1, site: site.pointer });
    }
  }
  return graph;
}

/** The compiled schemas whose code contains the node at `pointer` (no `$defs` in between), with the node's depth in each. */
function enclosingFunctions(
  index: SchemaIndex,
  pointer: string,
  compiled: Set<string>,
): { pointer: string; depth: number }[] {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/');
  const out: { pointer: string; depth: number }[] = [];
  let prefix = '';
  for (let i = 0; i <= segments.length; i++) {
    if (index.nodes.has(prefix)) {
      // A schema node: a `$defs` keyword right below it starts code that is compiled on its own.
      if (compiled.has(prefix)) out.push({ pointer: prefix, depth: segments.length - i });
      if (i < segments.length && DEFINITION_KEYWORDS.has(unescapePointer(segments[i]))) out.length = 0;
    }
    if (i < segments.length) prefix += `/${segments[i]}`;
  }
  return out;
}

/**
 * Upper bound of the heaviest simple path from the root: Tarjan's strongly
 * connected components (iterative), then, in the order Tarjan emits them
 * (every component after those it reaches), a component's bound is the sum
 * of its members' heaviest edges (a simple path uses each member once) plus
 * the best exit.
 */
function longestChain(graph: Map<string, Edge[]>): { length: number; site: string } {
  const components = stronglyConnected(graph);
  const componentOf = new Map<string, number>();
  components.forEach((c, i) => c.forEach((p) => componentOf.set(p, i)));
  const best: { length: number; site: string }[] = [];
  components.forEach((members, i) => {
    const cyclic = members.length > 1 || graph.get(members[0])!.some((e) => e.to === members[0]);
    let inner = 0;
    if (cyclic) for (const m of members) inner += Math.max(0, ...graph.get(m)!.map((e) => e.weight));
    let exit = { length: 0, site: '' };
    for (const m of members) {
      for (const e of graph.get(m)!) {
        const j = componentOf.get(e.to)!;
        if (j === i) continue;
        const through = e.weight + best[j].length;
        if (through > exit.length) exit = { length: through, site: e.site };
      }
    }
    const site = exit.site || (members.flatMap((m) => graph.get(m)!)[0]?.site ?? '');
    best[i] = { length: inner + exit.length, site };
  });
  return best[componentOf.get('')!];
}

/** Tarjan's algorithm with an explicit stack; components come out in reverse topological order. */
function stronglyConnected(graph: Map<string, Edge[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  for (const start of graph.keys()) {
    if (order.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      if (i === 0) {
        order.set(v, counter);
        low.set(v, counter++);
        stack.push(v);
        onStack.add(v);
      }
      const edges = graph.get(v)!;
      if (i < edges.length) {
        frame[1] = i + 1;
        const w = edges[i].to;
        if (!order.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === order.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        out.push(component);
      }
    }
  }
  return out;
}
