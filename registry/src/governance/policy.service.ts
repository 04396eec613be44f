import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { checkDomainPolicy, checkPolicyParams, compileContract, validateDocument, type Policy } from '@dmesh/sdk';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/auth.service.js';
import { RequestError } from '../common/registry-error.js';
import { GovernanceError } from './governance.errors.js';
import { listPolicies, restorePolicy, softDeletePolicy, toPolicy, upsertPolicy } from './operations/policies.js';
import { FLOOR, loosenings } from './policy-floor.js';

export function assertGovernance(principal: Principal, what: string): void {
  if (principal.role !== 'admin' && principal.role !== 'governance') {
    throw new RequestError(
      'FORBIDDEN',
      `${what} needs a governance or admin token; ${principal.name} is ${principal.role}`,
    );
  }
}

/** Below the floor only an admin goes, and only with a reason (which the audit keeps). */
function assertMayLower(principal: Principal, what: string, problems: string[], reason?: string): void {
  if (!problems.length) return;
  const detail = problems.map((message) => ({
    code: 'POLICY_BELOW_FLOOR',
    message,
    fix: 'tighten instead, waive it for one product (POST /v1/waivers), or as an admin give ?reason=<why>',
  }));
  if (principal.role !== 'admin')
    throw new RequestError('FORBIDDEN', `${what} needs an admin token and a reason: ${problems.join('; ')}`, detail);
  if (!reason?.trim())
    throw new GovernanceError(
      'POLICY_BELOW_FLOOR',
      `${what} needs a reason (?reason=…): ${problems.join('; ')}`,
      detail,
    );
}

/** Policies: validated against contracts/schemas/policy.schema.json, federated, floored, audited. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(scope?: string) {
    return listPolicies(this.dataSource.manager, scope);
  }

  async get(id: string) {
    const [row] = await this.dataSource.query('SELECT * FROM policies WHERE id = $1 AND deleted_at IS NULL', [id]);
    if (!row)
      throw new RequestError('NOT_FOUND', `policy ${id} does not exist`, [
        { code: 'POLICY_NOT_FOUND', message: `no policy ${id}`, fix: 'list policies with GET /v1/policies' },
      ]);
    return toPolicy(row);
  }

  /** Creates or replaces a policy. A domain policy may only tighten global error policies; built-ins have a floor. */
  async put(
    id: string,
    body: unknown,
    principal: Principal,
    reason?: string,
  ): Promise<{ outcome: 'created' | 'updated'; policy: Policy }> {
    assertGovernance(principal, 'changing policies');
    const policy = this.checked(id, body);
    const globals = (await listPolicies(this.dataSource.manager, 'global')).filter((g) => g.id !== id);
    const problems = [...checkPolicyParams(policy, compileContract), ...checkDomainPolicy(policy, globals)];
    if (problems.length) {
      throw new GovernanceError(
        'POLICY_REFUSED',
        `policy ${id} was refused: ${problems[0].message}`,
        problems.map((p) => ({ code: 'POLICY_REFUSED', path: p.path, message: p.message, fix: p.fix })),
      );
    }
    const lowered = loosenings(policy);
    assertMayLower(principal, `loosening the built-in policy ${id}`, lowered, reason);
    return this.dataSource.transaction(async (manager) => {
      const outcome = await upsertPolicy(manager, policy, principal.name);
      const below = lowered.length ? { belowFloor: lowered, reason } : {};
      await this.record(manager, principal, `policy.${outcome}`, id, { policy, ...below });
      return { outcome, policy };
    });
  }

  /** A soft delete, restorable; deleting a built-in error policy needs an admin token and a reason. */
  async delete(id: string, principal: Principal, reason?: string): Promise<void> {
    assertGovernance(principal, 'deleting policies');
    const policy = await this.get(id);
    const floor = FLOOR.has(id) ? [`${id} is a built-in global error policy`] : [];
    assertMayLower(principal, `deleting ${id}`, floor, reason);
    await this.dataSource.transaction(async (manager) => {
      await softDeletePolicy(manager, id, principal.name);
      await this.record(manager, principal, 'policy.deleted', id, { policy, ...(reason && { reason }) });
    });
  }

  async restore(id: string, principal: Principal): Promise<Policy> {
    assertGovernance(principal, 'restoring policies');
    await this.dataSource.transaction(async (manager) => {
      if (!(await restorePolicy(manager, id, principal.name)))
        throw new RequestError('NOT_FOUND', `policy ${id} is not a deleted policy`, [
          { code: 'POLICY_NOT_DELETED', message: `no deleted policy ${id}`, fix: 'see the policy.deleted events' },
        ]);
      await this.record(manager, principal, 'policy.restored', id, {});
    });
    return this.get(id);
  }

  private checked(id: string, body: unknown): Policy {
    const policy = { ...(body as Record<string, unknown>), id } as Policy;
    delete (policy as { apiVersion?: unknown }).apiVersion;
    delete (policy as { kind?: unknown }).kind;
    const shape = validateDocument('policy', policy);
    if (shape.length) {
      throw new RequestError(
        'BAD_REQUEST',
        `the policy is invalid: ${shape[0].path} ${shape[0].message}`,
        shape.map((p) => ({ code: 'POLICY_INVALID', path: p.path, message: `${p.path} ${p.message}` })),
      );
    }
    return policy;
  }

  private record(
    manager: EntityManager,
    principal: Principal,
    action: string,
    id: string,
    detail: Record<string, unknown>,
  ) {
    const event = { actor: principal.name, action, subject: `policy:${id}`, outcome: 'accepted' as const, detail };
    return this.audit.record(event, manager);
  }
}
