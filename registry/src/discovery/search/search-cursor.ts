import { RequestError } from '../../common/registry-error.js';

export const SEARCH_SORTS = ['relevance', 'name', 'recent', 'consumed'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * A position in a result list: the sort key of a hit and its id. The next page
 * starts after it whatever was published or removed meanwhile (keyset
 * pagination: nothing is skipped or repeated for rows that did not change).
 */
export interface SearchCursor {
  sort: SearchSort;
  /** The sort value: a score, a name, a time (µs) or a consumer count. */
  key: number | string;
  id: string;
  /** Relevance only: 2 past the ranked window, where hits follow by quality (`key` is then the quality). */
  phase?: 2;
}

export function encodeSearchCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.key, c.id, ...(c.phase ? [c.phase] : [])])).toString('base64url');
}

function invalid(cursor: string, why: string): RequestError {
  return new RequestError('BAD_REQUEST', `"${cursor.slice(0, 40)}" is not a search cursor: ${why}`, [
    {
      code: 'CURSOR_INVALID',
      path: 'after',
      message: why,
      fix: 'pass endCursor (or a hit’s cursor) from a search with the same sort order',
    },
  ]);
}

export function decodeSearchCursor(cursor: string, sort: SearchSort): SearchCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    throw invalid(cursor, 'not one this API wrote');
  }
  if (!Array.isArray(value) || value.length < 3 || value.length > 4 || typeof value[2] !== 'string')
    throw invalid(cursor, 'not one this API wrote');
  const [from, key, id, phase] = value as [string, unknown, string, unknown];
  if (phase !== undefined && (phase !== 2 || from !== 'relevance')) throw invalid(cursor, 'not one this API wrote');
  if (from !== sort) throw invalid(cursor, `it is from a search sorted by ${from}, this one is sorted by ${sort}`);
  if (typeof key !== (sort === 'name' ? 'string' : 'number') || (typeof key === 'number' && !Number.isFinite(key)))
    throw invalid(cursor, 'not one this API wrote');
  return { sort, key: key as number | string, id, ...(phase === 2 && { phase: 2 as const }) };
}
