/**
 * Pure renderings of a lineage graph (as the registry's GET /v1/lineage
 * answers it): a readable tree, Mermaid and Graphviz DOT. Product-level: a
 * product reads another product's port; field nodes are left to --format json.
 */
export interface LineageNodeView {
  id: string;
  kind: string;
  level: number;
  product?: string;
  port?: string;
  version?: string;
  ownerTeam?: string;
  location?: string;
  /** dashboard, ml, notebook or service: a consumer outside the mesh (kind CONSUMER). */
  consumerKind?: string;
}
export interface LineageEdgeView {
  from: string;
  to: string;
  kind: string;
  versionRange?: string;
}
export interface LineageGraphView {
  root: string;
  direction: string;
  depth: number;
  budget: number;
  truncated: boolean;
  nodes: LineageNodeView[];
  edges: LineageEdgeView[];
}

/** A product-level link: `from` feeds `to` through `via` (a port, or "observed"). */
interface Link {
  from: string;
  to: string;
  via: string;
  range?: string;
}

function links(g: LineageGraphView): Link[] {
  const nodes = new Map(g.nodes.map((n) => [n.id, n]));
  const out: Link[] = [];
  for (const e of g.edges) {
    if (e.kind === 'INPUT') {
      const port = nodes.get(e.from);
      out.push({
        from: port?.product ?? e.from.split('/')[0],
        to: e.to,
        via: port?.port ?? e.from.split('/')[1] ?? '',
        ...(e.versionRange && { range: e.versionRange }),
      });
    } else if (e.kind === 'OBSERVED') {
      out.push({ from: e.from, to: e.to, via: 'observed' });
    }
  }
  return out;
}

function label(n: LineageNodeView | undefined, id: string): string {
  if (!n) return id;
  if (n.kind === 'EXTERNAL') return `${n.location ?? id} (external)`;
  if (n.kind === 'CONSUMER') return `${id} (${n.consumerKind ?? 'consumer'})${n.ownerTeam ? ` · ${n.ownerTeam}` : ''}`;
  return `${id}${n.version ? `@${n.version}` : ''}${n.ownerTeam ? ` · ${n.ownerTeam}` : ''}`;
}

export interface TreeStyle {
  bold(text: string): string;
  dim(text: string): string;
}
const PLAIN: TreeStyle = { bold: (t) => t, dim: (t) => t };

/** Downstream then upstream, each as an indented tree; a product met twice is shown once and then referred to. */
export function renderTree(g: LineageGraphView, style: TreeStyle = PLAIN): string[] {
  const nodes = new Map(g.nodes.map((n) => [n.id, n]));
  const all = links(g);
  const lines = [style.bold(label(nodes.get(g.root), g.root))];
  const section = (title: string, childrenOf: (id: string) => { id: string; text: string }[]) => {
    const top = childrenOf(g.root);
    lines.push(`${title}${top.length ? '' : style.dim(' (none)')}`);
    const seen = new Set([g.root]);
    const walk = (id: string, prefix: string) => {
      const children = childrenOf(id);
      children.forEach((child, i) => {
        const last = i === children.length - 1;
        const again = seen.has(child.id);
        lines.push(`${prefix}${last ? '└─ ' : '├─ '}${child.text}${again ? style.dim(' (see above)') : ''}`);
        if (!again) {
          seen.add(child.id);
          walk(child.id, prefix + (last ? '   ' : '│  '));
        }
      });
    };
    walk(g.root, '');
  };
  const describe = (l: Link, other: string, arrow: string) =>
    `${l.via}${arrow}${label(nodes.get(other), other)}${l.range ? style.dim(`  ${l.range}`) : ''}`;
  const sort = (xs: { id: string; text: string }[]) => xs.sort((a, b) => a.text.localeCompare(b.text));
  if (g.direction !== 'UPSTREAM')
    section('downstream', (id) =>
      sort(
        all
          .filter((l) => l.from === id && (nodes.get(l.to)?.level ?? 1) > 0)
          .map((l) => ({ id: l.to, text: describe(l, l.to, ' → ') })),
      ),
    );
  if (g.direction !== 'DOWNSTREAM')
    section('upstream', (id) =>
      sort(
        all
          .filter((l) => l.to === id && (nodes.get(l.from)?.level ?? -1) < 0)
          .map((l) => ({ id: l.from, text: describe(l, l.from, ' ← ') })),
      ),
    );
  if (g.truncated)
    lines.push(
      style.dim(
        `… stopped at the node budget (${g.budget} nodes); lower --depth to see less, or ask for one direction`,
      ),
    );
  return lines;
}

