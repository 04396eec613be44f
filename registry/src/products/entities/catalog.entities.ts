import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

// Storage shapes only: GraphQL types and REST DTOs are separate classes mapped explicitly.
// No TypeORM relations: ids are plain columns, joins are written in queries (ESM import cycles stay impossible).

@Entity('domains')
export class DomainEntity {
  @PrimaryColumn({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) title!: string | null;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text', name: 'owner_team' }) ownerTeam!: string;
  @Column({ type: 'text', name: 'owner_email' }) ownerEmail!: string;
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}

@Entity('products')
export class ProductEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) domain!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text', name: 'owner_team' }) ownerTeam!: string;
  @Column({ type: 'text', name: 'owner_email' }) ownerEmail!: string;
  @Column({ type: 'text', array: true }) tags!: string[];
  @Column({ type: 'text' }) classification!: string;
  @Column({ type: 'text' }) tier!: string;
  @Column({ type: 'text', name: 'latest_version' }) latestVersion!: string;
  @Column({ type: 'text', name: 'search_text' }) searchText!: string;
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}

@Entity('product_versions')
export class ProductVersionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'text', name: 'product_id' }) productId!: string;
  @Column({ type: 'text' }) version!: string;
  @Column({ type: 'integer' }) major!: number;
  @Column({ type: 'integer' }) minor!: number;
  @Column({ type: 'integer' }) patch!: number;
  @Column({ type: 'text', nullable: true }) prerelease!: string | null;
  @Column({ type: 'text', name: 'content_hash' }) contentHash!: string;
  @Column({ type: 'jsonb' }) descriptor!: Record<string, unknown>;
  @Column({ type: 'jsonb', name: 'compatibility_report' }) compatibilityReport!: Record<string, unknown>;
  @Column({ type: 'jsonb', name: 'governance_report' }) governanceReport!: Record<string, unknown>;
  @Column({ type: 'text', name: 'published_by' }) publishedBy!: string;
  @Column({ type: 'timestamptz', name: 'published_at', default: () => 'now()' }) publishedAt!: Date;
}

@Entity('output_ports')
export class OutputPortEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'bigint', name: 'version_id' }) versionId!: string;
  @Column({ type: 'text', name: 'product_id' }) productId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) format!: string;
  @Column({ type: 'text' }) location!: string;
  @Column({ type: 'text', name: 'contract_hash' }) contractHash!: string;
  @Column({ type: 'text', name: 'contract_path' }) contractPath!: string;
  @Column({ type: 'text' }) compatibility!: string;
  @Column({ type: 'jsonb', nullable: true }) sla!: Record<string, unknown> | null;
  @Column({ type: 'jsonb' }) quality!: unknown[];
}

@Entity('port_fields')
export class PortFieldEntity {
  @PrimaryColumn({ type: 'bigint', name: 'port_id' }) portId!: string;
  @PrimaryColumn({ type: 'text' }) path!: string;
  @Column({ type: 'text', nullable: true }) type!: string | null;
  @Column({ type: 'text', nullable: true }) description!: string | null;
}

@Entity('input_dependencies')
export class InputDependencyEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'bigint', name: 'version_id' }) versionId!: string;
  @Column({ type: 'text', name: 'product_id' }) productId!: string;
  @Column({ type: 'text', name: 'upstream_product_id' }) upstreamProductId!: string;
  @Column({ type: 'text', name: 'upstream_port' }) upstreamPort!: string;
  @Column({ type: 'text', name: 'version_range' }) versionRange!: string;
  @Column({ type: 'text', name: 'resolved_version', nullable: true }) resolvedVersion!: string | null;
}

@Entity('field_lineage')
export class FieldLineageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'bigint', name: 'version_id' }) versionId!: string;
  @Column({ type: 'text', name: 'product_id' }) productId!: string;
  @Column({ type: 'text' }) port!: string;
  @Column({ type: 'text' }) field!: string;
  @Column({ type: 'text', name: 'upstream_product_id' }) upstreamProductId!: string;
  @Column({ type: 'text', name: 'upstream_port' }) upstreamPort!: string;
  @Column({ type: 'text', name: 'upstream_field' }) upstreamField!: string;
}

@Entity('major_lines')
export class MajorLineEntity {
  @PrimaryColumn({ type: 'text', name: 'product_id' }) productId!: string;
  @PrimaryColumn({ type: 'integer' }) major!: number;
  @Column({ type: 'text' }) state!: 'active' | 'deprecated' | 'retired';
  @Column({ type: 'date', nullable: true }) sunset!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'timestamptz', name: 'changed_at', default: () => 'now()' }) changedAt!: Date;
}

export const CATALOG_ENTITIES = [
  DomainEntity,
  ProductEntity,
  ProductVersionEntity,
  OutputPortEntity,
  PortFieldEntity,
  InputDependencyEntity,
  FieldLineageEntity,
  MajorLineEntity,
];
