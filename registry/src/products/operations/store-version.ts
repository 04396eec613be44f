import type { EntityManager } from 'typeorm';
import semver from 'semver';
import { contentHash, listFields, type DataProduct, type OutputPort } from '@dmesh/sdk';
import type { ResolvedInput } from '../../publish/stage-results.js';

/** An accepted version, as the publish pipeline's checks left it. */
export interface VersionToStore {
  productId: string;
  descriptor: DataProduct;
  /** Contract documents by the path the descriptor names them with. */
  contracts: Record<string, unknown>;
  contentHash: string;
  publishedBy: string;
  /** Whether it is above every stored version (the product row then follows it). */
  highest: boolean;
  inputs: readonly ResolvedInput[];
  compatibilityReport: Record<string, unknown>;
  governanceReport: object;
  /** The request's domain.yaml (validated): registers or refreshes the domain in the same statement. */
  domainDoc?: Record<string, unknown>;
}

/** What storing did to the domain: nothing without a domain.yaml, else whether its row was created or changed. */
export type DomainChange = 'created' | 'updated' | 'unchanged' | undefined;

/**
 * Writes one accepted version: its domain (when the request carried
 * domain.yaml), the product row, the version, its ports with their fields,
 * its inputs and field lineage, and its major line — in one statement (a
 * publish holds its product's lock meanwhile: fewer round trips are more
 * publishes a second). The contracts it references must already be stored
 * (ContractsService.store). Runs inside the publish transaction.
 */
export async function storeVersion(
  tx: EntityManager,
  v: VersionToStore,
): Promise<{ versionId: string; domainChange: DomainChange }> {
  const ports = v.descriptor.spec.outputs.map((port) => ({ port, fields: listFields(v.contracts[port.contract]) }));
  const [row]: { id: string; domain_change: 'created' | 'updated' | null }[] = await tx.query(STORE_VERSION_SQL, [
    ...productParams(v),
    ...versionParams(v),
    numbered(ports.map(({ port }) => portRow(port, contentHash(v.contracts[port.contract])))),
    numbered(ports.flatMap(({ port, fields }) => fields.map((f) => ({ port: port.name, ...f })))),
    numbered(ports.flatMap(({ port }) => fieldLineageRows(port.name, port.lineage ?? {}))),
    numbered(v.inputs.map((i) => ({ product: i.product, port: i.port, range: i.range, resolved: i.resolved ?? null }))),
    v.governanceReport,
    v.domainDoc ? domainRow(v.domainDoc) : null,
  ]);
  const domainChange = v.domainDoc ? (row.domain_change ?? 'unchanged') : undefined;
  return { versionId: String(row.id), domainChange };
}

/**
 * $1-$12 the product row (updated only when $12, the version is the highest),
 * $13-$21 and $26 the version, $22 ports, $23 fields by port name, $24 field
 * lineage, $25 inputs, $27 the domain (null: left as it is); rows in the
 * order given. Foreign keys are checked at the end of the statement, after
 * every part is written. A domain row is only rewritten when it changes.
 */
