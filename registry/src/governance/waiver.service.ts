import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/auth.service.js';
import { RequestError } from '../common/registry-error.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { assertGovernance, PolicyService } from './policy.service.js';

export interface WaiverView {
  id: string;
  policy: string;
  product: string;
  until: string;
  reason: string;
  createdBy: string;
  active: boolean;
}

/** Waivers: one policy, one product, until a date, with a reason. Expired waivers stop applying by themselves. */
@Injectable()
export class WaiverService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(
    input: { policy: string; product: string; until: string; reason: string },
    principal: Principal,
  ): Promise<WaiverView> {
    assertGovernance(principal, 'waiving a policy');
    await this.policies.get(input.policy);
    const today = this.clock.now().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.until ?? '') || Number.isNaN(Date.parse(input.until)))
      throw new RequestError('BAD_REQUEST', 'until must be a date YYYY-MM-DD');
    if (input.until < today)
      throw new RequestError('BAD_REQUEST', `until ${input.until} is in the past (today is ${today})`);
    if (!input.reason?.trim()) throw new RequestError('BAD_REQUEST', 'a waiver needs a reason');
    if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/.test(input.product ?? ''))
      throw new RequestError('BAD_REQUEST', `product must be <domain>.<product>, got "${input.product}"`);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO waivers (policy_id, product_id, until, reason, created_by) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [input.policy, input.product, input.until, input.reason, principal.name],
      );
      await this.audit.record(
        {
          actor: principal.name,
          action: 'waiver.created',
          subject: input.product,
          outcome: 'accepted',
          detail: { ...input, id: String(row.id) },
        },
        manager,
      );
      return { id: String(row.id), ...input, createdBy: principal.name, active: true };
    });
  }

  async list(product?: string): Promise<WaiverView[]> {
    const today = this.clock.now().toISOString().slice(0, 10);
    const rows: {
      id: string;
      policy_id: string;
      product_id: string;
      until: string;
      reason: string;
      created_by: string;
    }[] = await this.dataSource.query(
      `SELECT id, policy_id, product_id, to_char(until, 'YYYY-MM-DD') AS until, reason, created_by FROM waivers
        WHERE revoked_at IS NULL AND ($1::text IS NULL OR product_id = $1) ORDER BY id`,
      [product ?? null],
    );
    return rows.map((r) => ({
      id: String(r.id),
      policy: r.policy_id,
      product: r.product_id,
      until: r.until,
      reason: r.reason,
      createdBy: r.created_by,
      active: r.until >= today,
    }));
  }

  async revoke(id: string, principal: Principal): Promise<void> {
    assertGovernance(principal, 'revoking a waiver');
    await this.dataSource.transaction(async (manager) => {
      // TypeORM answers an UPDATE with [rows, rowCount].
      const [rows] = await manager.query(
        `UPDATE waivers SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING product_id`,
        [id],
      );
      if (!rows.length) throw new RequestError('NOT_FOUND', `waiver ${id} does not exist or is already revoked`);
      await this.audit.record(
        {
          actor: principal.name,
          action: 'waiver.revoked',
          subject: rows[0].product_id,
          outcome: 'accepted',
          detail: { id },
        },
        manager,
      );
    });
  }
}
