import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PublishIssueDto } from '../../common/error.dto.js';

// REST shapes of publishing (separate from the pipeline's types), described for the OpenAPI document.

export class PublishRequestDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The parsed dataproduct.yaml (see contracts/schemas/dataproduct.schema.json).',
  })
  descriptor!: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Every contract the descriptor references, keyed by the path written in the descriptor.',
  })
  contracts!: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "The product's domain.yaml; registers or refreshes the domain.",
  })
  domain?: Record<string, unknown>;
}

export class ResolvedInputDto {
  @ApiProperty() product!: string;
  @ApiProperty() port!: string;
  @ApiProperty() range!: string;
  @ApiPropertyOptional({ description: 'Highest published version in range.' }) resolved?: string;
}

export class PublishResultDto {
  @ApiProperty({ enum: ['published', 'unchanged', 'dry-run'] }) outcome!: 'published' | 'unchanged' | 'dry-run';
  @ApiProperty() product!: string;
  @ApiProperty() version!: string;
  @ApiProperty() contentHash!: string;
  @ApiProperty({ enum: ['major', 'minor', 'patch', 'none'] }) requiredBump!: string;
  @ApiProperty({ type: [ResolvedInputDto] }) inputs!: ResolvedInputDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Compatibility report per output port.' })
  compatibility!: Record<string, unknown>;
  @ApiProperty({ type: [PublishIssueDto] }) issues!: PublishIssueDto[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Dry-run: per output port whose contract changes and that has consumers, who it breaks judged from their side whatever the mode (same shape as the lineage impact report).',
  })
  impact?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Governance report: { passed, results: [{ policy, title, scope, type, severity, status, message, findings, waiver? }] }.',
  })
  governance?: object;
}
