import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA observations (the history every status is computed from, read by port
 * and time) and breaches: at most one open breach per port, enforced by a
 * partial unique index, so concurrent readers on several replicas record a
 * breach (and its audit event) once.
 */
export class Sla1763800200000 implements MigrationInterface {
  name = 'Sla1763800200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_observations (
        id           bigserial PRIMARY KEY,
        product_id   text NOT NULL REFERENCES products(id),
        port         text NOT NULL,
        observed_at  timestamptz NOT NULL,
        last_update  timestamptz,
        row_count    bigint CHECK (row_count >= 0),
        completeness double precision CHECK (completeness BETWEEN 0 AND 100),
        availability boolean NOT NULL,
        quality      jsonb NOT NULL DEFAULT '[]',
        reported_by  text NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // Every read is "one port, a time range": status windows, history, and the search filter's window scan.
    await q.query(`CREATE INDEX sla_observations_port_time_idx ON sla_observations (product_id, port, observed_at)`);
    await q.query(`
      CREATE TABLE sla_breaches (
        product_id  text NOT NULL REFERENCES products(id),
        port        text NOT NULL,
        started_at  timestamptz NOT NULL,
        reasons     jsonb NOT NULL DEFAULT '[]',
        recorded_at timestamptz NOT NULL DEFAULT now(),
        ended_at    timestamptz,
        PRIMARY KEY (product_id, port, started_at)
      )`);
    // One open breach per port: a second recorder's INSERT … ON CONFLICT DO NOTHING inserts nothing.
    await q.query(
      `CREATE UNIQUE INDEX sla_breaches_open_idx ON sla_breaches (product_id, port) WHERE ended_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sla_breaches`);
    await q.query(`DROP TABLE IF EXISTS sla_observations`);
  }
}
