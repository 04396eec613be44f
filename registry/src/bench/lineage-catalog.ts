import type pg from 'pg';
import { contentHash } from '@dmesh/sdk';

/** The one contract every generated port publishes: ten string fields, closed. */
export const BENCH_CONTRACT = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['f0'],
  properties: Object.fromEntries(
    Array.from({ length: 10 }, (_, k) => [`f${k}`, { type: 'string', description: `Field ${k}.` }]),
  ),
};

/** Product index → id; 100 domains. */
export const PID = (i: string) => `'d' || (${i} % 100) || '.p' || ${i}`;
export const productId = (i: number) => `d${i % 100}.p${i}`;

/**
 * Generates the catalog inside PostgreSQL (no data crosses the wire): N
 * products with one output port, each reading 5–15 (mean 10) distinct
 * upstream ports among the 200 products before it (a DAG with locality),
 * 10 % of edges with field lineage for 3 fields. Product `hub` has exactly 50
 * consumers, all reading its f0 through field lineage. The rows are those the
 * publish path writes: products, product_versions (descriptor with inputs),
 * output_ports, contracts, port_fields, input_dependencies, field_lineage,
 * major_lines and the lineage tables refreshCurrentLineage maintains.
 */
export async function loadBenchCatalog(
  db: pg.Client,
  n: number,
  hub: number,
): Promise<{ edges: number; fieldEdges: number }> {
  const q: Query = (sql, params = []) => db.query(sql, params);
  await q('SET synchronous_commit = off');
  await generateEdges(q, n, hub);
  await insertCatalog(q, n, contentHash(BENCH_CONTRACT));
  await insertLineage(q);
  const [{ edges, field_edges: fieldEdges }] = (
    await q('SELECT count(*)::int AS edges, count(*) FILTER (WHERE fl)::int AS field_edges FROM bench_edges')
  ).rows;
  await q('ANALYZE');
  return { edges, fieldEdges };
}

type Query = (sql: string, params?: unknown[]) => Promise<pg.QueryResult>;

/** bench_edges(i, j, fl): product i reads product j (5–15 inputs, within 200 below it), fl = with field lineage. */
async function generateEdges(q: Query, n: number, hub: number): Promise<void> {
  await q(
    `CREATE TEMP TABLE bench_edges AS
    SELECT DISTINCT i, i - 1 - (abs(hashint8(i::bigint * 16 + k)) % least(200, i - 1))::int AS j
      FROM generate_series(2, $1::int) i, generate_series(1, 15) k
     WHERE k <= 5 + abs(hashint4(i)) % 11`,
    [n],
  );
  await q('DELETE FROM bench_edges WHERE j = $1', [hub]);
  await q('INSERT INTO bench_edges SELECT $1::int + k, $1::int FROM generate_series(1, 50) k ON CONFLICT DO NOTHING', [
    hub,
  ]);
  await q('ALTER TABLE bench_edges ADD COLUMN fl boolean');
  await q('UPDATE bench_edges SET fl = (j = $1 OR abs(hashint8(i::bigint * 1000003 + j)) % 10 = 0)', [hub]);
  await q('CREATE INDEX ON bench_edges (i)');
}