const STORE_VERSION_SQL = `
  WITH domain AS (
    INSERT INTO domains (name, title, description, owner_team, owner_email)
    SELECT $2, d.title, d.description, d.owner_team, d.owner_email
      FROM jsonb_to_record($27::jsonb) AS d(title text, description text, owner_team text, owner_email text)
     WHERE $27::jsonb IS NOT NULL
    ON CONFLICT (name) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
      owner_team = EXCLUDED.owner_team, owner_email = EXCLUDED.owner_email, updated_at = now()
    WHERE (domains.title, domains.description, domains.owner_team, domains.owner_email)
      IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.owner_team, EXCLUDED.owner_email)
    RETURNING (xmax = 0) AS created),
  product AS (
    INSERT INTO products (id, domain, name, title, description, owner_team, owner_email, tags, classification, tier, latest_version)
    VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
    ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
      owner_team = EXCLUDED.owner_team, owner_email = EXCLUDED.owner_email, tags = EXCLUDED.tags,
      classification = EXCLUDED.classification, tier = EXCLUDED.tier, latest_version = EXCLUDED.latest_version,
      updated_at = now()
    WHERE $12::boolean),
  version AS (
    INSERT INTO product_versions (product_id, version, major, minor, patch, prerelease, content_hash, descriptor, compatibility_report, published_by, governance_report)
    VALUES ($1,$13,$14,$15,$16,$17,$18,$19,$20,$21,$26) RETURNING id),
  ports AS (
    INSERT INTO output_ports (version_id, product_id, name, kind, format, location, contract_hash, contract_path, compatibility, sla, quality)
    SELECT version.id, $1, r.name, r.kind, r.format, r.location, r.hash, r.contract, r.compatibility, r.sla, r.quality
      FROM version, jsonb_to_recordset($22::jsonb)
        AS r(name text, kind text, format text, location text, hash text, contract text, compatibility text, sla jsonb, quality jsonb, n int)
     ORDER BY r.n
    RETURNING id, name),
  fields AS (
    INSERT INTO port_fields (port_id, path, type, description)
    SELECT ports.id, f.path, f.type, f.description
      FROM ports JOIN jsonb_to_recordset($23::jsonb)
        AS f(port text, path text, type text, description text, n int) ON f.port = ports.name
     ORDER BY f.n),
  lineage AS (
    INSERT INTO field_lineage (version_id, product_id, port, field, upstream_product_id, upstream_port, upstream_field)
    SELECT version.id, $1, r.port, r.field, r.upstream_product_id, r.upstream_port, r.upstream_field
      FROM version, jsonb_to_recordset($24::jsonb)
        AS r(port text, field text, upstream_product_id text, upstream_port text, upstream_field text, n int)
     ORDER BY r.n),
  inputs AS (
    INSERT INTO input_dependencies (version_id, product_id, upstream_product_id, upstream_port, version_range, resolved_version)
    SELECT version.id, $1, r.product, r.port, r.range, r.resolved
      FROM version, jsonb_to_recordset($25::jsonb)
        AS r(product text, port text, range text, resolved text, n int)
     ORDER BY r.n),
  line AS (INSERT INTO major_lines (product_id, major) VALUES ($1, $14) ON CONFLICT DO NOTHING)
  SELECT version.id, (SELECT CASE WHEN created THEN 'created' ELSE 'updated' END FROM domain) AS domain_change
    FROM version`;

/** domain.yaml as the domains row. */
function domainRow(doc: Record<string, unknown>) {
  const owner = doc.owner as { team: string; email: string };
  return {
    title: (doc.title as string | undefined) ?? null,
    description: doc.description,
    owner_team: owner.team,
    owner_email: owner.email,
  };
}

/** Rows as JSON, each with its position `n`: the statement inserts them in that order. */
const numbered = (rows: object[]) => JSON.stringify(rows.map((row, n) => ({ ...row, n })));

/** The product row: its metadata follows the highest version. */
function productParams(v: VersionToStore): unknown[] {
  const m = v.descriptor.metadata;
  return [
    v.productId,
    m.domain,
    m.name,
    m.title,
    m.description,
    m.owner.team,
    m.owner.email,
    m.tags ?? [],
    m.classification ?? 'internal',
    m.tier ?? 'bronze',
    m.version,
    v.highest,
  ];
}

function versionParams(v: VersionToStore): unknown[] {
  const parsed = semver.parse(v.descriptor.metadata.version)!;
  return [
    v.descriptor.metadata.version,
    parsed.major,
    parsed.minor,
    parsed.patch,
    parsed.prerelease.length ? parsed.prerelease.join('.') : null,
    v.contentHash,
    v.descriptor,
    v.compatibilityReport,
    v.publishedBy,
  ];
}

function portRow(port: OutputPort, hash: string) {
  return {
    name: port.name,
    kind: port.kind,
    format: port.format,
    location: port.location,
    hash,
    contract: port.contract,
    compatibility: port.compatibility ?? 'BACKWARD',
    sla: port.sla ?? null,
    quality: port.quality ?? [],
  };
}

/** `field: [<product>/<port>#<upstream field>, …]` as rows. */
function fieldLineageRows(port: string, lineage: Record<string, string[]>) {
  return Object.entries(lineage).flatMap(([field, refs]) =>
    refs.map((ref) => {
      const [productAndPort, upstreamField] = ref.split('#');
      const [upstreamProduct, upstreamPort] = productAndPort.split('/');
      return {
        port,
        field,
        upstream_product_id: upstreamProduct,
        upstream_port: upstreamPort,
        upstream_field: upstreamField,
      };
    }),
  );
}
