import type { EntityManager } from 'typeorm';
import type { SearchCursor, SearchSort } from '../search/search-cursor.js';
import type { SearchRequest } from '../search/search-request.js';
import { escapeLike, type SearchText } from '../search/search-text.js';
import { Params, matchQuery, searchConditions, slaFactor, slaMaskAt, whereClause } from './search-conditions.js';
import { wordKey } from './write-search-rows.js';

/** Products ranked exactly per query: the best this many by quality, by quality among name matches, and exact names. */
export const WINDOW = 40;
/** Weights of the document's parts for ts_rank ({D fields, C description, B tags, A name/title}). */
const WEIGHTS = `'{0.05, 0.2, 0.5, 1.0}'`;

/**
 * Up to this many matches, a page sorts them all (the match index finds them,
 * a top-N sort orders them); beyond it, reading an order's b-tree and keeping
 * matches stops after a few dozen rows. Reading the b-tree for rare matches
 * would read most of it: at 100,000 products, 20 matches cost 5 s that way.
 */
export const SORT_ALL_UP_TO = 2000;
/** Above this many matches the window leaves out the best by quality among name matches (they are then thousands). */
const NAMES_UP_TO = 10_000;

/** `column` as an ORDER BY key: itself (its b-tree may be read in order) or an expression no index has (sort the matches). */
const orderKey = (column: string, total: number | undefined, cast: string) =>
  total !== undefined && total <= SORT_ALL_UP_TO ? (cast === 'text' ? `(${column} || '')` : `(${column} + 0)`) : column;

/** A hit's place in its order. */
export interface Keyed {
  id: string;
  key: number | string;
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
  const like = typing ? params.add(`${escapeLike(text.terms[0])}%`) : '';
  const prefix = typing ? ` OR (p.name_key LIKE ${like} ESCAPE '\\' AND p.name_key NOT LIKE '% %')` : '';
  return `(CASE WHEN p.name_key = ${key} OR p.title_key = ${key}${prefix} THEN 2 ELSE 1 END * CASE WHEN p.domain_key = ${key} THEN 1.5 ELSE 1 END)::float8`;
}

/** Name, title or domain are exactly the words (three b-trees answer it). */
function exactName(params: Params, text: SearchText): string {
  const key = wordKey(`${params.add(text.terms.join(' '))}::text`);
  return `(p.name_key = ${key} OR p.title_key = ${key} OR p.domain_key = ${key})`;
}

/** The relevance score: the words' weighted rank (if any) × name bonus × quality × SLA now. */
function relevance(params: Params, text: SearchText | undefined, now: string): string {
  const rank = text
    ? `ts_rank(${WEIGHTS}, d.document, ${matchQuery(params, text)})::float8 * ${nameBonus(params, text)} * `
    : '';
  return `(${rank}p.quality::float8 * ${slaFactor(slaMaskAt(now))}::float8)`;
}

export interface Window {
  /** Ranked, best first. */
  hits: Keyed[];
  /** When more products match than the window holds: the last of the best WINDOW by quality (the tail starts after it). */
  boundary?: { quality: number; id: string };
}

/**
 * The ranked window of a relevance search: the best WINDOW matches by
 * quality, the best WINDOW by quality whose name or title has the words (up
 * to NAMES_UP_TO matches), and exact names, each read in a b-tree's order or
 * sorted, whichever reads fewer rows (so a word in 60,000 products reads a few
 * hundred), then ranked by the full score.
 */
