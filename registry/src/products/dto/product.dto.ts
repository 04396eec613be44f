import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SlaStatusDto } from '../../sla/dto/sla.dto.js';

// REST shapes (separate from entities and GraphQL types), described for the OpenAPI document.

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

export class PublishIssueDto {
  @ApiProperty({ enum: ['error', 'warning'] }) severity!: 'error' | 'warning';
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'Pipeline stage that raised it.' }) stage!: string;
  @ApiPropertyOptional({ description: 'JSON pointer inside the file.' }) path?: string;
  @ApiPropertyOptional() file?: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'What to do about it.' }) fix?: string;
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
      'Dry-run: per output port with breaking changes, the consumers they reach (same shape as the lineage impact report).',
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

export class ErrorDetailDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional() path?: string;
  @ApiPropertyOptional() file?: string;
  @ApiPropertyOptional() fix?: string;
}

export class ErrorDto {
  @ApiProperty({ description: 'Machine code, e.g. NOT_FOUND, VERSION_CONFLICT, PUBLISH_REJECTED.' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: [ErrorDetailDto] }) details!: ErrorDetailDto[];
  @ApiPropertyOptional({ type: [PublishIssueDto] }) issues?: PublishIssueDto[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Per-port compatibility reports of a rejected publish.',
  })
  compatibility?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Governance report of a rejected publish.',
  })
  governance?: Record<string, unknown>;
}

export class OwnerDto {
  @ApiProperty() team!: string;
  @ApiProperty() email!: string;
}

export class ProductSummaryDto {
  @ApiProperty({ example: 'sales.orders' }) id!: string;
  @ApiProperty() domain!: string;
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: OwnerDto }) owner!: OwnerDto;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ enum: ['public', 'internal', 'confidential', 'restricted'] }) classification!: string;
  @ApiProperty({ enum: ['bronze', 'silver', 'gold'] }) tier!: string;
  @ApiProperty() latestVersion!: string;
}

export class ProductPageDto {
  @ApiProperty({ type: [ProductSummaryDto] }) items!: ProductSummaryDto[];
  @ApiProperty() totalCount!: number;
  @ApiPropertyOptional({ description: 'Pass as ?after= for the next page.' }) nextCursor?: string;
}

export class OutputPortDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['table', 'stream', 'file', 'api'] }) kind!: string;
  @ApiProperty() format!: string;
  @ApiProperty() location!: string;
  @ApiProperty() compatibility!: string;
  @ApiProperty() contractHash!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) contract!: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) sla?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: SlaStatusDto,
    description: 'SLA status of the port now (the same for every version: it follows the latest promise).',
  })
  slaStatus?: SlaStatusDto;
}

export class InputPortDto {
  @ApiProperty() product!: string;
  @ApiProperty() port!: string;
  @ApiProperty() versionRange!: string;
  @ApiPropertyOptional() resolvedVersion?: string;
}

export class VersionSummaryDto {
  @ApiProperty() version!: string;
  @ApiProperty() contentHash!: string;
  @ApiProperty() publishedBy!: string;
  @ApiProperty() publishedAt!: string;
}

export class VersionDetailDto extends VersionSummaryDto {
  @ApiProperty() product!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) descriptor!: Record<string, unknown>;
  @ApiProperty({ type: [OutputPortDto] }) outputs!: OutputPortDto[];
  @ApiProperty({ type: [InputPortDto] }) inputs!: InputPortDto[];
  @ApiProperty({ type: 'object', additionalProperties: true }) compatibility!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Governance report stored at publish time.' })
  governance!: Record<string, unknown>;
}

export class MajorLineDto {
  @ApiProperty() major!: number;
  @ApiProperty({ enum: ['active', 'deprecated', 'retired'] }) state!: string;
  @ApiPropertyOptional() sunset?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty({ type: [String], description: 'Products whose latest version still reads this major line.' })
  consumers!: string[];
}

export class ConsumerDto {
  @ApiProperty() product!: string;
  @ApiProperty() port!: string;
  @ApiProperty() versionRange!: string;
}

export class ProductDetailDto extends ProductSummaryDto {
  @ApiProperty({ type: [VersionSummaryDto] }) versions!: VersionSummaryDto[];
  @ApiProperty({ type: [MajorLineDto] }) majorLines!: MajorLineDto[];
  @ApiProperty({ type: VersionDetailDto }) latest!: VersionDetailDto;
  @ApiProperty({ type: [ConsumerDto] }) consumers!: ConsumerDto[];
}

export class DomainDto {
  @ApiProperty() name!: string;
  @ApiPropertyOptional() title?: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: OwnerDto }) owner!: OwnerDto;
}
