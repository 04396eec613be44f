import type { FacetCount, SearchResult } from '../api/types';
import { navigate } from '../router';
import { words } from '../ui/common';
import { FACETS, paramValue, toggled, type FacetSpec } from './search-params';

function FacetGroup({ facet, counts, params }: { facet: FacetSpec; counts: FacetCount[]; params: URLSearchParams }) {
  const chosen = params.getAll(facet.param);
  const values = [...counts];
  for (const value of chosen)
    if (!values.some((c) => paramValue(facet, c.value) === value)) values.push({ value, count: 0 });
  if (!values.length) return null;
  return (
    <fieldset className="facet">
      <legend>{facet.label}</legend>
      {values.map((c) => {
        const id = `facet-${facet.param}-${c.value}`;
        return (
          <div key={c.value} className="facet-value">
            <input
              type="checkbox"
              id={id}
              checked={chosen.includes(paramValue(facet, c.value))}
              onChange={() => navigate(toggled(params, facet, c.value), { replace: true })}
            />
            <label htmlFor={id}>
              {facet.enumValues ? words(c.value) : c.value} <span className="muted">({c.count})</span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** Counts per facet value (the same words and every filter but the facet's own); a checked box adds the value to the address. */
export function Facets({ facets, params }: { facets?: SearchResult['search']['facets']; params: URLSearchParams }) {
  return (
    <aside className="facets" aria-label="Filters">
      {FACETS.map((facet) => (
        <FacetGroup key={facet.param} facet={facet} counts={facets?.[facet.name] ?? []} params={params} />
      ))}
    </aside>
  );
}
