import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Discovery's search read model: one row per product with everything search
 * ranks, filters and counts facets by — from products (metadata, lifecycle,
 * consumers), governance (the latest version's report) and SLA (a status
 * timeline: the changes the stored observations imply, so "status now" is an
 * array lookup with the request's time) — kept in the transaction that
 * changes them by discovery's publish stage and the hooks the SLA and
 * products contexts call. Its fields (latest version, every port) answer field
 * search; its words (names, titles, tags, field names) correct typos with
 * pg_trgm. Replaces products.search_text.
 *
 * Indexes (measured at 100,000 products, 1,000,000 fields; see bench/):
 * GIN on the narrow match vector answers matching; filters have b-trees or
 * GIN; every sort order has a b-tree, so a page reads a bounded number of rows.
 */
export class SearchReadModel1763800700000 implements MigrationInterface {
  name = 'SearchReadModel1763800700000';

  // A migration is one reviewed DDL script, read top to bottom; splitting it would hide the order of its statements.
  // eslint-disable-next-line max-lines-per-function
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Hot: one narrow row per product (~300 bytes) with what filters, facets and orderings read, so scans
    // over tens of thousands of matches stay in shared buffers. Its `match` vector has no positions or weights
    // (names, title, tags, domain, description, port and field names); ranking reads the cold document.
    await q.query(`
      CREATE TABLE search_products (
        product_id     text PRIMARY KEY,
        domain         text NOT NULL,
        name           text NOT NULL,
        title          text NOT NULL,
        owner_team     text NOT NULL,
        owner_email    text NOT NULL,
        tags           text[] NOT NULL,
        classification text NOT NULL,
        tier           text NOT NULL,
        latest_version text NOT NULL,
        status         text NOT NULL CHECK (status IN ('active', 'deprecated', 'retired')),
        published_at   timestamptz NOT NULL,
        consumers      integer NOT NULL,
        governance     text NOT NULL CHECK (governance IN ('clean', 'warning', 'waived')),
        -- The part of the ranking that does not change with time: active over deprecated over retired, clean
        -- governance over warnings over waivers, more consumers (the tenth adds less than the first).
        quality        real NOT NULL GENERATED ALWAYS AS (
                         (CASE status WHEN 'active' THEN 1 WHEN 'deprecated' THEN 0.6 ELSE 0.3 END)
                         * (CASE governance WHEN 'clean' THEN 1.1 WHEN 'warning' THEN 1 ELSE 0.85 END)
                         * (1 + ln(1 + consumers) / 5)) STORED,
        -- the SLA status of the latest ports from sla_at[i] on: a bit per status (1 met, 2 at_risk, 4 breached, 8 unknown)
        sla_at         timestamptz[] NOT NULL,
        sla_masks      smallint[] NOT NULL,
        -- the stemmed words of the name, title and domain, sorted: a search for exactly them ranks first
        name_key       text NOT NULL,
        title_key      text NOT NULL,
        domain_key     text NOT NULL,
        match          tsvector NOT NULL,
        head           tsvector NOT NULL
      )`);
    await q.query(`CREATE INDEX search_products_match_idx ON search_products USING gin (match)`);
    await q.query(`CREATE INDEX search_products_head_idx ON search_products USING gin (head)`);
    await q.query(`CREATE INDEX search_products_tags_idx ON search_products USING gin (tags)`);
    await q.query(`CREATE INDEX search_products_domain_idx ON search_products (domain, product_id)`);
    await q.query(`CREATE INDEX search_products_owner_idx ON search_products (owner_team)`);
    await q.query(`CREATE INDEX search_products_keys_idx ON search_products (name_key)`);
    await q.query(`CREATE INDEX search_products_title_key_idx ON search_products (title_key)`);
    await q.query(`CREATE INDEX search_products_domain_key_idx ON search_products (domain_key)`);
    await q.query(`CREATE INDEX search_products_name_idx ON search_products (name, product_id)`);
    await q.query(`CREATE INDEX search_products_published_idx ON search_products (published_at DESC, product_id)`);
    await q.query(`CREATE INDEX search_products_consumers_idx ON search_products (consumers DESC, product_id)`);
    await q.query(`CREATE INDEX search_products_quality_idx ON search_products (quality DESC, product_id)`);
    // Lifecycle goes with quality (deprecated ranks lower): a deprecated-only page reads this one in order.
    await q.query(`CREATE INDEX search_products_status_idx ON search_products (status, quality DESC, product_id)`);
    // Cold: what only the page's rows are read for: the weighted document (A name and title, B tags and domain,
    // C description, D ports, fields and their descriptions) ranking and highlights use, and the vocabulary words.
    await q.query(`
      CREATE TABLE search_documents (
        product_id  text PRIMARY KEY REFERENCES search_products(product_id) ON DELETE CASCADE,
        description text NOT NULL,
        words       text[] NOT NULL,
        document    tsvector NOT NULL
      )`);
    await q.query(`
      CREATE TABLE search_fields (
        product_id     text NOT NULL REFERENCES search_products(product_id) ON DELETE CASCADE,
        port           text NOT NULL,
        path           text NOT NULL,
        name           text NOT NULL, -- lower-case last segment of the path
        lpath          text NOT NULL, -- lower-case path
        type           text,
        required       boolean NOT NULL,
        classification text,
        description    text,
        dvec           tsvector NOT NULL, -- the description's words, stored so a scan in key order stays cheap
        PRIMARY KEY (product_id, port, path)
      )`);
    // Exact and prefix lookups by the last segment and by the whole path, answered from the index alone for the
    // has-field filter (a field in a third of the products reads no field rows); trigrams for misspelt names.
    await q.query(`CREATE INDEX search_fields_name_idx ON search_fields (name text_pattern_ops, lpath, product_id)`);
    await q.query(`CREATE INDEX search_fields_path_idx ON search_fields (lpath text_pattern_ops)`);
    await q.query(`CREATE INDEX search_fields_name_trgm_idx ON search_fields USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX search_fields_description_idx ON search_fields USING gin (dvec)`);
    await q.query(`
      CREATE TABLE search_words (
        word     text PRIMARY KEY,
        products integer NOT NULL -- how many products have it; rows at 0 are deleted
      )`);
    await q.query(`CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops)`);
    await q.query(`ALTER TABLE products DROP COLUMN search_text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE products ADD COLUMN search_text text NOT NULL DEFAULT ''`);
    await q.query(`DROP TABLE IF EXISTS search_words`);
    await q.query(`DROP TABLE IF EXISTS search_fields`);
    await q.query(`DROP TABLE IF EXISTS search_documents`);
    await q.query(`DROP TABLE IF EXISTS search_products`);
  }
}
