import type { EntityManager } from 'typeorm';
import { searchDetails } from '../operations/search-details.js';
import { orderedPage, relevanceTail, relevanceWindow, type Keyed } from '../operations/search-keys.js';
import type { SearchCursor } from './search-cursor.js';
import type { SearchHit, SearchRequest } from './search-request.js';

type Placed = Keyed & { phase?: 2 };

/**
 * Up to `need` hits of a relevance search after the cursor: first the ranked
 * window (every match, when at most WINDOW match), then the other matches by
 * quality. Each match appears once, on one page.
 */
async function relevanceHits(tx: EntityManager, req: SearchRequest, need: number): Promise<Placed[]> {
  const window = await relevanceWindow(tx, req);
  const after = req.after;
  const ranked =
    after?.phase === 2
      ? []
      : after
        ? window.hits.filter((h) => Number(h.key) < Number(after.key) || (h.key === after.key && h.id > after.id))
        : window.hits;
  const out: Placed[] = ranked.slice(0, need);
  if (out.length < need && window.boundary) {
    const tail = await relevanceTail(tx, req, window, need - out.length, after?.phase === 2 ? after : undefined);
    out.push(...tail.map((k) => ({ ...k, phase: 2 as const })));
  }
  return out;
}

/** One page of hits in the request's order, after its cursor, with why each matched. */
export async function searchPage(tx: EntityManager, req: SearchRequest): Promise<{ hits: SearchHit[]; more: boolean }> {
  const need = req.first + 1;
  const placed: Placed[] =
    req.sort === 'relevance'
      ? await relevanceHits(tx, req, need)
      : await orderedPage(tx, req as SearchRequest & { sort: Exclude<SearchRequest['sort'], 'relevance'> }, need);
  const page = placed.slice(0, req.first);
  const details = new Map(
    (
      await searchDetails(
        tx,
        page.map((p) => p.id),
        req,
      )
    ).map((d) => [d.product.id, d]),
  );
  const hits = page.flatMap((p) => {
    const d = details.get(p.id);
    if (!d) return []; // removed since its key was read
    const cursor: SearchCursor = { sort: req.sort, key: p.key, id: p.id, ...(p.phase && { phase: p.phase }) };
    return [{ ...d, cursor, score: req.sort === 'relevance' ? Number(p.key) : 0 }];
  });
  return { hits, more: placed.length > req.first };
}
