import { useMemo, useState } from 'react';
import { LINEAGE } from '../api/queries';
import type { Drift, LineageGraph } from '../api/types';
import { useQuery } from '../api/use-query';
import { Link, navigate, productHref, useLocation } from '../router';
import { ErrorBox, Loading } from '../ui/common';
import { withinBudget } from './layout';
import { LineageSvg } from './lineage-graph';

/** Nodes drawn at most; a bigger walk (the API allows 5,000) shows its nearest levels and says so. */
export const RENDER_LIMIT = 1500;
const DIRECTIONS = ['BOTH', 'UPSTREAM', 'DOWNSTREAM'] as const;

function useControls() {
  const { path, params } = useLocation();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    navigate(`${path}?${next}`, { replace: true });
  };
  const direction = DIRECTIONS.find((d) => d === params.get('direction')?.toUpperCase()) ?? 'BOTH';
  const depth = Math.min(10, Math.max(1, Number(params.get('depth')) || 3));
  return { direction, depth, fieldLevel: params.get('fields') === '1', set };
}

function Controls({
  c,
  zoom,
  setZoom,
}: {
  c: ReturnType<typeof useControls>;
  zoom: number;
  setZoom: (z: number) => void;
}) {
  return (
    <div className="controls" role="group" aria-label="Lineage controls">
      <label>
        Direction{' '}
        <select value={c.direction} onChange={(e) => c.set('direction', e.target.value.toLowerCase())}>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {d === 'BOTH' ? 'up- and downstream' : d.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <label>
        Depth <input type="number" min={1} max={10} value={c.depth} onChange={(e) => c.set('depth', e.target.value)} />
      </label>
      <label>
        <input type="checkbox" checked={c.fieldLevel} onChange={(e) => c.set('fields', e.target.checked ? '1' : '0')} />{' '}
        Field level
      </label>
      <span className="zoom">
        <button
          type="button"
          onClick={() => setZoom(Math.max(0.4, Math.round((zoom - 0.2) * 10) / 10))}
          aria-label="Zoom out"
        >
          −
        </button>
        <span aria-live="polite">{zoom === 1 ? 'fit' : `${Math.round(zoom * 100)}%`}</span>
        <button
          type="button"
          onClick={() => setZoom(Math.min(2, Math.round((zoom + 0.2) * 10) / 10))}
          aria-label="Zoom in"
        >
          +
        </button>
      </span>
    </div>
  );
}

function Legend() {
  return (
    <p className="legend muted">
      <span className="key declared">declared input</span>{' '}
      <span className="key observed-only">observed only (OpenLineage)</span>{' '}
      <span className="key not-observed">declared, not observed</span> <span className="key drift-key">drift</span> ·
      Tab moves between nodes, Enter opens a product.
    </p>
  );
}

function Notices({ graph, shown, maxLevel }: { graph: LineageGraph; shown: number; maxLevel: number | null }) {
  return (
    <>
      {graph.truncated && (
        <p className="notice" role="status">
          The walk stopped at the registry’s budget of {graph.budget.toLocaleString('en')} nodes: the graph is
          incomplete. Lower the depth or choose one direction.
        </p>
      )}
      {maxLevel !== null && (
        <p className="notice" role="status">
          {graph.nodes.length.toLocaleString('en')} nodes are too many to draw: showing the {shown.toLocaleString('en')}{' '}
          within {maxLevel} hop(s). Lower the depth, choose one direction or turn field level off to see the rest.
        </p>
      )}
    </>
  );
}

export function LineagePage({ id }: { id: string }) {
  const c = useControls();
  const [zoom, setZoom] = useState(1);
  const { data, error, loading } = useQuery<{ lineage: LineageGraph; lineageDrift: Drift[] }>(LINEAGE, {
    id,
    direction: c.direction,
    depth: c.depth,
    fieldLevel: c.fieldLevel,
  });
  const graph = data?.lineage;
  const { shown, maxLevel, edges } = useMemo(() => {
    if (!graph) return { shown: [], maxLevel: null, edges: [] };
    const within = withinBudget(graph.nodes, RENDER_LIMIT);
    const ids = new Set(within.shown.map((n) => n.id));
    return {
      ...within,
      edges: within.maxLevel === null ? graph.edges : graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to)),
    };
  }, [graph]);
  return (
    <div className="lineage">
      <h1>
        Lineage of <Link href={productHref(id)}>{id}</Link>
      </h1>
      <Controls c={c} zoom={zoom} setZoom={setZoom} />
      <Legend />
      {error && <ErrorBox error={error} />}
      {loading && <Loading what="lineage" />}
      {graph && (
        <>
          <Notices graph={graph} shown={shown.length} maxLevel={maxLevel} />
          <div className="graph-scroll" tabIndex={0} role="region" aria-label="Lineage graph (scrolls)">
            <LineageSvg nodes={shown} edges={edges} root={graph.root} drift={data.lineageDrift} zoom={zoom} />
          </div>
        </>
      )}
    </div>
  );
}
