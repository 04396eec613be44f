import type { EntityManager } from 'typeorm';
import type { SearchFieldRow, SearchRow } from '../index/search-row.js';

/** The document: name and title weigh most (A), then tags and domain (B), description (C), ports and fields (D). */
export const DOCUMENT_SQL = `setweight(to_tsvector('english', r.a), 'A') || setweight(to_tsvector('english', r.b), 'B')
  || setweight(to_tsvector('english', r.c), 'C') || setweight(to_tsvector('english', r.d), 'D')`;

/**
 * Stemmed, distinct words of a text (hyphens split words), in tsvector order:
 * what an exact search for it has too. Immutable functions only, so with a
 * constant it is folded when the statement is planned.
 */
export const wordKey = (text: string) =>
  `array_to_string(tsvector_to_array(to_tsvector('english', replace(${text}, '-', ' '))), ' ')`;

const COLUMNS = `product_id, domain, name, title, owner_team, owner_email, tags, classification, tier,
  latest_version, status, published_at, consumers, governance, sla_at, sla_masks`;
const RECORD = `jsonb_to_recordset($1::jsonb) AS r(product_id text, domain text, name text, title text, description text,
  owner_team text, owner_email text, tags text[], classification text, tier text, latest_version text, status text,
  published_at timestamptz, consumers integer, governance text, sla_at timestamptz[], sla_masks smallint[], words text[],
  a text, b text, c text, d text, names text)`;
const excluded = (columns: string) =>
  columns
    .split(',')
    .map((c) => `EXCLUDED.${c.trim()}`)
    .join(', ');
const HOT = `${COLUMNS}, name_key, title_key, domain_key, match, head`;
const COLD = 'product_id, description, words, document';

/**
 * Inserts or replaces the rows of many products: the narrow row (with the
 * stripped match and head vectors, no positions) and the document row, both
 * built by PostgreSQL's English configuration.
 */
export async function upsertSearchRows(tx: EntityManager, rows: readonly SearchRow[]): Promise<void> {
  if (!rows.length) return;
  const json = JSON.stringify(rows);
  await tx.query(
    `INSERT INTO search_products (${HOT})
     SELECT ${COLUMNS}, ${wordKey('r.name')}, ${wordKey('r.title')}, ${wordKey('r.domain')},
            strip(to_tsvector('english', concat_ws(' ', r.a, r.b, r.c, r.names))), strip(to_tsvector('english', r.a))
       FROM ${RECORD}
     ON CONFLICT (product_id) DO UPDATE SET (${HOT}) = (${excluded(HOT)})`,
    [json],
  );
  await tx.query(
    `INSERT INTO search_documents (${COLD}) SELECT r.product_id, r.description, r.words, ${DOCUMENT_SQL} FROM ${RECORD}
     ON CONFLICT (product_id) DO UPDATE SET (${COLD}) = (${excluded(COLD)})`,
    [json],
  );
}

/** Replaces the fields of many products. */
export async function replaceSearchFields(
  tx: EntityManager,
  ids: readonly string[],
  fields: readonly SearchFieldRow[],
): Promise<void> {
  await tx.query('DELETE FROM search_fields WHERE product_id = ANY($1)', [ids]);
  if (!fields.length) return;
  await tx.query(
    `INSERT INTO search_fields (product_id, port, path, name, lpath, type, required, classification, description, dvec)
     SELECT product_id, port, path, name, lpath, type, required, classification, description,
            to_tsvector('english', coalesce(description, ''))
       FROM jsonb_to_recordset($1::jsonb) AS r(product_id text, port text, path text, name text, lpath text, type text,
            required boolean, classification text, description text)`,
    [JSON.stringify(fields)],
  );
}

/** Adds (or takes back, with a negative count) products to each word of the vocabulary; words no product has go. */
export async function applyWordCounts(tx: EntityManager, deltas: ReadonlyMap<string, number>): Promise<void> {
  const changed = [...deltas].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (!changed.length) return;
  await tx.query(
    `INSERT INTO search_words (word, products) SELECT * FROM unnest($1::text[], $2::int[])
     ON CONFLICT (word) DO UPDATE SET products = search_words.products + EXCLUDED.products`,
    [changed.map(([w]) => w), changed.map(([, n]) => n)],
  );
  await tx.query('DELETE FROM search_words WHERE word = ANY($1) AND products <= 0', [changed.map(([w]) => w)]);
}

/** A product's SLA timeline (the hook an observation calls). */
export async function updateSearchSla(
  tx: EntityManager,
  productId: string,
  sla: { at: string[]; masks: number[] },
): Promise<void> {
  await tx.query('UPDATE search_products SET sla_at = $2, sla_masks = $3 WHERE product_id = $1', [
    productId,
    sla.at,
    sla.masks,
  ]);
}

/** Consumer counts of many products (a publish changes its upstreams' counts). */
export async function updateSearchConsumers(tx: EntityManager, counts: ReadonlyMap<string, number>): Promise<void> {
  await tx.query(
    `UPDATE search_products p SET consumers = c.n FROM unnest($1::text[], $2::int[]) AS c(id, n)
      WHERE p.product_id = c.id AND p.consumers <> c.n`,
    [[...counts.keys()], [...counts.values()]],
  );
}
