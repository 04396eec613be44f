import type { EntityManager } from 'typeorm';
import { RegistryError } from '../../common/registry-error.js';

/**
 * Registers or refreshes a domain from its domain.yaml; a product in an unknown
 * domain needs one. Says what happened, so the caller can audit a change.
 */
export async function upsertDomain(
  manager: EntityManager,
  name: string,
  doc: Record<string, unknown> | undefined,
): Promise<'created' | 'updated' | 'unchanged'> {
  if (!doc) {
    const [row] = await manager.query('SELECT 1 FROM domains WHERE name = $1', [name]);
    if (row) return 'unchanged';
    throw new RegistryError('PUBLISH_REJECTED', `domain "${name}" is not registered`, [
      {
        code: 'DOMAIN_UNKNOWN',
        file: 'domain.yaml',
        path: '/',
        message: `domain "${name}" is not registered`,
        fix: `create ../domain.yaml next to the product folder (dmesh init writes one) and publish again`,
      },
    ]);
  }
  const owner = doc.owner as { team: string; email: string };
  const rows: { created: boolean }[] = await manager.query(
    `INSERT INTO domains (name, title, description, owner_team, owner_email) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (name) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
       owner_team = EXCLUDED.owner_team, owner_email = EXCLUDED.owner_email, updated_at = now()
     WHERE (domains.title, domains.description, domains.owner_team, domains.owner_email)
       IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.owner_team, EXCLUDED.owner_email)
     RETURNING (xmax = 0) AS created`,
    [name, (doc.title as string | undefined) ?? null, doc.description, owner.team, owner.email],
  );
  // No row back: the domain exists with the same content (the conditional update did nothing).
  return rows.length === 0 ? 'unchanged' : rows[0].created ? 'created' : 'updated';
}
