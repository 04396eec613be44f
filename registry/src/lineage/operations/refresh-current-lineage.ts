import type { EntityManager } from 'typeorm';
import { portLocationKey } from '../location-key.js';

/**
 * The versions whose edges count: the latest version of each non-retired
 * major line. Older versions of a line are superseded by the one that runs
 * now; a retired line no longer runs; two live lines (1.x and 2.x during a
 * migration) both run, so both read their inputs.
 */
const CURRENT_VERSIONS = `
  SELECT DISTINCT ON (v.major) v.id, v.major
    FROM product_versions v
    LEFT JOIN major_lines l ON l.product_id = v.product_id AND l.major = v.major
   WHERE v.product_id = $1 AND coalesce(l.state, 'active') <> 'retired'
   ORDER BY v.major, v.minor DESC, v.patch DESC, (v.prerelease IS NULL) DESC, v.id DESC`;

/**
 * Rebuilds a product's rows in the current-lineage tables from its stored
 * versions. Called in the publish transaction after a version is stored, and
 * by whatever changes a major line's state (retiring a line drops its edges).
 */
export async function refreshCurrentLineage(manager: EntityManager, productId: string): Promise<void> {
  for (const table of ['lineage_current_inputs', 'lineage_current_fields', 'lineage_port_locations']) {
    await manager.query(`DELETE FROM ${table} WHERE product_id = $1`, [productId]);
  }
  await manager.query(
    `WITH cur AS (${CURRENT_VERSIONS})
     INSERT INTO lineage_current_inputs (product_id, major, version_id, upstream_product_id, upstream_port, version_range, resolved_version)
     SELECT d.product_id, cur.major, d.version_id, d.upstream_product_id, d.upstream_port, d.version_range, d.resolved_version
       FROM input_dependencies d JOIN cur ON cur.id = d.version_id
     ON CONFLICT DO NOTHING`,
    [productId],
  );
  await manager.query(
    `WITH cur AS (${CURRENT_VERSIONS})
     INSERT INTO lineage_current_fields (product_id, major, version_id, port, field, upstream_product_id, upstream_port, upstream_field)
     SELECT f.product_id, cur.major, f.version_id, f.port, f.field, f.upstream_product_id, f.upstream_port, f.upstream_field
       FROM field_lineage f JOIN cur ON cur.id = f.version_id
     ON CONFLICT DO NOTHING`,
    [productId],
  );
  const ports: { name: string; location: string; major: number }[] = await manager.query(
    `WITH cur AS (${CURRENT_VERSIONS}) SELECT p.name, p.location, cur.major FROM output_ports p JOIN cur ON cur.id = p.version_id`,
    [productId],
  );
  if (!ports.length) return;
  await manager.query(
    `INSERT INTO lineage_port_locations (location_key, product_id, port, major)
     SELECT r.key, $1, r.port, r.major FROM jsonb_to_recordset($2::jsonb) AS r(key text, port text, major int)
     ON CONFLICT DO NOTHING`,
    [productId, JSON.stringify(ports.map((p) => ({ key: portLocationKey(p.location), port: p.name, major: p.major })))],
  );
}
