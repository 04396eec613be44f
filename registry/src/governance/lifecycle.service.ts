import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { mayPublish, type Principal } from '../auth/auth.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { RequestError } from '../common/registry-error.js';
import { ExternalConsumersService } from '../lineage/external/external-consumers.service.js';
import { LineageService } from '../lineage/lineage.service.js';
import { ProductsService } from '../products/products.service.js';
import { majorLineKey, type LineConsumer, type LockedLine } from '../products/products.types.js';
import { consumerDetails, deprecationNotices, retirementWarnings } from './deprecation-window.js';
import { GovernanceError } from './governance.errors.js';

export interface MajorLineChange {
  product: string;
  major: number;
  state: 'deprecated' | 'retired';
  sunset?: string;
  reason?: string;
  consumers: LineConsumer[];
  warnings: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Major-line lifecycle: active → deprecated (sunset, reason) → retired, waiting for consumers. */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly products: ProductsService,
    private readonly lineage: LineageService,
    private readonly externals: ExternalConsumersService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Deprecates a major line and notifies (records an event for) every consumer still on it. */
  async deprecate(
    productId: string,
    major: number,
    input: { sunset: string; reason: string },
    principal: Principal,
  ): Promise<MajorLineChange> {
    const attempt = { actor: principal.name, action: 'major.deprecate', subject: `${productId}@${major}` };
    return this.audit.recordRefusal(attempt, async () => {
      this.checkDeprecation(input);
      return this.dataSource.transaction(async (tx) => {
        await this.lockLine(tx, productId, major, principal);
        await this.products.markDeprecated(tx, productId, major, { ...input, at: this.clock.now() });
        const consumers = await this.consumers(tx, productId, major);
        for (const event of deprecationNotices(principal.name, `${productId}@${major}`, input, consumers))
          await this.audit.record(event, tx);
        return { product: productId, major, state: 'deprecated', ...input, consumers, warnings: [] };
      });
    });
  }

  /** Retires a deprecated major line: not before its sunset, and not while the deprecation-window policy forbids it. */
  async retire(productId: string, major: number, principal: Principal): Promise<MajorLineChange> {
    const attempt = { actor: principal.name, action: 'major.retire', subject: `${productId}@${major}` };
    return this.audit.recordRefusal(attempt, () =>
      this.dataSource.transaction(async (tx) => {
        const line = await this.lockLine(tx, productId, major, principal);
        const consumers = await this.consumers(tx, productId, major);
        const today = this.clock.now().toISOString().slice(0, 10);
        assertRetirable(line, consumers, today);
        const warnings = await retirementWarnings(tx, line, consumers, today);
        await this.products.markRetired(tx, productId, major);
        // A retired line no longer runs: its edges leave traversal and impact in the same transaction.
        await this.lineage.refreshCurrent(tx, productId);
        const detail = { consumers: consumers.map((c) => c.product), warnings };
        await this.audit.record({ ...attempt, action: 'major.retired', outcome: 'accepted', detail }, tx);
        const { sunset, reason } = line;
        return {
          product: productId,
          major,
          state: 'retired',
          sunset: sunset!,
          ...(reason && { reason }),
          consumers,
          warnings,
        };
      }),
    );
  }

  private checkDeprecation(input: { sunset: string; reason: string }): void {
    const today = this.clock.now().toISOString().slice(0, 10);
    if (!DATE.test(input.sunset ?? '') || Number.isNaN(Date.parse(input.sunset)))
      throw new RequestError('BAD_REQUEST', `sunset must be a date YYYY-MM-DD, got "${input.sunset}"`);
    if (input.sunset < today)
      throw new RequestError('BAD_REQUEST', `the sunset ${input.sunset} is in the past (today is ${today})`);
    if (!input.reason?.trim()) throw new RequestError('BAD_REQUEST', 'a deprecation needs a reason consumers can read');
  }

  /** The line, locked for the change; refused when the principal may not change it or it is retired. */
  private async lockLine(tx: EntityManager, productId: string, major: number, principal: Principal) {
    if (!mayPublish(principal, productId.split('.')[0]))
      throw new RequestError('FORBIDDEN', `${principal.name} may not change the lifecycle of ${productId}`);
    const line = await this.products.lockMajorLine(tx, productId, major);
    if (!line)
      throw new RequestError('NOT_FOUND', `${productId} has no major line ${major}`, [
        {
          code: 'MAJOR_LINE_NOT_FOUND',
          message: `no ${major}.x versions of ${productId}`,
          fix: `see the major lines with: dmesh show ${productId}`,
        },
      ]);
    if (line.state === 'retired')
      throw new GovernanceError('MAJOR_LINE_RETIRED', `${productId}@${major} is already retired`);
    return line;
  }

  /** Products still on the line, then consumers outside the mesh whose registration has not lapsed. */
  private async consumers(tx: EntityManager, productId: string, major: number): Promise<LineConsumer[]> {
    const line = [{ productId, major }];
    const [products, externals] = [
      await this.products.consumersOfMajorLines(line, tx),
      await this.externals.onMajorLines(tx, line),
    ];
    const key = majorLineKey(productId, major);
    return [...(products.get(key) ?? []), ...(externals.get(key) ?? [])];
  }
}

/** A line is retired only once deprecated with a sunset, and not before the sunset. */
function assertRetirable(line: LockedLine, consumers: LineConsumer[], today: string): void {
  const id = `${line.productId}@${line.major}`;
  const who = consumers.length ? consumers.map((c) => `${c.product} (${c.owner.team})`).join(', ') : 'none registered';
  if (line.state !== 'deprecated' || !line.sunset)
    throw new GovernanceError(
      'RETIRE_REFUSED',
      `${id} is ${line.state}; deprecate it with a sunset before retiring it (consumers: ${who})`,
      consumerDetails(consumers),
    );
  if (today < line.sunset)
    throw new GovernanceError(
      'RETIRE_REFUSED',
      `${id} cannot be retired before its sunset ${line.sunset}; consumers: ${who}`,
      consumerDetails(consumers),
    );
}
