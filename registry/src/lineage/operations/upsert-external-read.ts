import type { EntityManager } from 'typeorm';

export interface ExternalReadWrite {
  domain: string;
  name: string;
  /** Absent: keep the kind of an existing consumer (a new one must name it). */
  kind: string;
  description: string | null;
  owner: { team: string; email: string };
  product: string;
  port: string;
  versionRange: string;
  fields: string[];
  expires: string | null;
  actor: string;
  at: Date;
}

/**
 * Registers a consumer (or updates its kind, description and owner) and the
 * read of one port (or replaces its range, fields and expiry). Returns whether
 * the consumer was new.
 */
export async function upsertExternalRead(tx: EntityManager, w: ExternalReadWrite): Promise<boolean> {
  const [consumer]: { created: boolean }[] = await tx.query(
    `INSERT INTO lineage_external_consumers (domain, name, kind, description, owner_team, owner_email, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
     ON CONFLICT (domain, name) DO UPDATE
       SET kind = EXCLUDED.kind, description = coalesce(EXCLUDED.description, lineage_external_consumers.description),
           owner_team = EXCLUDED.owner_team, owner_email = EXCLUDED.owner_email, updated_at = EXCLUDED.updated_at
     RETURNING (xmax = 0) AS created`,
    [w.domain, w.name, w.kind, w.description, w.owner.team, w.owner.email, w.actor, w.at],
  );
  await tx.query(
    `INSERT INTO lineage_external_reads (domain, name, upstream_product_id, upstream_port, version_range, fields, expires, registered_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (domain, name, upstream_product_id, upstream_port) DO UPDATE
       SET version_range = EXCLUDED.version_range, fields = EXCLUDED.fields, expires = EXCLUDED.expires,
           registered_by = EXCLUDED.registered_by, updated_at = EXCLUDED.updated_at`,
    [w.domain, w.name, w.product, w.port, w.versionRange, w.fields, w.expires, w.actor, w.at],
  );
  return consumer.created;
}
