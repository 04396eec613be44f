import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock.js';
import { ApiTokenEntity } from './api-token.entity.js';
import type { Principal, Role } from './roles.js';

export { mayPublish, type Principal } from './roles.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Why a presented token was refused (the message and the metrics say which). */
export type AuthFailure = 'unknown' | 'revoked' | 'expired';

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One indexed lookup per request, no cache: a revoked token is refused at once. */
  async authenticate(token: string): Promise<{ principal: Principal } | { failure: AuthFailure }> {
    const row = await this.dataSource.getRepository(ApiTokenEntity).findOne({ where: { tokenHash: hashToken(token) } });
    if (!row) return { failure: 'unknown' };
    if (row.revokedAt) return { failure: 'revoked' };
    if (row.expiresAt && row.expiresAt.getTime() <= this.clock.now().getTime()) return { failure: 'expired' };
    return { principal: { id: String(row.id), name: row.name, role: row.role, domains: row.domains } };
  }

  /** Stores a token (idempotent by hash). Used for the bootstrap and development admin tokens, which do not expire. */
  async ensureToken(token: string, name: string, role: Role, domains: string[] = []): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ApiTokenEntity)
      .values({ name, tokenHash: hashToken(token), role, domains })
      .orIgnore()
      .execute();
  }

  /** 32 random bytes: guessing one is hopeless, so a fast hash is enough to store it. */
  static newToken(): string {
    return `dmesh_${randomBytes(32).toString('base64url')}`;
  }
}
