import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access and audit (issue 18): tokens expire and remember who created them
 * (everyone lists and revokes their own), a `lineage-writer` role for
 * schedulers that post OpenLineage events, audit events carry the request id,
 * and deleting a policy is a soft delete that can be restored.
 * Publisher tokens without domains used to publish everywhere; they now
 * publish nowhere (`{*}` is every domain, set only by an admin).
 */
export class Access1763800500000 implements MigrationInterface {
  name = 'Access1763800500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz`);
    await q.query(`ALTER TABLE api_tokens ADD COLUMN created_by bigint REFERENCES api_tokens(id)`);
    await q.query(`ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check`);
    await q.query(
      `ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check
         CHECK (role IN ('admin', 'governance', 'publisher', 'reader', 'lineage-writer'))`,
    );
    await q.query(`CREATE INDEX api_tokens_created_by_idx ON api_tokens (created_by)`);
    await q.query(`ALTER TABLE events ADD COLUMN request_id text`);
    await q.query(`CREATE INDEX events_at_idx ON events (at)`);
    await q.query(`CREATE INDEX events_actor_idx ON events (actor, at)`);
    await q.query(`ALTER TABLE policies ADD COLUMN deleted_at timestamptz`);
    await q.query(`ALTER TABLE policies ADD COLUMN deleted_by text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE policies DROP COLUMN deleted_by`);
    await q.query(`ALTER TABLE policies DROP COLUMN deleted_at`);
    await q.query(`DROP INDEX events_actor_idx`);
    await q.query(`DROP INDEX events_at_idx`);
    await q.query(`ALTER TABLE events DROP COLUMN request_id`);
    await q.query(`DROP INDEX api_tokens_created_by_idx`);
    await q.query(`ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check`);
    await q.query(`DELETE FROM api_tokens WHERE role = 'lineage-writer'`);
    await q.query(
      `ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check CHECK (role IN ('admin', 'governance', 'publisher', 'reader'))`,
    );
    await q.query(`ALTER TABLE api_tokens DROP COLUMN created_by`);
    await q.query(`ALTER TABLE api_tokens DROP COLUMN expires_at`);
  }
}
