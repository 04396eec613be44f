import { RequestError } from '../../common/registry-error.js';

/** Search text longer than this is refused before any work (a 20,000-word text once ran 40 s). */
export const MAX_QUERY_LENGTH = 200;
/** Words a search may have; every word must match, so more only narrow an already empty answer. */
export const MAX_QUERY_TERMS = 10;

/** What the text asks for: every word must match; the last one also as a prefix (as typed in a search box). */
export interface SearchText {
  terms: string[];
  prefix: boolean;
}

/**
 * Words of a search text, lower case, keeping what names and fields are made
 * of (letters, digits, `_`, `.`, `-`); `/` and `#` of identifiers separate words.
 * Refuses a text over the length or word limit, naming the limit.
 */
export function parseSearchText(text: string | undefined | null, where = 'query'): SearchText | undefined {
  if (text === undefined || text === null) return undefined;
  if (text.length > MAX_QUERY_LENGTH) {
    throw new RequestError(
      'BAD_REQUEST',
      `the search text is ${text.length} characters long; the limit is ${MAX_QUERY_LENGTH}`,
      [
        {
          code: 'QUERY_TOO_LONG',
          path: where,
          message: `at most ${MAX_QUERY_LENGTH} characters`,
          fix: 'search with fewer, more specific words, or use filters',
        },
      ],
    );
  }
  const raw = text.split(/[\s/#]+/).filter(Boolean);
  if (raw.length > MAX_QUERY_TERMS) {
    throw new RequestError('BAD_REQUEST', `the search text has ${raw.length} words; the limit is ${MAX_QUERY_TERMS}`, [
      {
        code: 'QUERY_TOO_MANY_TERMS',
        path: where,
        message: `at most ${MAX_QUERY_TERMS} words`,
        fix: 'every word must match: keep the ones that matter, or use filters',
      },
    ]);
  }
  const terms = raw
    .map((w) =>
      w
        .toLowerCase()
        .replace(/[^\p{L}\p{N}_.-]+/gu, '')
        .replace(/^[_.-]+|[_.-]+$/g, ''),
    )
    .filter(Boolean);
  return terms.length ? { terms: [...new Set(terms)], prefix: /[\p{L}\p{N}]$/u.test(text) } : undefined;
}

/**
 * The text as a to_tsquery expression: every word (`&`), or any word (`|`, to
 * say which parts of a hit matched). Words are quoted, so PostgreSQL's parser
 * splits `customer_id` into a phrase; the last word of two letters or more is
 * also a prefix (`'ord':*`).
 */
export function tsQueryText(text: SearchText, join: '&' | '|' = '&'): string {
  return text.terms
    .map((t, k) => `'${t}'${text.prefix && k === text.terms.length - 1 && t.length > 1 ? ':*' : ''}`)
    .join(` ${join} `);
}

/** `\`, `%` and `_` taken literally in a LIKE pattern (with ESCAPE '\'). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
