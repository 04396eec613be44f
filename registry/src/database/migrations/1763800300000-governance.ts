import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_GLOBAL_POLICIES } from '@dmesh/sdk';

/**
 * Policies (global and domain-scoped), waivers (one policy, one product, until
 * a date), the deprecation time of major lines, and the default global policy
 * set of ARCHITECTURE.md. Changing the defaults of existing registries needs a
 * new migration: this one installs the set as it is when it runs.
 */
export class Governance1763800300000 implements MigrationInterface {
  name = 'Governance1763800300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policies (
        id          text PRIMARY KEY,
        title       text NOT NULL,
        description text NOT NULL DEFAULT '',
        scope       text NOT NULL CHECK (scope = 'global' OR scope LIKE 'domain:%'),
        severity    text NOT NULL CHECK (severity IN ('error', 'warning')),
        rule        jsonb NOT NULL,
        updated_by  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX policies_scope_idx ON policies (scope)`);
    await q.query(`
      CREATE TABLE waivers (
        id         bigserial PRIMARY KEY,
        policy_id  text NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
        product_id text NOT NULL,
        until      date NOT NULL,
        reason     text NOT NULL CHECK (length(reason) > 0),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX waivers_product_idx ON waivers (product_id, policy_id)`);
    await q.query(`ALTER TABLE major_lines ADD COLUMN deprecated_at timestamptz`);
    for (const p of DEFAULT_GLOBAL_POLICIES) {
      await q.query(
        `INSERT INTO policies (id, title, description, scope, severity, rule, updated_by) VALUES ($1, $2, $3, $4, $5, $6, 'migration')`,
        [p.id, p.title, p.description ?? '', p.scope, p.severity, JSON.stringify(p.rule)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE major_lines DROP COLUMN deprecated_at`);
    await q.query(`DROP TABLE waivers`);
    await q.query(`DROP TABLE policies`);
  }
}
