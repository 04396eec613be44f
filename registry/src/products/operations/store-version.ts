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
}

/**
 * Writes one accepted version: the product row, the version, its ports with
 * their fields, its inputs and field lineage, and its major line. The
 * contracts it references must already be stored (ContractsService.store).
 * Runs inside the publish transaction; returns the version's row id.
 */
export async function storeVersion(tx: EntityManager, v: VersionToStore): Promise<string> {
  const ports = v.descriptor.spec.outputs.map((port) => ({ port, fields: listFields(v.contracts[port.contract]) }));
  await upsertProduct(tx, v);
  const versionId = await insertVersion(tx, v);
  for (const { port, fields } of ports) {
    const portId = await insertPort(tx, versionId, v.productId, port, contentHash(v.contracts[port.contract]));
    await insertFields(tx, portId, fields);
    await insertFieldLineage(tx, versionId, v.productId, port.name, port.lineage ?? {});
  }
  await insertInputs(tx, versionId, v.productId, v.inputs);
  await tx.query(`INSERT INTO major_lines (product_id, major) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    v.productId,
    semver.major(v.descriptor.metadata.version),
  ]);
  return versionId;
}

type Fields = ReturnType<typeof listFields>;

/** Creates or refreshes the product row; its metadata follows the highest version. */
async function upsertProduct(tx: EntityManager, v: VersionToStore): Promise<void> {
  const m = v.descriptor.metadata;
  await tx.query(
    `INSERT INTO products (id, domain, name, title, description, owner_team, owner_email, tags, classification, tier, latest_version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
       owner_team = EXCLUDED.owner_team, owner_email = EXCLUDED.owner_email, tags = EXCLUDED.tags,
       classification = EXCLUDED.classification, tier = EXCLUDED.tier, latest_version = EXCLUDED.latest_version,
       updated_at = now()
     WHERE $12::boolean`,
    [
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
    ],
  );
}

async function insertVersion(tx: EntityManager, v: VersionToStore): Promise<string> {
  const parsed = semver.parse(v.descriptor.metadata.version)!;
  const [{ id }]: { id: string }[] = await tx.query(
    `INSERT INTO product_versions (product_id, version, major, minor, patch, prerelease, content_hash, descriptor, compatibility_report, published_by, governance_report)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
    [
      v.productId,
      v.descriptor.metadata.version,
      parsed.major,
      parsed.minor,
      parsed.patch,
      parsed.prerelease.length ? parsed.prerelease.join('.') : null,
      v.contentHash,
      v.descriptor,
      v.compatibilityReport,
      v.publishedBy,
      v.governanceReport,
    ],
  );
  return String(id);
}

async function insertPort(
  tx: EntityManager,
  versionId: string,
  productId: string,
  port: OutputPort,
  hash: string,
): Promise<string> {
  const [{ id }]: { id: string }[] = await tx.query(
    `INSERT INTO output_ports (version_id, product_id, name, kind, format, location, contract_hash, contract_path, compatibility, sla, quality)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
    [
      versionId,
      productId,
      port.name,
      port.kind,
      port.format,
      port.location,
      hash,
      port.contract,
      port.compatibility ?? 'BACKWARD',
      port.sla ?? null,
      JSON.stringify(port.quality ?? []),
    ],
  );
  return String(id);
}

async function insertFields(tx: EntityManager, portId: string, fields: Fields): Promise<void> {
  if (!fields.length) return;
  await tx.query(
    `INSERT INTO port_fields (port_id, path, type, description)
     SELECT $1, f.path, f.type, f.description FROM jsonb_to_recordset($2::jsonb) AS f(path text, type text, description text)`,
    [portId, JSON.stringify(fields)],
  );
}

async function insertInputs(
  tx: EntityManager,
  versionId: string,
  productId: string,
  inputs: readonly ResolvedInput[],
): Promise<void> {
  for (const input of inputs) {
    await tx.query(
      `INSERT INTO input_dependencies (version_id, product_id, upstream_product_id, upstream_port, version_range, resolved_version) VALUES ($1,$2,$3,$4,$5,$6)`,
      [versionId, productId, input.product, input.port, input.range, input.resolved ?? null],
    );
  }
}

/** `field: [<product>/<port>#<upstream field>, …]` as rows. */
async function insertFieldLineage(
  tx: EntityManager,
  versionId: string,
  productId: string,
  port: string,
  lineage: Record<string, string[]>,
): Promise<void> {
  const rows = Object.entries(lineage).flatMap(([field, refs]) =>
    refs.map((ref) => {
      const [productAndPort, upstreamField] = ref.split('#');
      const [upstreamProduct, upstreamPort] = productAndPort.split('/');
      return {
        field,
        upstream_product_id: upstreamProduct,
        upstream_port: upstreamPort,
        upstream_field: upstreamField,
      };
    }),
  );
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO field_lineage (version_id, product_id, port, field, upstream_product_id, upstream_port, upstream_field)
     SELECT $1, $2, $3, r.field, r.upstream_product_id, r.upstream_port, r.upstream_field
       FROM jsonb_to_recordset($4::jsonb) AS r(field text, upstream_product_id text, upstream_port text, upstream_field text)`,
    [versionId, productId, port, JSON.stringify(rows)],
  );
}
