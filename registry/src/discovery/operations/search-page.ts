import type { EntityManager } from 'typeorm';
import { worstSlaStatus } from '../index/sla-masks.js';
import type { SearchSort } from '../search/search-cursor.js';
import type { Highlighted, SearchHit, SearchRequest, SearchSection } from '../search/search-request.js';
import { escapeLike, type SearchText } from '../search/search-text.js';
import { Params, searchConditions, slaFactor, slaMaskAt, tsQuery, whereClause } from './search-conditions.js';
import { wordKey } from './write-search-rows.js';

/** Weights of the document's parts for ts_rank ({D fields, C description, B tags, A name/title}). */
const WEIGHTS = `'{0.05, 0.2, 0.5, 1.0}'`;
/** Marks around matched words in ts_headline; removed from the texts first so they cannot be forged. */
const [OPEN, CLOSE] = ['⟦', '⟧'];

interface Order {
  key: string;
  descending: boolean;
  /** The cursor's key as SQL of the same type as `key`. */
  cursor: (param: string) => string;
}

/** Each sort order's key: relevance is the text's weighted rank (if any) × quality × SLA now; the others have b-trees. */
function order(sort: SearchSort, params: Params, req: SearchRequest, now: string): Order {
  if (sort === 'name') return { key: 'p.name', descending: false, cursor: (k) => `${k}::text` };
  if (sort === 'recent')
    return {
      key: `(extract(epoch FROM p.published_at) * 1000000)::bigint`,
      descending: true,
      cursor: (k) => `${k}::bigint`,
    };
  if (sort === 'consumed') return { key: 'p.consumers', descending: true, cursor: (k) => `${k}::int` };
  const rank = req.text
    ? `ts_rank(${WEIGHTS}, p.document, ${tsQuery(params, req.text)})::float8 * ${nameBonus(params, req.text)} * `
    : '';
  return {
    key: `(${rank}p.quality::float8 * ${slaFactor(slaMaskAt(now))}::float8)`,
    descending: true,
    cursor: (k) => `${k}::float8`,
  };
}

/**
 * A product whose name or title is exactly the words searched for (stemmed:
 * "campaign" is "Campaigns") counts double, one in the domain named half as
 * much again; as typed, a one-word name starting with the one word typed also
 * counts double ("ord" → orders before order-lines).
 */
function nameBonus(params: Params, text: SearchText): string {
  const key = wordKey(`${params.add(text.terms.join(' '))}::text`);
  const typing = text.prefix && text.terms.length === 1;
  const prefix = typing
    ? ` OR (p.name_key LIKE ${params.add(`${escapeLike(text.terms[0])}%`)} ESCAPE '\\' AND p.name_key NOT LIKE '% %')`
    : '';
  return `(CASE WHEN p.name_key = ${key} OR p.title_key = ${key}${prefix} THEN 2 ELSE 1 END * CASE WHEN p.domain_key = ${key} THEN 1.5 ELSE 1 END)::float8`;
}

/** Which parts matched any word, and the title and description with the words marked (for the page's rows only). */
function explain(params: Params, req: SearchRequest): string {
  if (!req.text) return '';
  const any = tsQuery(params, req.text, '|');
  const part = (w: string, name: SearchSection) =>
    `CASE WHEN ts_filter(p.document, '{${w}}') @@ ${any} THEN '${name}' END`;
  const clean = (column: string) => `replace(replace(${column}, '${OPEN}', ''), '${CLOSE}', '')`;
  const marks = `StartSel=${OPEN}, StopSel=${CLOSE}`;
  return `, array_remove(ARRAY[${part('a', 'name')}, ${part('b', 'tags')}, ${part('c', 'description')}, ${part('d', 'fields')}], NULL) AS sections,
    ts_headline('english', ${clean('p.title')}, ${any}, 'HighlightAll=true, ${marks}') AS title_marked,
    ts_headline('english', ${clean('p.description')}, ${any}, 'MaxFragments=2, MinWords=6, MaxWords=24, FragmentDelimiter=" … ", ${marks}') AS description_marked`;
}

/**
 * One page of hits in the request's order, after its cursor: the keys and ids
 * first (only the page's rows are then read whole and explained).
 */
export async function searchPage(tx: EntityManager, req: SearchRequest): Promise<{ hits: SearchHit[]; more: boolean }> {
  const params = new Params();
  const now = params.add(req.now.toISOString());
  const o = order(req.sort, params, req, now);
  const where = searchConditions(params, req.text, req.filter, () => now);
  if (req.after) {
    const [k, id] = [o.cursor(params.add(req.after.key)), params.add(req.after.id)];
    where.push(`(${o.key} ${o.descending ? '<' : '>'} ${k} OR (${o.key} = ${k} AND p.product_id > ${id}))`);
  }
  const dir = o.descending ? 'DESC' : 'ASC';
  const rows: Row[] = await tx.query(
    `WITH hits AS (
       SELECT p.product_id, ${o.key} AS key FROM search_products p ${whereClause(where)}
        ORDER BY key ${dir}, p.product_id LIMIT ${req.first + 1})
     SELECT p.product_id, p.domain, p.name, p.title, p.description, p.owner_team, p.owner_email, p.tags,
            p.classification, p.tier, p.latest_version, p.status, p.consumers, p.published_at, h.key,
            ${slaMaskAt(now)} AS mask ${explain(params, req)}
       FROM hits h JOIN search_products p USING (product_id)
      ORDER BY h.key ${dir}, h.product_id`,
    params.values,
  );
  return { hits: rows.slice(0, req.first).map((r) => toHit(r, req.sort)), more: rows.length > req.first };
}

interface Row {
  product_id: string;
  domain: string;
  name: string;
  title: string;
  description: string;
  owner_team: string;
  owner_email: string;
  tags: string[];
  classification: string;
  tier: string;
  latest_version: string;
  status: SearchHit['product']['status'];
  consumers: number;
  published_at: Date;
  key: string | number;
  mask: number;
  sections?: SearchSection[];
  title_marked?: string;
  description_marked?: string;
}

/** `a ⟦b⟧ c` → [a ][b][ c] with b marked. */
export function fragments(marked: string): Highlighted {
  return marked
    .split(new RegExp(`(${OPEN}[^${CLOSE}]*${CLOSE})`))
    .filter(Boolean)
    .map((part) =>
      part.startsWith(OPEN) ? { text: part.slice(1, -1), matched: true } : { text: part, matched: false },
    );
}

function toHit(r: Row, sort: SearchSort): SearchHit {
  const key = sort === 'name' ? String(r.key) : Number(r.key);
  return {
    product: {
      id: r.product_id,
      domain: r.domain,
      name: r.name,
      title: r.title,
      description: r.description,
      owner: { team: r.owner_team, email: r.owner_email },
      tags: r.tags,
      classification: r.classification,
      tier: r.tier,
      latestVersion: r.latest_version,
      status: r.status,
      slaStatus: worstSlaStatus(r.mask),
      consumers: r.consumers,
      publishedAt: new Date(r.published_at),
    },
    cursor: { sort, key, id: r.product_id },
    score: sort === 'relevance' ? Number(r.key) : 0,
    sections: r.sections ?? [],
    highlights: [
      ...(r.title_marked ? [{ section: 'title' as const, fragments: fragments(r.title_marked) }] : []),
      ...(r.description_marked
        ? [{ section: 'description' as const, fragments: fragments(r.description_marked) }]
        : []),
    ],
  };
}
