import type { EntityManager } from 'typeorm';
import type { CurrentLineageSources } from '../../products/products.types.js';
import { portLocationKey } from '../location-key.js';

/**
 * Rebuilds a product's rows in the current-lineage tables from what its
 * current versions declare (ProductsService.currentLineageSources). Runs in
 * the publish transaction after a version is stored, and in whatever changes a
 * major line's state (retiring a line drops its edges).
 */
export async function refreshCurrentLineage(
  tx: EntityManager,
  productId: string,
  sources: CurrentLineageSources,
): Promise<void> {
  // Two statements: deleting and inserting rows of one table in one statement could collide on its keys.
  await tx.query(
    `WITH inputs AS (DELETE FROM lineage_current_inputs WHERE product_id = $1),
          fields AS (DELETE FROM lineage_current_fields WHERE product_id = $1)
     DELETE FROM lineage_port_locations WHERE product_id = $1`,
    [productId],
  );
  const locations = sources.ports.map((p) => ({ key: portLocationKey(p.location), port: p.port, major: p.major }));
  if (!sources.inputs.length && !sources.fields.length && !locations.length) return;
  await tx.query(
    `WITH inputs AS (
       INSERT INTO lineage_current_inputs (product_id, major, version_id, upstream_product_id, upstream_port, version_range, resolved_version)
       SELECT $1, r.major, r."versionId", r."upstreamProductId", r."upstreamPort", r."versionRange", r."resolvedVersion"
         FROM jsonb_to_recordset($2::jsonb)
           AS r(major int, "versionId" bigint, "upstreamProductId" text, "upstreamPort" text, "versionRange" text, "resolvedVersion" text)
       ON CONFLICT DO NOTHING),
     fields AS (
       INSERT INTO lineage_current_fields (product_id, major, version_id, port, field, upstream_product_id, upstream_port, upstream_field)
       SELECT $1, r.major, r."versionId", r.port, r.field, r."upstreamProductId", r."upstreamPort", r."upstreamField"
         FROM jsonb_to_recordset($3::jsonb)
           AS r(major int, "versionId" bigint, port text, field text, "upstreamProductId" text, "upstreamPort" text, "upstreamField" text)
       ON CONFLICT DO NOTHING)
     INSERT INTO lineage_port_locations (location_key, product_id, port, major)
     SELECT r.key, $1, r.port, r.major FROM jsonb_to_recordset($4::jsonb) AS r(key text, port text, major int)
     ON CONFLICT DO NOTHING`,
    [productId, JSON.stringify(sources.inputs), JSON.stringify(sources.fields), JSON.stringify(locations)],
  );
}
