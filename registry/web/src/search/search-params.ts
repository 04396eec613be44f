import type { FacetName } from '../api/types';

/**
 * The search in the address bar, so a search can be shared:
 * `/?q=<text>&domain=…&tag=…&owner=…&classification=…&status=…&tier=…&sla=…&sort=…`.
 * A facet may repeat (alternatives); enum values are written in lower case.
 */
export interface FacetSpec {
  name: FacetName;
  param: string;
  label: string;
  /** Enum facets: the URL says `at_risk`, GraphQL `AT_RISK`. */
  enumValues: boolean;
}

export const FACETS: FacetSpec[] = [
  { name: 'domain', param: 'domain', label: 'Domain', enumValues: false },
  { name: 'tag', param: 'tag', label: 'Tag', enumValues: false },
  { name: 'owner', param: 'owner', label: 'Owner', enumValues: false },
  { name: 'classification', param: 'classification', label: 'Classification', enumValues: true },
  { name: 'status', param: 'status', label: 'Status', enumValues: true },
  { name: 'tier', param: 'tier', label: 'Tier', enumValues: true },
  { name: 'slaStatus', param: 'sla', label: 'SLA status', enumValues: true },
];

export const SORTS = ['RELEVANCE', 'MOST_CONSUMED', 'NAME', 'RECENTLY_PUBLISHED'] as const;

/** GraphQL variables of the search the URL describes; no words lists products most consumed first. */
export function searchVariables(params: URLSearchParams) {
  const query = params.get('q')?.trim() ?? '';
  const filter: Record<string, string[]> = {};
  for (const facet of FACETS) {
    const values = params.getAll(facet.param).filter(Boolean);
    if (values.length) filter[facet.name] = facet.enumValues ? values.map((v) => v.toUpperCase()) : values;
  }
  const sortParam = params.get('sort')?.toUpperCase();
  const sort = SORTS.find((s) => s === sortParam) ?? (query ? 'RELEVANCE' : 'MOST_CONSUMED');
  return { ...(query && { query }), filter, sort, first: 20 };
}

/** The URL value of a facet value as the API counts it. */
export const paramValue = (facet: FacetSpec, value: string) => (facet.enumValues ? value.toLowerCase() : value);

/** `/?…` with one facet value switched on or off, the rest kept. */
export function toggled(params: URLSearchParams, facet: FacetSpec, value: string): string {
  const next = new URLSearchParams(params);
  const current = next.getAll(facet.param);
  next.delete(facet.param);
  const v = paramValue(facet, value);
  for (const kept of current.includes(v) ? current.filter((c) => c !== v) : [...current, v])
    next.append(facet.param, kept);
  return searchHref(next);
}

export function searchHref(params: URLSearchParams): string {
  const text = params.toString();
  return text ? `/?${text}` : '/';
}
