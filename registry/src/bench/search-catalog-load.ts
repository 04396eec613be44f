import type pg from 'pg';
import { bundleHash, contentHash, listFields } from '@dmesh/sdk';
import type { BenchProduct } from './search-catalog.js';

/** The rows of one product the publish path would write, keyed by table. */
function rowsOf(p: BenchProduct, now: Date) {
  const m = p.descriptor.metadata;
  const port = p.descriptor.spec.outputs[0];
  const schema = p.contracts[port.contract];
  const id = p.index + 1; // version and port row ids
  return {
    product: {
      id: p.id,
      domain: m.domain,
      name: m.name,
      title: m.title,
      description: m.description,
      owner_team: m.owner.team,
      owner_email: m.owner.email,
      tags: m.tags ?? [],
      classification: m.classification ?? 'internal',
      tier: m.tier ?? 'bronze',
    },
    version: {
      id,
      product_id: p.id,
      content_hash: bundleHash({ descriptor: p.descriptor, contracts: p.contracts }),
      descriptor: p.descriptor,
      governance_report: governanceReport(p.governance, now),
    },
    contract: { hash: contentHash(schema), schema },
    port: {
      id,
      product_id: p.id,
      name: port.name,
      kind: port.kind,
      format: port.format,
      location: port.location,
      contract_hash: contentHash(schema),
      contract_path: port.contract,
      sla: port.sla ?? null,
    },
    fields: listFields(schema).map((f) => ({ port_id: id, path: f.path, type: f.type, description: f.description })),
    inputs: (p.descriptor.spec.inputs ?? []).map((i) => ({ version_id: id, product_id: p.id, upstream: i.product })),
    line: { product_id: p.id, state: p.lifecycle },
    observation: observation(p, now),
  };
}

/** The freshness promises the generator uses, in ms. */
const FRESHNESS_MS: Record<string, number> = { PT1H: 3_600_000, PT6H: 21_600_000, P1D: 86_400_000 };

/** The one observation of a product with an SLA pattern: reported a minute ago, data `lag` × the freshness limit old. */
function observation(p: BenchProduct, now: Date) {
  if (p.freshnessLag === undefined) return undefined;
  const limit = FRESHNESS_MS[p.descriptor.spec.outputs[0].sla!.freshness!];
  return {
    product_id: p.id,
    port: 'main',
    observed_at: new Date(now.getTime() - 60_000).toISOString(),
    last_update: new Date(now.getTime() - p.freshnessLag * limit).toISOString(),
  };
}

/** A report as the governance stage stores it, with the outcome the generator chose. */
function governanceReport(outcome: BenchProduct['governance'], now: Date) {
  const result = (policy: string, status: string) => ({
    policy,
    title: policy,
    scope: 'global',
    severity: status === 'waived' ? 'error' : 'warning',
    type: policy,
    status,
    message: status === 'passed' ? 'passed' : `${policy}: ${status}`,
    findings: [],
    ...(status === 'waived' && {
      waiver: { reason: 'bench', until: new Date(now.getTime() + 30 * 86_400_000).toISOString() },
    }),
  });
  return {
    passed: true,
    results: [
      result('documentation', outcome === 'warning' ? 'warning' : 'passed'),
      result('naming', 'passed'),
      result('sla-minimums', outcome === 'waived' ? 'waived' : 'passed'),
    ],
  };
}

type Rows = ReturnType<typeof rowsOf>;
const json = (rows: unknown[]) => JSON.stringify(rows);

