import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { RequestError } from '../common/registry-error.js';
import { AccessError } from './access.errors.js';
import { ApiTokenEntity } from './api-token.entity.js';
import { AuthService, hashToken } from './auth.service.js';
import type { Principal } from './roles.js';
import { checkCreator, checkTokenRequest, type TokenRequest } from './token-request.js';

export interface TokenView {
  id: string;
  name: string;
  role: string;
  domains: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  createdBy: string | null;
  active: boolean;
}

/** Tokens through the API: created (shown once), listed and revoked by their holders, every change audited. */
@Injectable()
export class TokenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(body: TokenRequest, creator: Principal): Promise<TokenView & { token: string }> {
    const wanted = checkTokenRequest(body, this.clock.now());
    const self = creator.id ? await this.repo().findOneBy({ id: creator.id }) : null;
    checkCreator(creator, wanted, self?.expiresAt ?? null);
    const token = AuthService.newToken();
    return this.dataSource.transaction(async (manager) => {
      const taken = await manager.getRepository(ApiTokenEntity).findOneBy({ name: wanted.name, revokedAt: IsNull() });
      if (taken && (!taken.expiresAt || taken.expiresAt > this.clock.now()))
        throw new AccessError('TOKEN_NAME_TAKEN', `a token named ${wanted.name} exists (id ${taken.id})`, [
          { code: 'TOKEN_NAME_TAKEN', path: '/name', message: 'name in use', fix: 'choose another --name' },
        ]);
      const row = await manager.getRepository(ApiTokenEntity).save({
        ...wanted,
        tokenHash: hashToken(token),
        createdBy: creator.id ?? null,
      });
      const view = this.view(row);
      await this.audit.record(
        {
          actor: creator.name,
          action: 'token.created',
          subject: `token:${row.id}`,
          outcome: 'accepted',
          detail: { ...view },
        },
        manager,
      );
      return { ...view, token };
    });
  }

  /** Admins see every token; everyone else the token they hold and the tokens it created. */
  async list(principal: Principal): Promise<TokenView[]> {
    const rows =
      principal.role === 'admin'
        ? await this.repo().find({ order: { id: 'ASC' } })
        : await this.repo().find({
            where: [{ id: principal.id ?? '0' }, { createdBy: principal.id ?? '0' }],
            order: { id: 'ASC' },
          });
    return rows.map((r) => this.view(r));
  }

  async revoke(id: string, principal: Principal): Promise<void> {
    const row = /^\d{1,18}$/.test(id) ? await this.repo().findOneBy({ id }) : null;
    const own = row && (principal.role === 'admin' || row.id === principal.id || row.createdBy === principal.id);
    if (!row || !own || row.revokedAt)
      throw new RequestError('NOT_FOUND', `token ${id} does not exist, is not yours, or is already revoked`, [
        { code: 'TOKEN_NOT_FOUND', message: `no token ${id} of yours`, fix: 'list your tokens with: dmesh token list' },
      ]);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(ApiTokenEntity, { id }, { revokedAt: this.clock.now() });
      await this.audit.record(
        {
          actor: principal.name,
          action: 'token.revoked',
          subject: `token:${id}`,
          outcome: 'accepted',
          detail: { name: row.name },
        },
        manager,
      );
    });
  }

  private repo() {
    return this.dataSource.getRepository(ApiTokenEntity);
  }

  private view(r: ApiTokenEntity): TokenView {
    const now = this.clock.now();
    return {
      id: String(r.id),
      name: r.name,
      role: r.role,
      domains: r.domains,
      createdAt: new Date(r.createdAt ?? now).toISOString(),
      expiresAt: r.expiresAt ? r.expiresAt.toISOString() : null,
      revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
      createdBy: r.createdBy === null || r.createdBy === undefined ? null : String(r.createdBy),
      active: !r.revokedAt && (!r.expiresAt || r.expiresAt > now),
    };
  }
}
