import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkDomainPolicy, checkPolicyParams, compileContract, validateDocument, type Policy } from '@dmesh/sdk';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/auth.service.js';
import { RequestError } from '../common/registry-error.js';
import { GovernanceError } from './governance.errors.js';
import { listPolicies, toPolicy, upsertPolicy } from './operations/policies.js';

export function assertGovernance(principal: Principal, what: string): void {
  if (principal.role !== 'admin' && principal.role !== 'governance') {
    throw new RequestError(
      'FORBIDDEN',
      `${what} needs a governance or admin token; ${principal.name} is ${principal.role}`,
    );
  }
}

/** Policies: validated against contracts/schemas/policy.schema.json, federated, audited. */
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
    const [row] = await this.dataSource.query('SELECT * FROM policies WHERE id = $1', [id]);
    if (!row)
      throw new RequestError('NOT_FOUND', `policy ${id} does not exist`, [
        { code: 'POLICY_NOT_FOUND', message: `no policy ${id}`, fix: 'list policies with GET /v1/policies' },
      ]);
    return toPolicy(row);
  }

  /** Creates or replaces a policy. A domain policy may only tighten global error policies. */
  async put(
    id: string,
    body: unknown,
    principal: Principal,
  ): Promise<{ outcome: 'created' | 'updated'; policy: Policy }> {
    assertGovernance(principal, 'changing policies');
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
    const globals = (await listPolicies(this.dataSource.manager, 'global')).filter((g) => g.id !== id);
    const problems = [...checkPolicyParams(policy, compileContract), ...checkDomainPolicy(policy, globals)];
    if (problems.length) {
      throw new GovernanceError(
        'POLICY_REFUSED',
        `policy ${id} was refused: ${problems[0].message}`,
        problems.map((p) => ({ code: 'POLICY_REFUSED', path: p.path, message: p.message, fix: p.fix })),
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const outcome = await upsertPolicy(manager, policy, principal.name);
      await this.audit.record(
        {
          actor: principal.name,
          action: `policy.${outcome}`,
          subject: `policy:${id}`,
          outcome: 'accepted',
          detail: { policy },
        },
        manager,
      );
      return { outcome, policy };
    });
  }

  async delete(id: string, principal: Principal): Promise<void> {
    assertGovernance(principal, 'deleting policies');
    const policy = await this.get(id);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM policies WHERE id = $1', [id]);
      await this.audit.record(
        {
          actor: principal.name,
          action: 'policy.deleted',
          subject: `policy:${id}`,
          outcome: 'accepted',
          detail: { policy },
        },
        manager,
      );
    });
  }
}
