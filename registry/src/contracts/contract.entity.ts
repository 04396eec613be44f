import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Contracts are content-addressed: one row per canonical schema, shared by every port version that uses it. */
@Entity('contracts')
export class ContractEntity {
  @PrimaryColumn({ type: 'text' }) hash!: string;
  @Column({ type: 'json' }) schema!: unknown;
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
