import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lineage: denormalised "current" edge tables that traversal and impact read
 * (maintained in the publish transaction by refreshCurrentLineage), the
 * location index that maps OpenLineage datasets to output ports, and the
 * observed lineage ingested from OpenLineage run events.
 *
 * Current = the latest version of each non-retired major line of a product.
 * The immutable history stays in input_dependencies / field_lineage.
 */
export class Lineage1763800100000 implements MigrationInterface {
  name = 'Lineage1763800100000';

  // A migration is one reviewed DDL script, read top to bottom; splitting it would hide the order of its statements.
  // eslint-disable-next-line max-lines-per-function
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lineage_current_inputs (
        product_id          text NOT NULL,
        major               integer NOT NULL,
        version_id          bigint NOT NULL REFERENCES product_versions(id) ON DELETE CASCADE,
        upstream_product_id text NOT NULL,
        upstream_port       text NOT NULL,
        version_range       text NOT NULL,
        resolved_version    text,
        PRIMARY KEY (product_id, major, upstream_product_id, upstream_port)
      )`);
    // Downstream traversal and consumers(port) walk from the upstream side.
    await q.query(
      `CREATE INDEX lineage_current_inputs_upstream_idx ON lineage_current_inputs (upstream_product_id, upstream_port) INCLUDE (product_id, version_range, resolved_version)`,
    );
    await q.query(
      `CREATE INDEX lineage_current_inputs_product_idx ON lineage_current_inputs (product_id) INCLUDE (upstream_product_id, upstream_port, version_range)`,
    );
    await q.query(`
      CREATE TABLE lineage_current_fields (
        product_id          text NOT NULL,
        major               integer NOT NULL,
        version_id          bigint NOT NULL REFERENCES product_versions(id) ON DELETE CASCADE,
        port                text NOT NULL,
        field               text NOT NULL,
        upstream_product_id text NOT NULL,
        upstream_port       text NOT NULL,
        upstream_field      text NOT NULL,
        PRIMARY KEY (product_id, major, port, field, upstream_product_id, upstream_port, upstream_field)
      )`);
    await q.query(
      `CREATE INDEX lineage_current_fields_upstream_idx ON lineage_current_fields (upstream_product_id, upstream_port, upstream_field) INCLUDE (product_id, port, field)`,
    );
    // "Does this consumer declare field lineage for that port?" (impact: without it, any breaking change affects it).
    await q.query(
      `CREATE INDEX lineage_current_fields_reader_idx ON lineage_current_fields (product_id, upstream_product_id, upstream_port)`,
    );
    await q.query(`
      CREATE TABLE lineage_port_locations (
        location_key text NOT NULL,
        product_id   text NOT NULL,
        port         text NOT NULL,
        major        integer NOT NULL,
        PRIMARY KEY (location_key, product_id, port, major)
      )`);
    await q.query(`CREATE INDEX lineage_port_locations_product_idx ON lineage_port_locations (product_id)`);
    await q.query(`
      CREATE TABLE lineage_run_events (
        id            bigserial PRIMARY KEY,
        run_id        text NOT NULL,
        event_type    text,
        event_time    timestamptz NOT NULL,
        job_namespace text NOT NULL,
        job_name      text NOT NULL,
        producer      text,
        received_by   text NOT NULL,
        received_at   timestamptz NOT NULL DEFAULT now(),
        event         jsonb NOT NULL
      )`);
    await q.query(
      `CREATE INDEX lineage_run_events_job_idx ON lineage_run_events (job_namespace, job_name, event_time)`,
    );
    // One row per (job, input dataset, output dataset); datasets that match a port carry its product/port, others are external.
    await q.query(`
      CREATE TABLE lineage_observed_edges (
        id                  bigserial PRIMARY KEY,
        job_namespace       text NOT NULL,
        job_name            text NOT NULL,
        input_key           text NOT NULL,
        input_product_id    text,
        input_port          text,
        output_key          text NOT NULL,
        output_product_id   text,
        output_port         text,
        runs                integer NOT NULL DEFAULT 1,
        first_seen          timestamptz NOT NULL,
        last_seen           timestamptz NOT NULL,
        last_run_id         text NOT NULL,
        UNIQUE (job_namespace, job_name, input_key, output_key)
      )`);
    await q.query(
      `CREATE INDEX lineage_observed_edges_output_idx ON lineage_observed_edges (output_product_id) WHERE output_product_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX lineage_observed_edges_input_idx ON lineage_observed_edges (input_product_id) WHERE input_product_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE lineage_observed_fields (
        output_key     text NOT NULL,
        output_field   text NOT NULL,
        input_key      text NOT NULL,
        input_field    text NOT NULL,
        last_seen      timestamptz NOT NULL,
        PRIMARY KEY (output_key, output_field, input_key, input_field)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'lineage_observed_fields',
      'lineage_observed_edges',
      'lineage_run_events',
      'lineage_port_locations',
      'lineage_current_fields',
      'lineage_current_inputs',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