/** One batch of products, table by table, each one INSERT … SELECT over a JSON array. */
async function insertBatch(db: pg.Client, batch: Rows[]): Promise<void> {
  await db.query(
    `INSERT INTO products (id, domain, name, title, description, owner_team, owner_email, tags, classification, tier, latest_version)
     SELECT id, domain, name, title, description, owner_team, owner_email, tags, classification, tier, '1.0.0'
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, domain text, name text, title text, description text, owner_team text,
            owner_email text, tags text[], classification text, tier text)`,
    [json(batch.map((r) => r.product))],
  );
  await db.query(
    `INSERT INTO contracts (hash, schema) SELECT hash, schema::json FROM jsonb_to_recordset($1::jsonb) AS r(hash text, schema jsonb)
     ON CONFLICT DO NOTHING`,
    [json(batch.map((r) => r.contract))],
  );
  await db.query(
    `INSERT INTO product_versions (id, product_id, version, major, minor, patch, content_hash, descriptor, compatibility_report, governance_report, published_by)
     SELECT id, product_id, '1.0.0', 1, 0, 0, content_hash, descriptor, '{"ports":{}}', governance_report, 'bench'
       FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, product_id text, content_hash text, descriptor jsonb, governance_report jsonb)`,
    [json(batch.map((r) => r.version))],
  );
  await db.query(
    `INSERT INTO output_ports (id, version_id, product_id, name, kind, format, location, contract_hash, contract_path, compatibility, sla, quality)
     SELECT id, id, product_id, name, kind, format, location, contract_hash, contract_path, 'BACKWARD', sla, '[]'
       FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, product_id text, name text, kind text, format text, location text,
            contract_hash text, contract_path text, sla jsonb)`,
    [json(batch.map((r) => r.port))],
  );
  await insertDependents(db, batch);
}

async function insertDependents(db: pg.Client, batch: Rows[]): Promise<void> {
  await db.query(
    `INSERT INTO port_fields (port_id, path, type, description)
     SELECT port_id, path, type, description FROM jsonb_to_recordset($1::jsonb) AS r(port_id bigint, path text, type text, description text)`,
    [json(batch.flatMap((r) => r.fields))],
  );
  await db.query(
    `INSERT INTO input_dependencies (version_id, product_id, upstream_product_id, upstream_port, version_range, resolved_version)
     SELECT version_id, product_id, upstream, 'main', '^1.0.0', '1.0.0' FROM jsonb_to_recordset($1::jsonb) AS r(version_id bigint, product_id text, upstream text)`,
    [json(batch.flatMap((r) => r.inputs))],
  );
  await db.query(
    `INSERT INTO lineage_current_inputs (product_id, major, version_id, upstream_product_id, upstream_port, version_range, resolved_version)
     SELECT product_id, 1, version_id, upstream, 'main', '^1.0.0', '1.0.0' FROM jsonb_to_recordset($1::jsonb) AS r(version_id bigint, product_id text, upstream text)`,
    [json(batch.flatMap((r) => r.inputs))],
  );
  await db.query(
    `INSERT INTO major_lines (product_id, major, state, sunset, reason)
     SELECT product_id, 1, state, CASE WHEN state = 'deprecated' THEN current_date + 90 END,
            CASE WHEN state = 'deprecated' THEN 'replaced by a newer product' END
       FROM jsonb_to_recordset($1::jsonb) AS r(product_id text, state text)`,
    [json(batch.map((r) => r.line))],
  );
  await db.query(
    `INSERT INTO sla_observations (product_id, port, observed_at, last_update, availability, reported_by)
     SELECT product_id, port, observed_at, last_update, true, 'bench'
       FROM jsonb_to_recordset($1::jsonb) AS r(product_id text, port text, observed_at timestamptz, last_update timestamptz)`,
    [json(batch.flatMap((r) => (r.observation ? [r.observation] : [])))],
  );
}

/**
 * Writes a generated catalog as the publish path would (products, versions,
 * ports, fields, contracts, inputs, major lines, current lineage), without
 * running the checks: the rows of a version published at `now` with the
 * governance outcome the generator chose. Domains first, every product of
 * `products` in batches; returns how many products and fields it wrote.
 */
export async function loadSearchCatalog(
  db: pg.Client,
  domains: readonly string[],
  products: Iterable<BenchProduct>,
  now: Date,
): Promise<{ products: number; fields: number; ids: string[] }> {
  await db.query(
    `INSERT INTO domains (name, description, owner_team, owner_email)
     SELECT d, 'The ' || d || ' domain.', d || '-team-0', d || '-team-0@example.com' FROM unnest($1::text[]) d`,
    [domains],
  );
  const ids: string[] = [];
  let fields = 0;
  let batch: Rows[] = [];
  const flush = async () => {
    if (batch.length) await insertBatch(db, batch);
    batch = [];
  };
  for (const p of products) {
    const rows = rowsOf(p, now);
    ids.push(p.id);
    fields += rows.fields.length;
    batch.push(rows);
    if (batch.length === 500) await flush();
  }
  await flush();
  for (const table of ['product_versions', 'output_ports'])
    await db.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), $1)`, [ids.length]);
  return { products: ids.length, fields, ids };
}
