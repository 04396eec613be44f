import type { EntityManager } from 'typeorm';
import { escapeLike } from '../search/search-text.js';

/**
 * For each word, the vocabulary word most like it (pg_trgm trigram
 * similarity, ties to the word more products have), or the word itself when
 * the vocabulary has it (or, with `prefix`, a word starting with it). Null:
 * nothing is similar enough (pg_trgm.similarity_threshold, 0.3).
 */
export async function similarWords(
  tx: EntityManager,
  terms: readonly string[],
  prefixOfLast: boolean,
): Promise<(string | null)[]> {
  const rows: { term: string; best: string | null }[] = await tx.query(
    `SELECT t.term,
            CASE WHEN EXISTS (SELECT 1 FROM search_words w WHERE w.word = t.term OR (t.prefix AND w.word LIKE t.pattern ESCAPE '\\'))
                 THEN t.term
                 ELSE (SELECT w.word FROM search_words w WHERE w.word % t.term
                        ORDER BY similarity(w.word, t.term) DESC, w.products DESC, w.word LIMIT 1) END AS best
       FROM unnest($1::text[], $2::boolean[], $3::text[]) WITH ORDINALITY AS t(term, prefix, pattern, k)
      ORDER BY t.k`,
    [terms, terms.map((_, k) => prefixOfLast && k === terms.length - 1), terms.map((t) => `${escapeLike(t)}%`)],
  );
  return rows.map((r) => r.best);
}
