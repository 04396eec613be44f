import type { EntityManager } from 'typeorm';
import type { CurrentLineageSources } from '../products.types.js';

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

/** What a product's current versions declare: inputs, field lineage and port locations (lineage's current tables are built from it). */
export async function currentLineageSources(tx: EntityManager, productId: string): Promise<CurrentLineageSources> {
  const inputs: CurrentLineageSources['inputs'] = await tx.query(
    `WITH cur AS (${CURRENT_VERSIONS})
     SELECT cur.major, d.version_id AS "versionId", d.upstream_product_id AS "upstreamProductId", d.upstream_port AS "upstreamPort",
            d.version_range AS "versionRange", d.resolved_version AS "resolvedVersion"
       FROM input_dependencies d JOIN cur ON cur.id = d.version_id`,
    [productId],
  );
  const fields: CurrentLineageSources['fields'] = await tx.query(
    `WITH cur AS (${CURRENT_VERSIONS})
     SELECT cur.major, f.version_id AS "versionId", f.port, f.field, f.upstream_product_id AS "upstreamProductId",
            f.upstream_port AS "upstreamPort", f.upstream_field AS "upstreamField"
       FROM field_lineage f JOIN cur ON cur.id = f.version_id`,
    [productId],
  );
  const ports: CurrentLineageSources['ports'] = await tx.query(
    `WITH cur AS (${CURRENT_VERSIONS}) SELECT cur.major, p.name AS port, p.location FROM output_ports p JOIN cur ON cur.id = p.version_id`,
    [productId],
  );
  return { inputs, fields, ports };
}