export async function relevanceWindow(tx: EntityManager, req: SearchRequest): Promise<Window> {
  const params = new Params();
  const now = params.add(req.now.toISOString());
  const where = searchConditions(params, req.text, req.filter, () => now);
  const size = req.window ?? WINDOW;
  // Name and exact-name matches are few: always sorted; the best by quality read in b-tree order when many match.
  const best = (extra: string, total?: number) =>
    `SELECT p.product_id, p.quality FROM search_products p ${whereClause([...where, ...(extra ? [extra] : [])])}
      ORDER BY ${orderKey('p.quality', total, 'float8')} DESC, p.product_id LIMIT ${size}`;
  const names =
    req.text && (req.total ?? 0) <= NAMES_UP_TO
      ? `UNION SELECT product_id FROM (${best(`p.head @@ ${matchQuery(params, req.text)}`, 0)}) n`
      : '';
  const named = req.text ? `${names} UNION SELECT product_id FROM (${best(exactName(params, req.text), 0)}) e` : '';
  const rows: { product_id: string; key: number; bq: number | null; bid: string | null; full: boolean }[] =
    await tx.query(
      `WITH byq AS (${best('', req.total)}),
            ids AS (SELECT product_id FROM byq ${named}),
            edge AS (SELECT quality, product_id, (SELECT count(*) FROM byq) = ${size} AS full FROM byq ORDER BY quality, product_id DESC LIMIT 1)
       SELECT i.product_id, ${relevance(params, req.text, now)} AS key, edge.quality AS bq, edge.product_id AS bid, edge.full
         FROM ids i JOIN search_products p USING (product_id) JOIN search_documents d USING (product_id) LEFT JOIN edge ON true
        ORDER BY key DESC, i.product_id`,
      params.values,
    );
  const edge = rows[0];
  return {
    hits: rows.map((r) => ({ id: r.product_id, key: Number(r.key) })),
    ...(edge?.full && { boundary: { quality: Number(edge.bq), id: edge.bid! } }),
  };
}

/** The matches after the window, by quality (and id), skipping those the window ranked. */
export async function relevanceTail(
  tx: EntityManager,
  req: SearchRequest,
  window: Window,
  limit: number,
  after?: SearchCursor,
): Promise<Keyed[]> {
  const params = new Params();
  const where = searchConditions(params, req.text, req.filter, () => params.add(req.now.toISOString()));
  const from = after?.phase === 2 ? { quality: Number(after.key), id: after.id } : window.boundary!;
  const [q, id] = [params.add(from.quality), params.add(from.id)];
  where.push(`(p.quality < ${q}::real OR (p.quality = ${q}::real AND p.product_id > ${id}))`);
  where.push(`p.product_id <> ALL(${params.add(window.hits.map((h) => h.id))}::text[])`);
  const rows: { product_id: string; quality: number }[] = await tx.query(
    `SELECT p.product_id, p.quality FROM search_products p ${whereClause(where)}
      ORDER BY ${orderKey('p.quality', req.total, 'float8')} DESC, p.product_id LIMIT ${limit}`,
    params.values,
  );
  return rows.map((r) => ({ id: r.product_id, key: Number(r.quality) }));
}

/** Keys of the other orders: name, recency (µs since the epoch) or consumers, each with its b-tree. */
const ORDERS: Record<Exclude<SearchSort, 'relevance'>, { key: string; descending: boolean; cast: string }> = {
  name: { key: 'p.name', descending: false, cast: 'text' },
  recent: { key: '(extract(epoch FROM p.published_at) * 1000000)::bigint', descending: true, cast: 'bigint' },
  consumed: { key: 'p.consumers', descending: true, cast: 'int' },
};

/** One page in name, recency or consumer order, after the cursor. */
export async function orderedPage(
  tx: EntityManager,
  req: SearchRequest & { sort: Exclude<SearchSort, 'relevance'> },
  limit: number,
): Promise<Keyed[]> {
  const o = ORDERS[req.sort];
  const params = new Params();
  const where = searchConditions(params, req.text, req.filter, () => params.add(req.now.toISOString()));
  if (req.after) {
    const [k, id] = [`${params.add(req.after.key)}::${o.cast}`, params.add(req.after.id)];
    where.push(`(${o.key} ${o.descending ? '<' : '>'} ${k} OR (${o.key} = ${k} AND p.product_id > ${id}))`);
  }
  const rows: { product_id: string; key: string | number }[] = await tx.query(
    `SELECT p.product_id, ${o.key} AS key FROM search_products p ${whereClause(where)}
      ORDER BY ${orderKey(o.key, req.total, o.cast)} ${o.descending ? 'DESC' : 'ASC'}, p.product_id LIMIT ${limit}`,
    params.values,
  );
  return rows.map((r) => ({ id: r.product_id, key: req.sort === 'name' ? String(r.key) : Number(r.key) }));
}