/** Graphviz/Mermaid-safe identifiers: n0, n1, … in node order. */
function ids(g: LineageGraphView): Map<string, string> {
  return new Map(
    g.nodes.filter((n) => ['PRODUCT', 'EXTERNAL', 'CONSUMER'].includes(n.kind)).map((n, i) => [n.id, `n${i}`]),
  );
}

const domainOf = (id: string) => id.split('.')[0];
const quoteMermaid = (text: string) => text.replace(/"/g, '#quot;');
const quoteDot = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/** A Mermaid flowchart, one subgraph per domain; renders in GitHub, GitLab and mermaid.live. */
export function renderMermaid(g: LineageGraphView): string {
  const id = ids(g);
  const out = ['graph LR'];
  const byDomain = new Map<string, LineageNodeView[]>();
  for (const n of g.nodes) {
    if (n.kind === 'PRODUCT') byDomain.set(domainOf(n.id), [...(byDomain.get(domainOf(n.id)) ?? []), n]);
    if (n.kind === 'EXTERNAL') out.push(`  ${id.get(n.id)}[("${quoteMermaid(n.location ?? n.id)}")]`);
    if (n.kind === 'CONSUMER') out.push(`  ${id.get(n.id)}(["${quoteMermaid(n.id)}"])`);
  }
  for (const [domain, members] of [...byDomain].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`  subgraph ${domain}`);
    for (const n of members)
      out.push(`    ${id.get(n.id)}["${quoteMermaid(`${n.id}${n.version ? ` ${n.version}` : ''}`)}"]`);
    out.push('  end');
  }
  for (const l of links(g)) {
    if (!id.has(l.from) || !id.has(l.to)) continue;
    const text = l.via === 'observed' ? 'observed' : `${l.via}${l.range ? ` ${l.range}` : ''}`;
    out.push(
      `  ${id.get(l.from)} ${l.via === 'observed' ? '-.' : '--'} "${quoteMermaid(text)}" ${l.via === 'observed' ? '.->' : '-->'} ${id.get(l.to)}`,
    );
  }
  out.push(`  style ${id.get(g.root)} stroke-width:3px`);
  return out.join('\n');
}

/** Graphviz DOT, one cluster per domain: `dmesh lineage x --format dot | dot -Tsvg > lineage.svg`. */
export function renderDot(g: LineageGraphView): string {
  const id = ids(g);
  const out = [
    'digraph lineage {',
    '  rankdir=LR;',
    '  node [shape=box, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  const byDomain = new Map<string, LineageNodeView[]>();
  for (const n of g.nodes) {
    if (n.kind === 'PRODUCT') byDomain.set(domainOf(n.id), [...(byDomain.get(domainOf(n.id)) ?? []), n]);
    if (n.kind === 'EXTERNAL')
      out.push(`  ${id.get(n.id)} [label="${quoteDot(n.location ?? n.id)}", shape=cylinder, style=dashed];`);
    if (n.kind === 'CONSUMER') out.push(`  ${id.get(n.id)} [label="${quoteDot(n.id)}", shape=ellipse];`);
  }
  for (const [domain, members] of [...byDomain].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`  subgraph "cluster_${quoteDot(domain)}" {`, `    label="${quoteDot(domain)}";`);
    for (const n of members)
      out.push(
        `    ${id.get(n.id)} [label="${quoteDot(n.id)}${n.version ? `\\n${quoteDot(n.version)}` : ''}"${n.id === g.root ? ', penwidth=3' : ''}];`,
      );
    out.push('  }');
  }
  for (const l of links(g)) {
    if (!id.has(l.from) || !id.has(l.to)) continue;
    const text = l.via === 'observed' ? 'observed' : `${l.via}${l.range ? ` ${l.range}` : ''}`;
    out.push(
      `  ${id.get(l.from)} -> ${id.get(l.to)} [label="${quoteDot(text)}"${l.via === 'observed' ? ', style=dashed' : ''}];`,
    );
  }
  out.push('}');
  return out.join('\n');
}
