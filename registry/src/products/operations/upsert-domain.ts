import type { EntityManager } from 'typeorm';

export async function domainExists(manager: EntityManager, name: string): Promise<boolean> {
  const rows: unknown[] = await manager.query('SELECT 1 FROM domains WHERE name = $1', [name]);
  return rows.length > 0;
}

/**
 * Registers or refreshes a domain from its domain.yaml (already validated).
 * Says what happened, so the caller can audit a change.
 */
export async function upsertDomain(
  manager: EntityManager,
  name: string,
  doc: Record<string, unknown>,
): Promise<'created' | 'updated' | 'unchanged'> {
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
