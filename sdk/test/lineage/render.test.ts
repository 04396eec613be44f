import { renderDot, renderMermaid, renderTree, type LineageGraphView } from '../../src/core/lineage/render.js';

/** profiles → orders → { revenue, segments → performance }, segments also reads profiles; a raw export feeds orders. */
const graph: LineageGraphView = {
  root: 'sales.orders',
  direction: 'BOTH',
  depth: 5,
  budget: 5000,
  truncated: false,
  nodes: [
    {
      id: 'sales.orders',
      kind: 'PRODUCT',
      product: 'sales.orders',
      level: 0,
      version: '1.1.0',
      ownerTeam: 'sales-data',
    },
    { id: 'sales.orders/orders', kind: 'PORT', product: 'sales.orders', port: 'orders', level: 0 },
    {
      id: 'finance.revenue',
      kind: 'PRODUCT',
      product: 'finance.revenue',
      level: 1,
      version: '1.0.0',
      ownerTeam: 'finance',
    },
    {
      id: 'marketing.segments',
      kind: 'PRODUCT',
      product: 'marketing.segments',
      level: 1,
      version: '1.0.0',
      ownerTeam: 'mkt',
    },
    { id: 'marketing.segments/segments', kind: 'PORT', product: 'marketing.segments', port: 'segments', level: 1 },
    {
      id: 'marketing.performance',
      kind: 'PRODUCT',
      product: 'marketing.performance',
      level: 2,
      version: '1.0.0',
      ownerTeam: 'mkt',
    },
    {
      id: 'customers.profiles',
      kind: 'PRODUCT',
      product: 'customers.profiles',
      level: -1,
      version: '2.0.0',
      ownerTeam: 'crm',
    },
    { id: 'customers.profiles/profiles', kind: 'PORT', product: 'customers.profiles', port: 'profiles', level: -1 },
    { id: 'external:s3://raw/crm', kind: 'EXTERNAL', location: 's3://raw/crm', level: -1 },
  ],
  edges: [
    { from: 'sales.orders', to: 'sales.orders/orders', kind: 'OUTPUT' },
    { from: 'sales.orders/orders', to: 'finance.revenue', kind: 'INPUT', versionRange: '^1.0.0' },
    { from: 'sales.orders/orders', to: 'marketing.segments', kind: 'INPUT', versionRange: '^1.0.0' },
    { from: 'marketing.segments/segments', to: 'marketing.performance', kind: 'INPUT', versionRange: '^1.0.0' },
    { from: 'sales.orders/orders', to: 'marketing.performance', kind: 'INPUT', versionRange: '^1.1.0' },
    { from: 'customers.profiles/profiles', to: 'sales.orders', kind: 'INPUT', versionRange: '^2.0.0' },
    { from: 'external:s3://raw/crm', to: 'sales.orders', kind: 'OBSERVED' },
  ],
};

describe('lineage tree', () => {
  it('shows downstream and upstream with ports, versions, owners and ranges, each product expanded once', () => {
    expect(renderTree(graph)).toEqual([
      'sales.orders@1.1.0 · sales-data',
      'downstream',
      '├─ orders → finance.revenue@1.0.0 · finance  ^1.0.0',
      '├─ orders → marketing.performance@1.0.0 · mkt  ^1.1.0',
      '└─ orders → marketing.segments@1.0.0 · mkt  ^1.0.0',
      '   └─ segments → marketing.performance@1.0.0 · mkt  ^1.0.0 (see above)',
      'upstream',
      '├─ observed ← s3://raw/crm (external)',
      '└─ profiles ← customers.profiles@2.0.0 · crm  ^2.0.0',
    ]);
  });

  it('says when the budget cut the walk short and when a direction is empty', () => {
    const lines = renderTree({ ...graph, truncated: true, direction: 'DOWNSTREAM', root: 'finance.revenue' });
    expect(lines).toContain('downstream (none)');
    expect(lines.at(-1)).toMatch(/node budget \(5000 nodes\)/);
  });
});

describe('mermaid and dot', () => {
  it('mermaid: a flowchart with one subgraph per domain and labelled edges', () => {
    const text = renderMermaid(graph);
    const lines = text.split('\n');
    expect(lines[0]).toBe('graph LR');
    expect(lines.filter((l) => l.trim().startsWith('subgraph')).map((l) => l.trim())).toEqual([
      'subgraph customers',
      'subgraph finance',
      'subgraph marketing',
      'subgraph sales',
    ]);
    expect(lines.filter((l) => l.trim() === 'end')).toHaveLength(4);
    expect(text).toContain('n0["sales.orders 1.1.0"]');
    expect(text).toContain('n0 -- "orders ^1.0.0" --> n1');
    expect(text).toContain('n5[("s3://raw/crm")]');
    expect(text).toContain('n5 -. "observed" .-> n0');
    // every edge names declared nodes only
    const declared = new Set([...text.matchAll(/^\s+(n\d+)[[(]/gm)].map((m) => m[1]));
    for (const m of text.matchAll(/(n\d+) (?:--|-\.) "[^"]*" (?:-->|\.->) (n\d+)/g))
      expect(declared.has(m[1]) && declared.has(m[2])).toBe(true);
  });

  it('dot: a digraph with clusters, balanced braces and quoted labels', () => {
    const text = renderDot(graph);
    expect(text.startsWith('digraph lineage {')).toBe(true);
    expect(text.trimEnd().endsWith('}')).toBe(true);
    expect(text.split('{').length).toBe(text.split('}').length);
    expect(text).toContain('subgraph "cluster_sales" {');
    expect(text).toContain('n0 [label="sales.orders\\n1.1.0", penwidth=3];');
    expect(text).toContain('n0 -> n1 [label="orders ^1.0.0"];');
    expect(text).toContain('n5 -> n0 [label="observed", style=dashed];');
    expect(
      renderDot({ ...graph, nodes: [{ id: 'a.b', kind: 'PRODUCT', level: 0, version: '1"0' }], edges: [] }),
    ).toContain('label="a.b\\n1\\"0"');
  });
});
