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

/** What a product's current versions declare: inputs, field lineage and port locations (lineage's current tables are built from it), in one statement. */
export async function currentLineageSources(tx: EntityManager, productId: string): Promise<CurrentLineageSources> {
  const [row]: CurrentLineageSources[] = await tx.query(
    `WITH cur AS (${CURRENT_VERSIONS})
     SELECT (SELECT coalesce(jsonb_agg(jsonb_build_object('major', cur.major, 'versionId', d.version_id::text,
                      'upstreamProductId', d.upstream_product_id, 'upstreamPort', d.upstream_port,
                      'versionRange', d.version_range, 'resolvedVersion', d.resolved_version)), '[]')
               FROM input_dependencies d JOIN cur ON cur.id = d.version_id) AS inputs,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('major', cur.major, 'versionId', f.version_id::text,
                      'port', f.port, 'field', f.field, 'upstreamProductId', f.upstream_product_id,
                      'upstreamPort', f.upstream_port, 'upstreamField', f.upstream_field)), '[]')
               FROM field_lineage f JOIN cur ON cur.id = f.version_id) AS fields,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('major', cur.major, 'port', p.name, 'location', p.location)), '[]')
               FROM output_ports p JOIN cur ON cur.id = p.version_id) AS ports`,
    [productId],
  );
  return row;
}
