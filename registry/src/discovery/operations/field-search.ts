import type { EntityManager } from 'typeorm';
import { escapeLike } from '../search/search-text.js';
import { Params } from './search-conditions.js';

/** How a field matched, best first: its name (or path) is the text, starts with it, looks like it, or its description has the words. */
export const FIELD_MATCHES = ['name', 'prefix', 'similar', 'description'] as const;
export type FieldMatch = (typeof FIELD_MATCHES)[number];

export interface FieldFilter {
  domain?: string[];
  /** x-classification values, e.g. pii. */
  classification?: string[];
  type?: string[];
  required?: boolean;
}

export interface FieldHit {
  product: string;
  port: string;
  path: string;
  type: string | null;
  required: boolean;
  classification: string | null;
  description: string | null;
  match: FieldMatch;
}

/** Where a page starts: after this field of this kind of match. */
export interface FieldPosition {
  match: FieldMatch;
  product: string;
  port: string;
  path: string;
}

/** The condition of each kind of match, on search_fields f; `similar` is asked only when nothing matched by name. */
function matchCondition(kind: FieldMatch, params: Params, text: string): string {
  const lower = text.toLowerCase();
  const like = (pattern: string) => `${params.add(pattern)} ESCAPE '\\'`;
  if (kind === 'name') {
    const p = params.add(lower);
    return `(f.name = ${p} OR f.lpath = ${p})`;
  }
  if (kind === 'prefix') {
    const [p, pattern] = [params.add(lower), like(`${escapeLike(lower)}%`)];
    return `(f.name LIKE ${pattern} OR f.lpath LIKE ${pattern}) AND f.name <> ${p} AND f.lpath <> ${p}`;
  }
  if (kind === 'similar')
    // The ten known words most like it (the vocabulary's trigram index), then their fields (the name b-tree).
    return `f.name IN (SELECT w.word FROM search_words w WHERE w.word % ${params.add(lower)}
                        ORDER BY similarity(w.word, ${params.add(lower)}) DESC, w.word LIMIT 10)
            AND f.name NOT LIKE ${like(`${escapeLike(lower)}%`)}`;
  return `f.dvec @@ plainto_tsquery('english', ${params.add(text)}) AND f.name NOT LIKE ${like(`%${escapeLike(lower)}%`)}`;
}

function filterConditions(params: Params, filter: FieldFilter): string[] {
  const where: string[] = [];
  if (filter.domain?.length) where.push(`split_part(f.product_id, '.', 1) = ANY(${params.add(filter.domain)}::text[])`);
  if (filter.classification?.length) where.push(`f.classification = ANY(${params.add(filter.classification)}::text[])`);
  if (filter.type?.length) where.push(`f.type = ANY(${params.add(filter.type)}::text[])`);
  if (filter.required !== undefined) where.push(`f.required = ${params.add(filter.required)}::boolean`);
  return where;
}

/** Up to `limit` fields of one kind of match, in (product, port, path) order, after `after` (same kind). */
export async function fieldMatches(
  tx: EntityManager,
  kind: FieldMatch,
  text: string,
  filter: FieldFilter,
  limit: number,
  after?: FieldPosition,
): Promise<FieldHit[]> {
  const params = new Params();
  const where = [matchCondition(kind, params, text), ...filterConditions(params, filter)];
  if (after)
    where.push(
      `(f.product_id, f.port, f.path) > (${params.add(after.product)}, ${params.add(after.port)}, ${params.add(after.path)})`,
    );
  const rows: (Omit<FieldHit, 'match'> & { product_id: string })[] = await tx.query(
    `SELECT f.product_id, f.port, f.path, f.type, f.required, f.classification, f.description
       FROM search_fields f WHERE ${where.join(' AND ')}
      ORDER BY f.product_id, f.port, f.path LIMIT ${limit}`,
    params.values,
  );
  return rows.map(({ product_id, ...r }) => ({ ...r, product: product_id, match: kind }));
}

/** How many fields match in any way, counted up to `cap` per kind (a common word is in a hundred thousand descriptions). */
export async function fieldMatchCount(
  tx: EntityManager,
  text: string,
  filter: FieldFilter,
  kinds: readonly FieldMatch[],
  cap: number,
): Promise<number> {
  let total = 0;
  for (const kind of kinds) {
    const params = new Params();
    const where = [matchCondition(kind, params, text), ...filterConditions(params, filter)];
    const [{ count }] = await tx.query(
      `SELECT count(*)::int AS count FROM (SELECT 1 FROM search_fields f WHERE ${where.join(' AND ')} LIMIT ${cap + 1}) m`,
      params.values,
    );
    total += count;
    if (total > cap) return cap + 1;
  }
  return total;
}
