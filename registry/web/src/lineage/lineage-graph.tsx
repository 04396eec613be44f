import { useMemo, useState } from 'react';
import type { Drift, LineageEdge, LineageNode } from '../api/types';
import { navigate, productHref } from '../router';
import { layoutGraph, type Placed } from './layout';

export interface EdgeMarks {
  /** Edges seen only in OpenLineage run events (OBSERVED). */
  observedOnly: (e: LineageEdge) => boolean;
  /** Declared inputs no run event showed. */
  declaredNotObserved: (e: LineageEdge) => boolean;
}

/** The marks drift puts on edges: `declared` lists `<product>/<port>` inputs of each consumer. */
export function edgeMarks(drift: Drift[]): EdgeMarks {
  const missing = new Set(drift.flatMap((d) => d.declaredNotObserved.map((input) => `${input}->${d.product}`)));
  return {
    observedOnly: (e) => e.kind === 'OBSERVED',
    declaredNotObserved: (e) => e.kind === 'INPUT' && missing.has(`${e.from}->${e.to}`),
  };
}

function label(n: LineageNode): string {
  if (n.kind === 'PRODUCT') return n.id;
  if (n.kind === 'PORT') return `/${n.port}`;
  if (n.kind === 'FIELD') return `#${n.field}`;
  return n.location ?? n.id;
}

function subLabel(n: LineageNode, drifted: boolean): string {
  return [n.version, n.ownerTeam, drifted ? 'drift' : undefined].filter(Boolean).join(' · ');
}

function Node({
  p,
  root,
  drifted,
  onFocus,
}: {
  p: Placed;
  root: string;
  drifted: boolean;
  onFocus: (id: string | null) => void;
}) {
  const n = p.node;
  const shown = label(n).length > 30 ? `${label(n).slice(0, 29)}…` : label(n);
  const cls = `node ${n.kind.toLowerCase()}${n.id === root ? ' root' : ''}${drifted ? ' drift' : ''}`;
  const body = (
    <>
      <rect x={p.x} y={p.y} width={p.width} height={p.height} rx="6" />
      <text x={p.x + 8} y={p.y + (n.kind === 'PRODUCT' ? 18 : p.height / 2 + 4)}>
        {shown}
      </text>
      {n.kind === 'PRODUCT' && (
        <text x={p.x + 8} y={p.y + 36} className="sub">
          {subLabel(n, drifted)}
        </text>
      )}
    </>
  );
  // A consumer outside the mesh opens its own page (its id: `<domain>:<kind>/<name>`).
  const target = n.product ?? (n.kind === 'CONSUMER' ? n.id : undefined);
  if (!target) return <g className={cls}>{body}</g>;
  // The name starts with the visible text (label in name); the rest says where the link goes.
  const where =
    n.kind === 'PRODUCT'
      ? `open ${target}`
      : n.kind === 'CONSUMER'
        ? 'open, outside the mesh'
        : `${n.kind.toLowerCase()} of ${target}`;
  const name = `${shown}${n.kind === 'PRODUCT' ? ` ${subLabel(n, drifted)}` : ''} (${where})`;
  return (
    <a
      href={productHref(target)}
      className={cls}
      data-node={n.id}
      onClick={(e) => {
        e.preventDefault();
        navigate(productHref(target));
      }}
      onMouseEnter={() => onFocus(n.id)}
      onMouseLeave={() => onFocus(null)}
      onFocus={() => onFocus(n.id)}
      onBlur={() => onFocus(null)}
    >
      <title>{name}</title>
      {body}
    </a>
  );
}

function edgePath(a: Placed, b: Placed): string {
  const [x1, y1, x2, y2] = [a.x + a.width, a.y + a.height / 2, b.x, b.y + b.height / 2];
  const dx = Math.max(40, (x2 - x1) / 2);
  return `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`;
}

interface GraphProps {
  nodes: LineageNode[];
  edges: LineageEdge[];
  root: string;
  drift: Drift[];
  zoom: number;
}

/** The graph as plain SVG: every node a link (Tab moves between them, Enter opens the product). */
export function LineageSvg({ nodes, edges, root, drift, zoom }: GraphProps) {
  const layout = useMemo(() => layoutGraph(nodes, edges), [nodes, edges]);
  const [focus, setFocus] = useState<string | null>(null);
  const marks = useMemo(() => edgeMarks(drift), [drift]);
  const drifted = useMemo(
    () =>
      new Set(drift.filter((d) => d.declaredNotObserved.length || d.observedNotDeclared.length).map((d) => d.product)),
    [drift],
  );
  const highlight = nodes.length <= 600 ? focus : null;
  return (
    <svg
      className={zoom === 1 ? 'lineage-graph fit' : 'lineage-graph'}
      width={layout.width * zoom}
      height={layout.height * zoom}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-label={`Lineage of ${root}: ${nodes.length} nodes, ${edges.length} edges`}
    >
      <g className="edges" aria-hidden="true">
        {edges.map((e) => {
          const [a, b] = [layout.placed.get(e.from), layout.placed.get(e.to)];
          if (!a || !b) return null;
          const cls = [
            'edge',
            e.kind.toLowerCase(),
            marks.observedOnly(e) ? 'observed-only' : '',
            marks.declaredNotObserved(e) ? 'not-observed' : '',
            highlight && (e.from === highlight || e.to === highlight) ? 'lit' : '',
          ].join(' ');
          return <path key={`${e.from}>${e.to}>${e.kind}`} d={edgePath(a, b)} className={cls} />;
        })}
      </g>
      <g className="nodes">
        {[...layout.placed.values()].map((p) => (
          <Node
            key={p.node.id}
            p={p}
            root={root}
            drifted={!!p.node.product && p.node.kind === 'PRODUCT' && drifted.has(p.node.product)}
            onFocus={setFocus}
          />
        ))}
      </g>
    </svg>
  );
}
