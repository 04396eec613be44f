import type { EntityManager } from 'typeorm';
import type { Policy, Waiver } from '@dmesh/sdk';

interface PolicyRow {
  id: string;
  title: string;
  description: string;
  scope: string;
  severity: 'error' | 'warning';
  rule: Policy['rule'];
  updated_by: string;
  updated_at: Date;
}

export const toPolicy = (r: PolicyRow): Policy & { updatedBy: string; updatedAt: string } => ({
  id: r.id,
  title: r.title,
  description: r.description,
  scope: r.scope,
  severity: r.severity,
  rule: r.rule,
  updatedBy: r.updated_by,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** Policies, optionally only one scope (`global` or `domain:<name>`), by id. */
export async function listPolicies(manager: EntityManager, scope?: string): Promise<ReturnType<typeof toPolicy>[]> {
  const rows: PolicyRow[] = scope
    ? await manager.query('SELECT * FROM policies WHERE scope = $1 AND deleted_at IS NULL ORDER BY id', [scope])
    : await manager.query('SELECT * FROM policies WHERE deleted_at IS NULL ORDER BY scope, id');
  return rows.map(toPolicy);
}

export async function upsertPolicy(manager: EntityManager, p: Policy, actor: string): Promise<'created' | 'updated'> {
  const [row] = await manager.query(
    `INSERT INTO policies (id, title, description, scope, severity, rule, updated_by) VALUES ($1,$2,$3,$4,$5,$6,$7)
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description, scope = EXCLUDED.scope,
       severity = EXCLUDED.severity, rule = EXCLUDED.rule, updated_by = EXCLUDED.updated_by, updated_at = now(),
       deleted_at = NULL, deleted_by = NULL
     RETURNING (xmax = 0) AS created`,
    [p.id, p.title, p.description ?? '', p.scope, p.severity, JSON.stringify(p.rule), actor],
  );
  return row.created ? 'created' : 'updated';
}

/**
 * What a publish's governance check reads, in one statement: the policies
 * that apply to the product's domain (global ∪ domain:<name>, by id) and the
 * product's waivers not revoked.
 */
export async function governanceInputs(
  manager: EntityManager,
  domain: string,
  productId: string,
): Promise<{ policies: Policy[]; waivers: Waiver[] }> {
  const [row]: { policies: PolicyRow[]; waivers: WaiverRow[] }[] = await manager.query(
    `SELECT (SELECT coalesce(jsonb_agg(p ORDER BY p.id), '[]') FROM policies p WHERE (p.scope = 'global' OR p.scope = $1) AND p.deleted_at IS NULL) AS policies,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('policy_id', w.policy_id, 'product_id', w.product_id,
                       'until', to_char(w.until, 'YYYY-MM-DD'), 'reason', w.reason)), '[]')
               FROM waivers w WHERE w.product_id = $2 AND w.revoked_at IS NULL) AS waivers`,
    [`domain:${domain}`, productId],
  );
  return { policies: row.policies.map(toPolicy), waivers: row.waivers.map(toWaiver) };
}

/** Soft delete: the row stays (waivers keep their policy) and can be restored; false when there was none to delete. */
export async function softDeletePolicy(manager: EntityManager, id: string, actor: string): Promise<boolean> {
  const [rows] = await manager.query(
    `UPDATE policies SET deleted_at = now(), deleted_by = $2 WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
    [id, actor],
  );
  return rows.length > 0;
}

/** Undoes a soft delete; false when the policy is not deleted. */
export async function restorePolicy(manager: EntityManager, id: string, actor: string): Promise<boolean> {
  const [rows] = await manager.query(
    `UPDATE policies SET deleted_at = NULL, deleted_by = NULL, updated_by = $2, updated_at = now()
      WHERE id = $1 AND deleted_at IS NOT NULL RETURNING id`,
    [id, actor],
  );
  return rows.length > 0;
}

interface WaiverRow {
  policy_id: string;
  product_id: string;
  until: string;
  reason: string;
}

const toWaiver = (r: WaiverRow): Waiver => ({
  policy: r.policy_id,
  product: r.product_id,
  until: r.until,
  reason: r.reason,
});
