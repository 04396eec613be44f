import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type Role = 'admin' | 'governance' | 'publisher' | 'reader';

/** Only a SHA-256 of each token is stored; the token itself is shown once. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'token_hash' }) tokenHash!: string;
  @Column({ type: 'text' }) role!: Role;
  @Column({ type: 'text', array: true }) domains!: string[];
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}
