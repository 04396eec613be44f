import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only (a trigger refuses UPDATE and DELETE): every change and every rejected attempt. */
@Entity('events')
export class EventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) outcome!: 'accepted' | 'rejected' | 'info';
  @Column({ type: 'jsonb' }) detail!: Record<string, unknown>;
  /** The HTTP request that caused it (also in the access log line); null outside HTTP (seeder, breach recorder). */
  @Column({ type: 'text', name: 'request_id', nullable: true }) requestId!: string | null;
}
