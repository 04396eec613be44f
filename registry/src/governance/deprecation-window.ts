import { activeWaiver, checkRetirement, effectiveParams } from '@dmesh/sdk';
import type { EntityManager } from 'typeorm';
import type { ErrorDetail } from '../common/registry-error.js';
import type { AuditEvent } from '../audit/audit.service.js';
import type { LineConsumer, LockedLine } from '../products/products.types.js';
import { GovernanceError } from './governance.errors.js';
import { governanceInputs } from './operations/policies.js';

/** The deprecation event and one notice per consumer still on the line. */
export function deprecationNotices(
  actor: string,
  line: string,
  input: { sunset: string; reason: string },
  consumers: LineConsumer[],
): AuditEvent[] {
  const deprecated: AuditEvent = {
    actor,
    action: 'major.deprecated',
    subject: line,
    outcome: 'accepted',
    detail: { ...input, consumers: consumers.map((c) => c.product) },
  };
  const notices = consumers.map((c): AuditEvent => ({
    actor,
    action: 'deprecation.notice',
    subject: c.product,
    outcome: 'info',
    detail: { upstream: line, port: c.port, range: c.range, ...input, owner: c.owner },
  }));
  return [deprecated, ...notices];
}

/**
 * The effective deprecation-window policies on retiring a line: an error one
 * refuses (unless waived for the product), a warning one is reported.
 */
export async function retirementWarnings(
  tx: EntityManager,
  line: LockedLine,
  consumers: LineConsumer[],
  today: string,
): Promise<string[]> {
  const { productId } = line;
  const { policies, waivers } = await governanceInputs(tx, productId.split('.')[0], productId);
  const facts = {
    deprecatedAt: line.deprecatedAt?.toISOString(),
    sunset: line.sunset!,
    consumers: consumers.map((c) => c.product),
    today,
  };
  const warnings: string[] = [];
  for (const policy of policies.filter((p) => p.rule.type === 'deprecation-window')) {
    const params = (policy.rule as { params?: Record<string, unknown> }).params;
    const { minDays } = effectiveParams('deprecation-window', params) as { minDays: number };
    const problem = checkRetirement(minDays, facts);
    if (!problem) continue;
    if (policy.severity === 'error' && !activeWaiver(waivers, policy.id, productId, today)) {
      throw new GovernanceError('RETIRE_REFUSED', `[${policy.id}] ${problem.message}`, [
        { code: `POLICY_${policy.id.toUpperCase().replace(/-/g, '_')}`, message: problem.message, fix: problem.fix },
        ...consumerDetails(consumers),
      ]);
    }
    warnings.push(`[${policy.id}] ${problem.message}`);
  }
  return warnings;
}

/** Who still reads the line, as details of a refusal. */
export function consumerDetails(consumers: LineConsumer[]): ErrorDetail[] {
  return consumers.map((c) => ({
    code: 'CONSUMER',
    message: `${c.product} reads ${c.port} with ${c.range} (resolved ${c.resolved}); owner ${c.owner.team} <${c.owner.email}>`,
  }));
}
