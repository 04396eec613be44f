import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SlaStatusDto } from '../../sla/dto/sla.dto.js';

// REST shapes of catalog reads (separate from the tables and GraphQL types), described for the OpenAPI document.

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
