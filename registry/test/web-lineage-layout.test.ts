import fc from 'fast-check';
import type { LineageEdge, LineageNode } from '../web/src/api/types.js';
import { layoutGraph, withinBudget } from '../web/src/lineage/layout.js';

/**
 * The web catalog's lineage layout, for any DAG of products with ports and
 * fields (the shape the lineage API returns): every edge points right, no two
 * nodes of a column overlap, and a walk over the drawing budget is cut to its
 * nearest levels without exceeding it.
 */
const product = (i: number, level: number): LineageNode => ({
  id: `d.p${i}`,
  kind: 'PRODUCT',
  level,
  product: `d.p${i}`,
  port: null,
  field: null,
  location: null,
  ownerTeam: 't',
  version: '1.0.0',
});
const port = (i: number, level: number): LineageNode => ({
  ...product(i, level),
  id: `d.p${i}/out`,
  kind: 'PORT',
  port: 'out',
});
const field = (i: number, level: number, f: number): LineageNode => ({
  ...port(i, level),
  id: `d.p${i}/out#f${f}`,
  kind: 'FIELD',
  field: `f${f}`,
});

/** Products 0..n-1, each reading some earlier ones (so a DAG), with one port and two fields each. */
const catalog = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
      fc.array(fc.integer({ min: -4, max: 4 }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([n, pairs, levels]) => {
    const nodes = Array.from({ length: n }, (_, i) => [
      product(i, levels[i]),
      port(i, levels[i]),
      field(i, levels[i], 0),
      field(i, levels[i], 1),
    ]).flat();
    const edges: LineageEdge[] = [];
    for (let i = 0; i < n; i++) edges.push({ from: `d.p${i}`, to: `d.p${i}/out`, kind: 'OUTPUT', versionRange: null });
    for (const [a, b] of pairs.filter(([a, b]) => a < b)) {
      edges.push({ from: `d.p${a}/out`, to: `d.p${b}`, kind: 'INPUT', versionRange: '^1.0.0' });
      edges.push({ from: `d.p${a}/out#f0`, to: `d.p${b}/out#f1`, kind: 'FIELD', versionRange: null });
    }
    return { nodes, edges };
  });

describe('lineage layout of the web catalog', () => {
  it('points every edge right and never overlaps two nodes of a column', () => {
    fc.assert(
      fc.property(catalog, ({ nodes, edges }) => {
        const { placed, width, height } = layoutGraph(nodes, edges);
        expect(placed.size).toBe(nodes.length);
        for (const e of edges) expect(placed.get(e.from)!.x).toBeLessThan(placed.get(e.to)!.x);
        // Columns are 250 px apart (a field sits 14 px in from its port): boxes of one column, top to bottom.
        const column = (x: number) => Math.floor((x - 16) / 250);
        const boxes = [...placed.values()].sort((a, b) => column(a.x) - column(b.x) || a.y - b.y);
        for (let i = 1; i < boxes.length; i++) {
          const [a, b] = [boxes[i - 1], boxes[i]];
          if (column(a.x) === column(b.x)) expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
        }
        for (const p of boxes) {
          expect(p.x + p.width).toBeLessThanOrEqual(width);
          expect(p.y + p.height).toBeLessThanOrEqual(height);
        }
      }),
    );
  });

  it('cuts a walk over the budget to its nearest levels, never over the budget', () => {
    fc.assert(
      fc.property(catalog, fc.integer({ min: 8, max: 120 }), ({ nodes }, limit) => {
        const { shown, maxLevel } = withinBudget(nodes, limit);
        if (nodes.length <= limit) return expect({ shown, maxLevel }).toEqual({ shown: nodes, maxLevel: null });
        expect(shown.length).toBeLessThanOrEqual(limit);
        expect(shown.every((n) => Math.abs(n.level) <= maxLevel!)).toBe(true);
        const nearer = nodes.filter((n) => Math.abs(n.level) <= maxLevel! && n.kind !== 'FIELD');
        expect(shown.filter((n) => n.kind !== 'FIELD')).toEqual(nearer.slice(0, limit));
      }),
    );
  });
});
