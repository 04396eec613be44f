import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consumers outside the mesh (dashboards, ML jobs, notebooks, services): they
 * read data products but publish nothing, so no input port records what they
 * read. Owned by the lineage context, which answers consumers, impact and the
 * consumers a retirement waits for. A consumer belongs to a domain (its
 * publishers register, update and remove it); one row per port it reads, with
 * the range it pins, the fields it reads and when the registration lapses.
 * No resolved version is stored: which major line a read is on is judged when
 * asked (the highest non-retired version its range admits), so it follows
 * publishes and retirements without being rewritten.
 */
export class ExternalConsumers1763800600000 implements MigrationInterface {
  name = 'ExternalConsumers1763800600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lineage_external_consumers (
        domain       text NOT NULL,
        name         text NOT NULL,
        kind         text NOT NULL CHECK (kind IN ('dashboard', 'ml', 'notebook', 'service')),
        description  text,
        owner_team   text NOT NULL,
        owner_email  text NOT NULL,
        created_by   text NOT NULL,
        created_at   timestamptz NOT NULL,
        updated_at   timestamptz NOT NULL,
        PRIMARY KEY (domain, name)
      )`);
    await q.query(`
      CREATE TABLE lineage_external_reads (
        domain              text NOT NULL,
        name                text NOT NULL,
        upstream_product_id text NOT NULL,
        upstream_port       text NOT NULL,
        version_range       text NOT NULL,
        fields              text[] NOT NULL DEFAULT '{}',
        expires             date,
        registered_by       text NOT NULL,
        updated_at          timestamptz NOT NULL,
        PRIMARY KEY (domain, name, upstream_product_id, upstream_port),
        FOREIGN KEY (domain, name) REFERENCES lineage_external_consumers (domain, name) ON DELETE CASCADE
      )`);
    // consumers(port), impact and retirement read from the upstream side, like lineage_current_inputs.
    await q.query(
      `CREATE INDEX lineage_external_reads_upstream_idx ON lineage_external_reads (upstream_product_id, upstream_port)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS lineage_external_reads');
    await q.query('DROP TABLE IF EXISTS lineage_external_consumers');
  }
}
