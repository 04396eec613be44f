import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ApiTokenEntity, type Role } from './api-token.entity.js';

export interface Principal {
  name: string;
  role: Role;
  domains: string[];
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(private readonly dataSource: DataSource) {}

  async authenticate(token: string): Promise<Principal | undefined> {
    const row = await this.dataSource
      .getRepository(ApiTokenEntity)
      .findOne({ where: { tokenHash: hashToken(token), revokedAt: IsNull() } });
    return row ? { name: row.name, role: row.role, domains: row.domains } : undefined;
  }

  /** Stores a token (idempotent by hash) and returns it. Used for the bootstrap and development admin tokens. */
  async ensureToken(token: string, name: string, role: Role): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ApiTokenEntity)
      .values({ name, tokenHash: hashToken(token), role, domains: [] })
      .orIgnore()
      .execute();
  }

  static newToken(): string {
    return `dmesh_${randomBytes(24).toString('base64url')}`;
  }
}

/** A publisher may write to the domains it is scoped to (none listed: all); admins everywhere. */
export function mayPublish(principal: Principal, domain: string): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'publisher') return false;
  return principal.domains.length === 0 || principal.domains.includes(domain);
}
