import type { EntityManager } from 'typeorm';
import semver from 'semver';
import { contentHash, listFields } from '@dmesh/sdk';
import type { PublishContext } from '../publish/publish.types.js';
import { refreshCurrentLineage } from '../../lineage/operations/refresh-current-lineage.js';

/** Creates or refreshes the product row; its metadata follows the highest version. */
async function upsertProduct(ctx: PublishContext, searchText: string): Promise<void> {
  const { manager, productId } = ctx;
  const m = ctx.bundle.descriptor.metadata;
  const isHighest = ctx.existing.every((e) => semver.gt(m.version, e.version));
  await manager.query(
    `INSERT INTO products (id, domain, name, title, description, owner_team, owner_email, tags, classification, tier, latest_version, search_text)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
       owner_team = EXCLUDED.owner_team, owner_email = EXCLUDED.owner_email, tags = EXCLUDED.tags,
       classification = EXCLUDED.classification, tier = EXCLUDED.tier, latest_version = EXCLUDED.latest_version,
       search_text = EXCLUDED.search_text, updated_at = now()
     WHERE $13::boolean`,
    [
      productId,
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
      searchText,
      isHighest,
    ],
  );
}

/** Writes one accepted version with its ports, fields, inputs and lineage. Runs inside the publish transaction. */
export async function storeVersion(ctx: PublishContext): Promise<string> {
  const { manager, bundle, productId } = ctx;
  const d = bundle.descriptor;
  const v = semver.parse(d.metadata.version)!;
  const fieldsByPort = new Map(d.spec.outputs.map((p) => [p.name, listFields(bundle.contracts[p.contract])]));
  const searchText = [
    productId,
    d.metadata.title,
    d.metadata.description,
    ...(d.metadata.tags ?? []),
    ...d.spec.outputs.flatMap((p) => [
      p.name,
      ...(fieldsByPort.get(p.name) ?? []).flatMap((f) => [f.path, f.description ?? '']),
    ]),
  ]
    .join(' ')
    .toLowerCase();
  await upsertProduct(ctx, searchText);
  const [{ id: versionId }] = await manager.query(
    `INSERT INTO product_versions (product_id, version, major, minor, patch, prerelease, content_hash, descriptor, compatibility_report, published_by, governance_report)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
    [
      productId,
      d.metadata.version,
      v.major,
      v.minor,
      v.patch,
      v.prerelease.length ? v.prerelease.join('.') : null,
      ctx.contentHash,
      d,
      { requiredBump: ctx.requiredBump, ports: ctx.compatibility },
      ctx.principal.name,
      ctx.governance ?? {},
    ],
  );
  for (const port of d.spec.outputs) {
    const schema = bundle.contracts[port.contract];
    const hash = contentHash(schema);
    await manager.query(`INSERT INTO contracts (hash, schema) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING`, [
      hash,
      JSON.stringify(schema),
    ]);
    const [{ id: portId }] = await manager.query(
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
    const fields = fieldsByPort.get(port.name) ?? [];
    if (fields.length) {
      await manager.query(
        `INSERT INTO port_fields (port_id, path, type, description)
         SELECT $1, f.path, f.type, f.description FROM jsonb_to_recordset($2::jsonb) AS f(path text, type text, description text)`,
        [portId, JSON.stringify(fields)],
      );
    }
    await insertLineage(manager, versionId, productId, port.name, port.lineage ?? {});
  }
  for (const input of ctx.inputs) {
    await manager.query(
      `INSERT INTO input_dependencies (version_id, product_id, upstream_product_id, upstream_port, version_range, resolved_version) VALUES ($1,$2,$3,$4,$5,$6)`,
      [versionId, productId, input.product, input.port, input.range, input.resolved ?? null],
    );
  }
  await manager.query(`INSERT INTO major_lines (product_id, major) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    productId,
    v.major,
  ]);
  await refreshCurrentLineage(manager, productId);
  return String(versionId);
}

async function insertLineage(
  manager: EntityManager,
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
  await manager.query(
    `INSERT INTO field_lineage (version_id, product_id, port, field, upstream_product_id, upstream_port, upstream_field)
     SELECT $1, $2, $3, r.field, r.upstream_product_id, r.upstream_port, r.upstream_field
       FROM jsonb_to_recordset($4::jsonb) AS r(field text, upstream_product_id text, upstream_port text, upstream_field text)`,
    [versionId, productId, port, JSON.stringify(rows)],
  );
}
