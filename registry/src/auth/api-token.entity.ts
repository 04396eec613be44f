import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './roles.js';

export type { Role } from './roles.js';

/** Only a SHA-256 of each token is stored; the token itself is shown once. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'token_hash' }) tokenHash!: string;
  @Column({ type: 'text' }) role!: Role;
  /** A publisher's domains; `*` is every domain (only an admin grants it). Empty for other roles. */
  @Column({ type: 'text', array: true }) domains!: string[];
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  /** Null only for the bootstrap and development admin tokens, which come from configuration. */
  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  /** The token that created this one: its holder lists and revokes it. */
  @Column({ type: 'bigint', name: 'created_by', nullable: true }) createdBy!: string | null;
}
