import type { EntityManager } from 'typeorm';
import { SLA_BITS } from '../index/sla-masks.js';
import type { Facets, SearchFilter } from '../search/search-request.js';
import type { SearchText } from '../search/search-text.js';
import { Params, searchConditions, slaMaskAt, whereClause } from './search-conditions.js';

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

/**
 * Counts per value of every facet over the matches of every filter (the
 * service makes them disjunctive, search.service.ts), and the matches' total,
 * in one pass without ranking: the matches' facet columns, grouped by each
 * facet at once (SLA statuses counted in the same pass), and once more per tag. A product counts once per facet; under `tag` and
 * `slaStatus` once per tag and per status its ports are in.
 */
export async function searchFacets(
  tx: EntityManager,
  text: SearchText | undefined,
  filter: SearchFilter,
  now: Date,
): Promise<{ total: number; facets: Facets }> {
  const params = new Params();
  const at = params.add(now.toISOString());
  const where = searchConditions(params, text, filter, () => at);
  const sla = Object.entries(SLA_BITS).map(([s, bit]) => `count(*) FILTER (WHERE mask & ${bit} <> 0)::int AS "${s}"`);
  const rows: FacetRow[] = await tx.query(
    `WITH m AS MATERIALIZED (
       SELECT p.domain, p.owner_team, p.classification, p.tier, p.status, p.tags, ${slaMaskAt(at)} AS mask
         FROM search_products p ${whereClause(where)})
     SELECT CASE WHEN grouping(domain) = 0 THEN 'domain' WHEN grouping(owner_team) = 0 THEN 'owner'
                 WHEN grouping(classification) = 0 THEN 'classification' WHEN grouping(tier) = 0 THEN 'tier'
                 WHEN grouping(status) = 0 THEN 'status' ELSE 'total' END AS facet,
            coalesce(domain, owner_team, classification, tier, status) AS value, count(*)::int AS count,
            ${sla.join(', ')}
       FROM m GROUP BY GROUPING SETS ((domain), (owner_team), (classification), (tier), (status), ())
     UNION ALL SELECT 'tag', tag, count(*)::int, 0, 0, 0, 0 FROM m, unnest(m.tags) tag GROUP BY tag`,
    params.values,
  );
  const facets = { domain: [], tag: [], owner: [], classification: [], status: [], tier: [], slaStatus: [] } as Facets;
  let total = 0;
  for (const r of rows) {
    if (r.facet !== 'total') facets[r.facet as keyof Facets].push({ value: r.value!, count: r.count });
    else {
      total = r.count;
      for (const s of Object.keys(SLA_BITS) as (keyof typeof SLA_BITS)[])
        if (r[s] > 0) facets.slaStatus.push({ value: s, count: r[s] });
    }
  }
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return { total, facets };
}