/** Domains, products, their one version, port, contract, fields and major line. */
async function insertCatalog(q: Query, n: number, hash: string): Promise<void> {
  await q(`INSERT INTO domains (name, description, owner_team, owner_email)
    SELECT 'd' || d, 'Bench domain ' || d, 'team-' || d, 'team-' || d || '@example.com' FROM generate_series(0, 99) d`);
  await q(
    `INSERT INTO products (id, domain, name, title, description, owner_team, owner_email, tags, classification, tier, latest_version)
    SELECT ${PID('i')}, 'd' || (i % 100), 'p' || i, 'Product ' || i, 'Generated product ' || i, 'team-' || (i % 100), 'team-' || (i % 100) || '@example.com',
           '{bench}', 'internal', 'silver', '1.0.0'
      FROM generate_series(1, $1::int) i`,
    [n],
  );
  await q('INSERT INTO contracts (hash, schema) VALUES ($1, $2)', [hash, JSON.stringify(BENCH_CONTRACT)]);
  await q(
    `INSERT INTO product_versions (id, product_id, version, major, minor, patch, content_hash, descriptor, published_by)
    SELECT i, ${PID('i')}, '1.0.0', 1, 0, 0, md5(i::text),
           jsonb_build_object('apiVersion', 'dmesh.io/v1', 'kind', 'DataProduct',
             'metadata', jsonb_build_object('domain', 'd' || (i % 100), 'name', 'p' || i, 'version', '1.0.0'),
             'spec', jsonb_build_object('inputs', coalesce((SELECT jsonb_agg(jsonb_build_object('product', ${PID('e.j')}, 'port', 'out', 'version', '^1.0.0')) FROM bench_edges e WHERE e.i = g.i), '[]'),
                                        'outputs', jsonb_build_array(jsonb_build_object('name', 'out', 'kind', 'table', 'format', 'parquet', 'location', 's3://lake/d' || (i % 100) || '/p' || i || '/')))),
           'bench'
      FROM generate_series(1, $1::int) AS g(i)`,
    [n],
  );
  await q(`SELECT setval(pg_get_serial_sequence('product_versions', 'id'), $1)`, [n]);
  await q(
    `INSERT INTO output_ports (id, version_id, product_id, name, kind, format, location, contract_hash, contract_path, compatibility, quality)
    SELECT i, i, ${PID('i')}, 'out', 'table', 'parquet', 's3://lake/d' || (i % 100) || '/p' || i || '/', $2, 'contracts/out.schema.json', 'BACKWARD', '[]'
      FROM generate_series(1, $1::int) i`,
    [n, hash],
  );
  await q(`SELECT setval(pg_get_serial_sequence('output_ports', 'id'), $1)`, [n]);
  await q(
    `INSERT INTO port_fields (port_id, path, type, description) SELECT i, 'f' || k, 'string', 'Field ' || k || '.' FROM generate_series(1, $1::int) i, generate_series(0, 9) k`,
    [n],
  );
  await q(`INSERT INTO major_lines (product_id, major) SELECT ${PID('i')}, 1 FROM generate_series(1, $1::int) i`, [n]);
}

/** Inputs and field lineage, and the current-lineage rows the publish path derives from them. */
async function insertLineage(q: Query): Promise<void> {
  await q(`INSERT INTO input_dependencies (version_id, product_id, upstream_product_id, upstream_port, version_range, resolved_version)
    SELECT i, ${PID('i')}, ${PID('j')}, 'out', '^1.0.0', '1.0.0' FROM bench_edges ORDER BY i, j`);
  await q(`INSERT INTO field_lineage (version_id, product_id, port, field, upstream_product_id, upstream_port, upstream_field)
    SELECT i, ${PID('i')}, 'out', 'f' || ((i + m) % 10), ${PID('j')}, 'out', 'f' || ((j + m) % 10) FROM bench_edges, generate_series(0, 2) m WHERE fl ORDER BY i, j`);
  await q(`INSERT INTO lineage_current_inputs (product_id, major, version_id, upstream_product_id, upstream_port, version_range, resolved_version)
    SELECT product_id, 1, version_id, upstream_product_id, upstream_port, version_range, resolved_version FROM input_dependencies`);
  await q(`INSERT INTO lineage_current_fields (product_id, major, version_id, port, field, upstream_product_id, upstream_port, upstream_field)
    SELECT product_id, 1, version_id, port, field, upstream_product_id, upstream_port, upstream_field FROM field_lineage ON CONFLICT DO NOTHING`);
  await q(
    `INSERT INTO lineage_port_locations (location_key, product_id, port, major) SELECT rtrim(location, '/'), product_id, name, 1 FROM output_ports`,
  );
}
