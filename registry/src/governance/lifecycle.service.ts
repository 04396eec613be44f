import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { activeWaiver, checkRetirement, effectiveParams } from '@dmesh/sdk';
import { AuditService } from '../audit/audit.service.js';
import { mayPublish, type Principal } from '../auth/auth.service.js';
import { RegistryError } from '../common/registry-error.js';
import { refreshCurrentLineage } from '../lineage/operations/refresh-current-lineage.js';
import { CLOCK, type Clock } from '../sla/clock.js';
import { majorLineConsumers, type LineConsumer } from './operations/major-line-consumers.js';
import { effectivePoliciesFor, waiversFor } from './operations/policies.js';

export interface MajorLineChange {
  product: string;
  major: number;
  state: 'deprecated' | 'retired';
  sunset?: string;
  reason?: string;
  consumers: LineConsumer[];
  warnings: string[];
}

interface LineRow {
  state: string;
  sunset: string | null;
  deprecated_at: Date | null;
  reason: string | null;
}

/** Major-line lifecycle: active → deprecated (sunset, reason) → retired, waiting for consumers. */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async lockLine(
    manager: EntityManager,
    productId: string,
    major: number,
    principal: Principal,
  ): Promise<LineRow> {
    if (!mayPublish(principal, productId.split('.')[0]))
      throw new RegistryError('FORBIDDEN', `${principal.name} may not change the lifecycle of ${productId}`);
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [productId]);
    const [line] = await manager.query(
      `SELECT state, to_char(sunset, 'YYYY-MM-DD') AS sunset, deprecated_at, reason FROM major_lines WHERE product_id = $1 AND major = $2`,
      [productId, major],
    );
    if (!line)
      throw new RegistryError('NOT_FOUND', `${productId} has no major line ${major}`, [
        {
          code: 'MAJOR_LINE_NOT_FOUND',
          message: `no ${major}.x versions of ${productId}`,
          fix: `see the major lines with: dmesh show ${productId}`,
        },
      ]);
    return line;
  }

  /** Deprecates a major line and notifies (records an event for) every consumer still on it. */
  async deprecate(
    productId: string,
    major: number,
    input: { sunset: string; reason: string },
    principal: Principal,
  ): Promise<MajorLineChange> {
    const today = this.clock.now().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.sunset ?? '') || Number.isNaN(Date.parse(input.sunset)))
      throw new RegistryError('BAD_REQUEST', `sunset must be a date YYYY-MM-DD, got "${input.sunset}"`);
    if (input.sunset < today)
      throw new RegistryError('BAD_REQUEST', `the sunset ${input.sunset} is in the past (today is ${today})`);
    if (!input.reason?.trim())
      throw new RegistryError('BAD_REQUEST', 'a deprecation needs a reason consumers can read');
    return this.dataSource.transaction(async (manager) => {
      const line = await this.lockLine(manager, productId, major, principal);
      if (line.state === 'retired')
        throw new RegistryError('VERSION_CONFLICT', `${productId}@${major} is already retired`);
      await manager.query(
        `UPDATE major_lines SET state = 'deprecated', sunset = $3, reason = $4, deprecated_at = coalesce(deprecated_at, $5), changed_at = now() WHERE product_id = $1 AND major = $2`,
        [productId, major, input.sunset, input.reason, this.clock.now()],
      );
      const consumers = await majorLineConsumers(manager, productId, major);
      await this.audit.record(
        {
          actor: principal.name,
          action: 'major.deprecated',
          subject: `${productId}@${major}`,
          outcome: 'accepted',
          detail: { ...input, consumers: consumers.map((c) => c.product) },
        },
        manager,
      );
      for (const c of consumers) {
        await this.audit.record(
          {
            actor: principal.name,
            action: 'deprecation.notice',
            subject: c.product,
            outcome: 'info',
            detail: {
              upstream: `${productId}@${major}`,
              port: c.port,
              range: c.range,
              sunset: input.sunset,
              reason: input.reason,
              owner: c.owner,
            },
          },
          manager,
        );
      }
      return {
        product: productId,
        major,
        state: 'deprecated',
        sunset: input.sunset,
        reason: input.reason,
        consumers,
        warnings: [],
      };
    });
  }

  /** Retires a deprecated major line: not before its sunset, and not while the deprecation-window policy forbids it. */
  async retire(productId: string, major: number, principal: Principal): Promise<MajorLineChange> {
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const line = await this.lockLine(manager, productId, major, principal);
        if (line.state === 'retired')
          throw new RegistryError('VERSION_CONFLICT', `${productId}@${major} is already retired`);
        const consumers = await majorLineConsumers(manager, productId, major);
        const who = consumers.length
          ? consumers.map((c) => `${c.product} (${c.owner.team})`).join(', ')
          : 'none registered';
        const details = consumers.map((c) => ({
          code: 'CONSUMER',
          message: `${c.product} reads ${c.port} with ${c.range} (resolved ${c.resolved}); owner ${c.owner.team} <${c.owner.email}>`,
        }));
        if (line.state !== 'deprecated' || !line.sunset) {
          throw new RegistryError(
            'PUBLISH_REJECTED',
            `${productId}@${major} is ${line.state}; deprecate it with a sunset before retiring it (consumers: ${who})`,
            details,
          );
        }
        if (today < line.sunset)
          throw new RegistryError(
            'PUBLISH_REJECTED',
            `${productId}@${major} cannot be retired before its sunset ${line.sunset}; consumers: ${who}`,
            details,
          );
        const warnings = await this.checkWindow(
          manager,
          productId,
          {
            deprecatedAt: line.deprecated_at?.toISOString(),
            sunset: line.sunset,
            consumers: consumers.map((c) => c.product),
            today,
          },
          details,
        );
        await manager.query(
          `UPDATE major_lines SET state = 'retired', changed_at = now() WHERE product_id = $1 AND major = $2`,
          [productId, major],
        );
        // A retired line no longer runs: its edges leave traversal and impact in the same transaction.
        await refreshCurrentLineage(manager, productId);
        await this.audit.record(
          {
            actor: principal.name,
            action: 'major.retired',
            subject: `${productId}@${major}`,
            outcome: 'accepted',
            detail: { consumers: consumers.map((c) => c.product), warnings },
          },
          manager,
        );
        return {
          product: productId,
          major,
          state: 'retired',
          sunset: line.sunset,
          ...(line.reason && { reason: line.reason }),
          consumers,
          warnings,
        };
      });
    } catch (err) {
      if (err instanceof RegistryError)
        await this.audit.record({
          actor: principal.name,
          action: 'major.retire',
          subject: `${productId}@${major}`,
          outcome: 'rejected',
          detail: { code: err.code, message: err.message },
        });
      throw err;
    }
  }

  /** The effective deprecation-window policies: an error one blocks (unless waived), a warning one reports. */
  private async checkWindow(
    manager: EntityManager,
    productId: string,
    facts: Parameters<typeof checkRetirement>[1],
    details: { code: string; message: string }[],
  ): Promise<string[]> {
    const domain = productId.split('.')[0];
    const [policies, waivers] = await Promise.all([
      effectivePoliciesFor(manager, domain),
      waiversFor(manager, productId),
    ]);
    const warnings: string[] = [];
    for (const policy of policies.filter((p) => p.rule.type === 'deprecation-window')) {
      const { minDays } = effectiveParams(
        'deprecation-window',
        (policy.rule as { params?: Record<string, unknown> }).params,
      ) as { minDays: number };
      const problem = checkRetirement(minDays, facts);
      if (!problem) continue;
      if (policy.severity === 'error' && !activeWaiver(waivers, policy.id, productId, facts.today)) {
        throw new RegistryError('PUBLISH_REJECTED', `[${policy.id}] ${problem.message}`, [
          { code: `POLICY_${policy.id.toUpperCase().replace(/-/g, '_')}`, message: problem.message, fix: problem.fix },
          ...details,
        ]);
      }
      warnings.push(`[${policy.id}] ${problem.message}`);
    }
    return warnings;
  }
}
