import type { EntityManager } from 'typeorm';
import { worstSlaStatus } from '../index/sla-masks.js';
import type { Highlighted, SearchRecord, SearchRequest, SearchSection } from '../search/search-request.js';
import type { SearchText } from '../search/search-text.js';
import type { SearchRow } from '../index/search-row.js';
import { Params, slaMaskAt, tsQuery } from './search-conditions.js';

/** Marks around matched words in ts_headline; removed from the texts first so they cannot be forged. */
const [OPEN, CLOSE] = ['⟦', '⟧'];

export interface HitDetails {
  product: SearchRecord;
  sections: SearchSection[];
  highlights: { section: 'title' | 'description'; fragments: Highlighted }[];
}

/** Which parts of the document have any word, and the title and description with the words marked. */
function explain(params: Params, text: SearchText | undefined): string {
  if (!text) return '';
  const any = tsQuery(params, text, '|');
  const part = (w: string, name: SearchSection) =>
    `CASE WHEN ts_filter(d.document, '{${w}}') @@ ${any} THEN '${name}' END`;
  const clean = (column: string) => `replace(replace(${column}, '${OPEN}', ''), '${CLOSE}', '')`;
  const marks = `StartSel=${OPEN}, StopSel=${CLOSE}`;
  return `, array_remove(ARRAY[${part('a', 'name')}, ${part('b', 'tags')}, ${part('c', 'description')}, ${part('d', 'fields')}], NULL) AS sections,
    ts_headline('english', ${clean('p.title')}, ${any}, 'HighlightAll=true, ${marks}') AS title_marked,
    ts_headline('english', ${clean('d.description')}, ${any}, 'MaxFragments=2, MinWords=6, MaxWords=24, FragmentDelimiter=" … ", ${marks}') AS description_marked`;
}

/** The page's products whole, in the given order, with why each matched (only these rows read their document). */
export async function searchDetails(
  tx: EntityManager,
  ids: readonly string[],
  req: Pick<SearchRequest, 'text' | 'now'>,
): Promise<HitDetails[]> {
  if (!ids.length) return [];
  const params = new Params();
  const [list, now] = [params.add(ids), params.add(req.now.toISOString())];
  const rows: Row[] = await tx.query(
    `SELECT p.product_id, p.domain, p.name, p.title, d.description, p.owner_team, p.owner_email, p.tags,
            p.classification, p.tier, p.latest_version, p.status, p.consumers, p.published_at,
            ${slaMaskAt(now)} AS mask ${explain(params, req.text)}
       FROM unnest(${list}::text[]) WITH ORDINALITY AS u(id, k)
       JOIN search_products p ON p.product_id = u.id JOIN search_documents d ON d.product_id = u.id
      ORDER BY u.k`,
    params.values,
  );
  return rows.map(toDetails);
}

/** The read model's columns as search_products holds them (search-row.ts), and what this query adds. */
interface Row extends Pick<
  SearchRow,
  | 'product_id'
  | 'domain'
  | 'name'
  | 'title'
  | 'description'
  | 'owner_team'
  | 'owner_email'
  | 'tags'
  | 'classification'
  | 'tier'
  | 'latest_version'
  | 'status'
  | 'consumers'
> {
  published_at: Date;
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

function toDetails(r: Row): HitDetails {
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
    sections: r.sections ?? [],
    highlights: [
      ...(r.title_marked ? [{ section: 'title' as const, fragments: fragments(r.title_marked) }] : []),
      ...(r.description_marked
        ? [{ section: 'description' as const, fragments: fragments(r.description_marked) }]
        : []),
    ],
  };
}
