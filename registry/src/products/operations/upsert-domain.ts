import type { EntityManager } from 'typeorm';

export async function domainExists(manager: EntityManager, name: string): Promise<boolean> {
  const rows: unknown[] = await manager.query('SELECT 1 FROM domains WHERE name = $1', [name]);
  return rows.length > 0;
}
