import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PolicyRuleDto {
  @ApiProperty({
    description:
      'json-schema, or a built-in: compatibility, documentation, naming, pii-classification, lineage-integrity, sla-minimums, deprecation-window, sla-feasibility',
  })
  type!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'For json-schema: the JSON Schema the resolved descriptor must satisfy.',
  })
  schema?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'For a built-in: its parameters (defaults fill the rest).',
  })
  params?: Record<string, unknown>;
}

export class PolicyInputDto {
  @ApiProperty() title!: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ example: 'domain:sales', description: 'global, or domain:<name>.' }) scope!: string;
  @ApiProperty({ enum: ['error', 'warning'] }) severity!: 'error' | 'warning';
  @ApiProperty({ type: PolicyRuleDto }) rule!: PolicyRuleDto;
}

export class PolicyDto extends PolicyInputDto {
  @ApiProperty() id!: string;
  @ApiProperty() updatedBy!: string;
  @ApiProperty() updatedAt!: string;
}

export class PolicyWriteResultDto {
  @ApiProperty({ enum: ['created', 'updated'] }) outcome!: string;
  @ApiProperty({ type: PolicyInputDto }) policy!: PolicyInputDto;
}

export class WaiverInputDto {
  @ApiProperty({ description: 'Policy id.' }) policy!: string;
  @ApiProperty({ example: 'sales.orders' }) product!: string;
  @ApiProperty({ example: '2026-12-31', description: 'Last day the waiver applies (inclusive).' }) until!: string;
  @ApiProperty() reason!: string;
}

export class WaiverDto extends WaiverInputDto {
  @ApiProperty() id!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ description: 'False once `until` has passed.' }) active!: boolean;
}

export class DeprecateInputDto {
  @ApiProperty({ example: '2027-03-31', description: 'The day after which the line may be retired.' }) sunset!: string;
  @ApiProperty({ description: 'Why, and what consumers should move to.' }) reason!: string;
}

export class LineConsumerDto {
  @ApiProperty({ description: 'A product id, or a consumer outside the mesh: <domain>:<kind>/<name>.' })
  product!: string;
  @ApiPropertyOptional({
    enum: ['dashboard', 'ml', 'notebook', 'service'],
    description: 'Set for a consumer outside the mesh.',
  })
  kind?: string;
  @ApiPropertyOptional({ description: 'YYYY-MM-DD its registration lapses (consumers outside the mesh).' })
  expires?: string;
  @ApiProperty() port!: string;
  @ApiProperty() range!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) resolved!: string | null;
  @ApiProperty({ type: 'object', properties: { team: { type: 'string' }, email: { type: 'string' } } }) owner!: {
    team: string;
    email: string;
  };
}

export class MajorLineChangeDto {
  @ApiProperty() product!: string;
  @ApiProperty() major!: number;
  @ApiProperty({ enum: ['deprecated', 'retired'] }) state!: string;
  @ApiPropertyOptional() sunset?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty({ type: [LineConsumerDto], description: 'Consumers still on this major line.' })
  consumers!: LineConsumerDto[];
  @ApiProperty({ type: [String] }) warnings!: string[];
}
