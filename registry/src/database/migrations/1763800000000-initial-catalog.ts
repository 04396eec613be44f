import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalog: domains, products, immutable product versions with their ports,
 * content-addressed contracts, input dependencies and field lineage, major-line
 * lifecycle state, API tokens and an append-only audit log.
 */
export class InitialCatalog1763800000000 implements MigrationInterface {
  name = 'InitialCatalog1763800000000';

  // A migration is one reviewed DDL script, read top to bottom; splitting it would hide the order of its statements.
  // eslint-disable-next-line max-lines-per-function
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE domains (
        name        text PRIMARY KEY,
        title       text,
        description text NOT NULL,
        owner_team  text NOT NULL,
        owner_email text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE products (
        id             text PRIMARY KEY,
        domain         text NOT NULL REFERENCES domains(name),
        name           text NOT NULL,
        title          text NOT NULL,
        description    text NOT NULL,
        owner_team     text NOT NULL,
        owner_email    text NOT NULL,
        tags           text[] NOT NULL DEFAULT '{}',
        classification text NOT NULL,
        tier           text NOT NULL,
        latest_version text NOT NULL,
        search_text    text NOT NULL DEFAULT '',
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (domain, name)
      )`);
    await q.query(`CREATE INDEX products_tags_idx ON products USING gin (tags)`);
    await q.query(`
      CREATE TABLE contracts (
        hash       text PRIMARY KEY,
        schema     json NOT NULL, -- json, not jsonb: keeps property order as the producer wrote it
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE product_versions (
        id                   bigserial PRIMARY KEY,
        product_id           text NOT NULL REFERENCES products(id),
        version              text NOT NULL,
        major                integer NOT NULL,
        minor                integer NOT NULL,
        patch                integer NOT NULL,
        prerelease           text,
        content_hash         text NOT NULL,
        descriptor           jsonb NOT NULL,
        compatibility_report jsonb NOT NULL DEFAULT '{}',
        governance_report    jsonb NOT NULL DEFAULT '{}',
        published_by         text NOT NULL,
        published_at         timestamptz NOT NULL DEFAULT now(),
        UNIQUE (product_id, version)
      )`);
    await q.query(`CREATE INDEX product_versions_line_idx ON product_versions (product_id, major, minor, patch)`);
    await q.query(`
      CREATE TABLE output_ports (
        id            bigserial PRIMARY KEY,
        version_id    bigint NOT NULL REFERENCES product_versions(id) ON DELETE CASCADE,
        product_id    text NOT NULL,
        name          text NOT NULL,
        kind          text NOT NULL,
        format        text NOT NULL,
        location      text NOT NULL,
        contract_hash text NOT NULL REFERENCES contracts(hash),
        contract_path text NOT NULL,
        compatibility text NOT NULL,
        sla           jsonb,
        quality       jsonb NOT NULL DEFAULT '[]',
        UNIQUE (version_id, name)
      )`);
    await q.query(`
      CREATE TABLE port_fields (
        port_id     bigint NOT NULL REFERENCES output_ports(id) ON DELETE CASCADE,
        path        text NOT NULL,
        type        text,
        description text,
        PRIMARY KEY (port_id, path)
      )`);
    await q.query(`CREATE INDEX port_fields_path_idx ON port_fields (lower(path))`);
    await q.query(`
      CREATE TABLE input_dependencies (
        id                  bigserial PRIMARY KEY,
        version_id          bigint NOT NULL REFERENCES product_versions(id) ON DELETE CASCADE,
        product_id          text NOT NULL,
        upstream_product_id text NOT NULL,
        upstream_port       text NOT NULL,
        version_range       text NOT NULL,
        resolved_version    text
      )`);
    await q.query(
      `CREATE INDEX input_dependencies_upstream_idx ON input_dependencies (upstream_product_id, upstream_port)`,
    );
    await q.query(`CREATE INDEX input_dependencies_version_idx ON input_dependencies (version_id)`);
    await q.query(`
      CREATE TABLE field_lineage (
        id                  bigserial PRIMARY KEY,
        version_id          bigint NOT NULL REFERENCES product_versions(id) ON DELETE CASCADE,
        product_id          text NOT NULL,
        port                text NOT NULL,
        field               text NOT NULL,
        upstream_product_id text NOT NULL,
        upstream_port       text NOT NULL,
        upstream_field      text NOT NULL
      )`);
    await q.query(
      `CREATE INDEX field_lineage_upstream_idx ON field_lineage (upstream_product_id, upstream_port, upstream_field)`,
    );
    await q.query(`
      CREATE TABLE major_lines (
        product_id text NOT NULL REFERENCES products(id),
        major      integer NOT NULL,
        state      text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'deprecated', 'retired')),
        sunset     date,
        reason     text,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (product_id, major)
      )`);
    await q.query(`
      CREATE TABLE api_tokens (
        id         bigserial PRIMARY KEY,
        name       text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        role       text NOT NULL CHECK (role IN ('admin', 'governance', 'publisher', 'reader')),
        domains    text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE events (
        id      bigserial PRIMARY KEY,
        at      timestamptz NOT NULL DEFAULT now(),
        actor   text NOT NULL,
        action  text NOT NULL,
        subject text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('accepted', 'rejected', 'info')),
        detail  jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX events_subject_idx ON events (subject, at)`);
    // The audit log is append-only: the database itself refuses edits.
    await q.query(`
      CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'events is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'events',
      'api_tokens',
      'major_lines',
      'field_lineage',
      'input_dependencies',
      'port_fields',
      'output_ports',
      'product_versions',
      'contracts',
      'products',
      'domains',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS events_append_only()`);
  }
}
