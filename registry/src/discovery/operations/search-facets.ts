import type { EntityManager } from 'typeorm';
import { SLA_BITS } from '../index/sla-masks.js';
import type { Facets, SearchFilter } from '../search/search-request.js';
import type { SearchText } from '../search/search-text.js';
import {
  FACET_FILTERS,
  Params,
  baseConditions,
  facetConditions,
  searchConditions,
  slaMaskAt,
  whereClause,
  type FacetFilter,
} from './search-conditions.js';

/** Matches of a search (no ranking, no ordering). */
export async function searchCount(
  tx: EntityManager,
  text: SearchText | undefined,
  filter: SearchFilter,
  now: Date,
): Promise<number> {
  const params = new Params();
  let at: string | undefined;
  const where = searchConditions(params, text, filter, () => (at ??= params.add(now.toISOString())));
  const [{ count }] = await tx.query(
    `SELECT count(*)::int AS count FROM search_products p ${whereClause(where)}`,
    params.values,
  );
  return count;
}

interface FacetRow extends Record<keyof typeof SLA_BITS, number> {
  facet: string;
  value: string | null;
  count: number;
}

/** The facet that counts by each search_products column (tag and slaStatus are counted apart). */
const COLUMNS: [Exclude<FacetFilter, 'tag' | 'slaStatus'>, string][] = [
  ['domain', 'domain'],
  ['owner', 'owner_team'],
  ['classification', 'classification'],
  ['tier', 'tier'],
  ['status', 'status'],
];

/**
 * Counts per value of every facet, and the matches' total, in one pass
 * without ranking. Each facet counts the matches of every filter but its
 * own (disjunctive facets): with `domain: marketing` picked, the domain facet
 * still lists the other domains with what picking them too would add, while
 * every other facet counts marketing's matches only. The candidate rows (the
 * words and the has-field filter) are read once, each facet filter becomes a
 * flag on them, and each count leaves out its own flag. A product counts once
 * per facet; under `tag` and `slaStatus` once per tag and per status its
 * ports are in.
 */
export async function searchFacets(
  tx: EntityManager,
  text: SearchText | undefined,
  filter: SearchFilter,
  now: Date,
): Promise<{ total: number; facets: Facets }> {
  const params = new Params();
  const at = params.add(now.toISOString());
  const base = baseConditions(params, text, filter);
  const own = facetConditions(params, filter, () => at);
  const set = FACET_FILTERS.filter((f) => own[f]);
  const flags = set.map((f) => `(${own[f]}) AS "f_${f}"`);
  /** Rows that pass every set filter but `facet`'s own. */
  const passing = (facet?: FacetFilter) =>
    set
      .filter((f) => f !== facet)
      .map((f) => `"f_${f}"`)
      .join(' AND ') || 'true';
  const counted = (facet?: FacetFilter) => `count(*) FILTER (WHERE ${passing(facet)})::int`;
  const sla = Object.entries(SLA_BITS).map(
    ([s, bit]) => `count(*) FILTER (WHERE mask & ${bit} <> 0 AND ${passing('slaStatus')})::int AS "${s}"`,
  );
  const rows: FacetRow[] = await tx.query(
    `WITH m AS MATERIALIZED (
       SELECT p.domain, p.owner_team, p.classification, p.tier, p.status, p.tags, ${slaMaskAt(at)} AS mask
              ${flags.map((f) => `, ${f}`).join('')}
         FROM search_products p ${whereClause(base)})
     SELECT CASE ${COLUMNS.map(([facet, column]) => `WHEN grouping(${column}) = 0 THEN '${facet}'`).join(' ')}
                 ELSE 'total' END AS facet,
            coalesce(${COLUMNS.map(([, column]) => column).join(', ')}) AS value,
            CASE ${COLUMNS.map(([facet, column]) => `WHEN grouping(${column}) = 0 THEN ${counted(facet)}`).join(' ')}
                 ELSE ${counted()} END AS count,
            ${sla.join(', ')}
       FROM m GROUP BY GROUPING SETS (${COLUMNS.map(([, column]) => `(${column})`).join(', ')}, ())
     UNION ALL SELECT 'tag', tag, count(*)::int, 0, 0, 0, 0 FROM m, unnest(m.tags) tag
                WHERE ${passing('tag')} GROUP BY tag`,
    params.values,
  );
  const facets = { domain: [], tag: [], owner: [], classification: [], status: [], tier: [], slaStatus: [] } as Facets;
  let total = 0;
  for (const r of rows) {
    if (r.facet !== 'total') {
      // A value seen among the candidates that the other filters leave no match of.
      if (r.count > 0) facets[r.facet as keyof Facets].push({ value: r.value!, count: r.count });
    } else {
      total = r.count;
      for (const s of Object.keys(SLA_BITS) as (keyof typeof SLA_BITS)[])
        if (r[s] > 0) facets.slaStatus.push({ value: s, count: r[s] });
    }
  }
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return { total, facets };
}
