import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UNAFFECTED_REASONS } from '../../common/impact.types.js';

// REST shapes of the lineage context, described for the OpenAPI document.

export class LineageNodeDto {
  @ApiProperty({
    example: 'sales.orders/orders#customer_id',
    description:
      'Product, port, field id, external:<location>, or <domain>:<kind>/<name> (a consumer outside the mesh).',
  })
  id!: string;
  @ApiProperty({ enum: ['PRODUCT', 'PORT', 'FIELD', 'EXTERNAL', 'CONSUMER'] }) kind!: string;
  @ApiPropertyOptional() product?: string;
  @ApiPropertyOptional() port?: string;
  @ApiPropertyOptional() field?: string;
  @ApiProperty({ description: 'Hops from the root: negative upstream, positive downstream.' }) level!: number;
  @ApiPropertyOptional({ description: 'Latest version (products).' }) version?: string;
  @ApiPropertyOptional({ description: 'Owning team (products).' }) ownerTeam?: string;
  @ApiPropertyOptional({ description: 'Normalised location (external datasets).' }) location?: string;
  @ApiPropertyOptional({
    enum: ['dashboard', 'ml', 'notebook', 'service'],
    description: 'What a consumer outside the mesh is (CONSUMER nodes).',
  })
  consumerKind?: string;
}

export class LineageEdgeDto {
  @ApiProperty({ description: 'Upstream end.' }) from!: string;
  @ApiProperty({ description: 'Downstream end.' }) to!: string;
  @ApiProperty({
    enum: ['OUTPUT', 'INPUT', 'FIELD', 'OBSERVED'],
    description: 'OUTPUT product→port, INPUT port→consuming product, FIELD field→field, OBSERVED from OpenLineage.',
  })
  kind!: string;
  @ApiPropertyOptional({ description: 'Range the consumer pins (INPUT).' }) versionRange?: string;
  @ApiPropertyOptional({
    description: 'Upstream version the range resolved to when the consumer was published (INPUT).',
  })
  resolvedVersion?: string;
}

export class LineageGraphDto {
  @ApiProperty() root!: string;
  @ApiProperty({ enum: ['UPSTREAM', 'DOWNSTREAM', 'BOTH'] }) direction!: string;
  @ApiProperty() depth!: number;
  @ApiProperty({ description: 'Node budget; the walk stops when it is spent.' }) budget!: number;
  @ApiProperty({ description: 'True when the node budget stopped the walk.' }) truncated!: boolean;
  @ApiProperty({ type: [LineageNodeDto] }) nodes!: LineageNodeDto[];
  @ApiProperty({ type: [LineageEdgeDto] }) edges!: LineageEdgeDto[];
}

export class LineagePathDto {
  @ApiProperty({ type: [String] }) products!: string[];
  @ApiProperty({ type: [String], description: 'via[i]: the port of products[i] that products[i+1] reads.' })
  via!: string[];
}

export class LineagePathsDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [LineagePathDto] }) paths!: LineagePathDto[];
  @ApiProperty() truncated!: boolean;
}

export class LineageOwnerDto {
  @ApiProperty() team!: string;
  @ApiProperty() email!: string;
}

export class PortConsumerDto {
  @ApiProperty({ description: 'A product id, or a consumer outside the mesh: <domain>:<kind>/<name>.' })
  product!: string;
  @ApiPropertyOptional({
    enum: ['dashboard', 'ml', 'notebook', 'service'],
    description: 'Set for a consumer outside the mesh.',
  })
  kind?: string;
  @ApiPropertyOptional({ description: 'The consumer major line whose latest version reads the port (products).' })
  major?: number;
  @ApiPropertyOptional({ description: 'YYYY-MM-DD its registration lapses (consumers outside the mesh).' })
  expires?: string;
  @ApiPropertyOptional({ description: 'True once that registration has lapsed.' }) expired?: boolean;
  @ApiProperty({ description: 'The port it reads.' }) port!: string;
  @ApiProperty() versionRange!: string;
  @ApiPropertyOptional() resolvedVersion?: string;
  @ApiProperty({ type: LineageOwnerDto }) owner!: LineageOwnerDto;
  @ApiProperty({
    type: [String],
    description: 'Fields of the port its field lineage reads; empty when it declares none.',
  })
  fieldsRead!: string[];
}

export class ImpactRequestDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The proposed JSON Schema for the port.' })
  schema!: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'The version you mean to publish; default: the next minor of the latest.' })
  version?: string;
  @ApiPropertyOptional({ description: "Compatibility mode; default: the port's." }) mode?: string;
}

export class ReaderBreakDto {
  @ApiPropertyOptional({
    description: 'The field of the port it reads (dotted); absent for a change to the whole record.',
  })
  field?: string;
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({
    description: 'A record valid under the proposed contract that the current contract rejects (validator-confirmed).',
  })
  counterexample?: unknown;
  @ApiProperty({ description: 'False when no record confirmed it: judged breaking cautiously.' }) exact!: boolean;
}

export class AffectedConsumerDto {
  @ApiProperty({ description: 'A product id, or a consumer outside the mesh: <domain>:<kind>/<name>.' })
  product!: string;
  @ApiPropertyOptional({
    enum: ['dashboard', 'ml', 'notebook', 'service'],
    description: 'Set for a consumer outside the mesh.',
  })
  kind?: string;
  @ApiProperty({ type: LineageOwnerDto }) owner!: LineageOwnerDto;
  @ApiProperty({ description: '1 = reads the port; 2+ = reads something derived from it.' }) depth!: number;
  @ApiProperty({
    description:
      'False beyond the direct consumers when it reads an affected port without field lineage: it may not read the broken fields.',
  })
  certain!: boolean;
  @ApiProperty({ description: 'Whether it declares field lineage for that port; without it the walk stops here.' })
  fieldLineage!: boolean;
  @ApiProperty() versionRange!: string;
  @ApiPropertyOptional() resolvedVersion?: string;
  @ApiProperty({ type: [String] }) reads!: string[];
  @ApiProperty({
    type: [String],
    description: 'Its own fields that break in turn (<port>#<field>); empty without field lineage.',
  })
  fields!: string[];
  @ApiProperty({ type: [String] }) changes!: string[];
  @ApiProperty({
    type: [ReaderBreakDto],
    description:
      'Why a direct consumer breaks: per field it reads, or each FORWARD-breaking change when it declares no field lineage; empty beyond the direct consumers.',
  })
  breaks!: ReaderBreakDto[];
}

export class UnaffectedConsumerDto {
  @ApiProperty() product!: string;
  @ApiProperty() versionRange!: string;
  @ApiProperty({ enum: UNAFFECTED_REASONS }) reason!: string;
  @ApiProperty() message!: string;
}

export class ImpactChangeDto {
  @ApiProperty() code!: string;
  @ApiProperty() path!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional() field?: string;
  @ApiProperty({ type: [String], description: 'The consumers it breaks.' }) affected!: string[];
  @ApiPropertyOptional({ description: 'A record valid under one side and not the other, verified with ajv.' })
  counterexample?: unknown;
  @ApiPropertyOptional({ enum: ['previous', 'next'], description: 'The side the counterexample is valid under.' })
  validUnder?: string;
}

export class ImpactReportDto {
  @ApiProperty() port!: string;
  @ApiPropertyOptional() against?: string;
  @ApiProperty() proposedVersion!: string;
  @ApiProperty({ enum: ['given', 'next-minor-of-latest'] }) versionRule!: string;
  @ApiProperty({
    description:
      "The port's mode (or the one asked for): `compatible` and `requiredBump` are its verdict, the publish gate.",
  })
  mode!: string;
  @ApiProperty() compatible!: boolean;
  @ApiProperty({ enum: ['major', 'minor', 'patch', 'none'] }) requiredBump!: string;
  @ApiProperty({ type: [ImpactChangeDto] }) changes!: ImpactChangeDto[];
  @ApiProperty({ type: [AffectedConsumerDto] }) consumers!: AffectedConsumerDto[];
  @ApiProperty({ type: [UnaffectedConsumerDto] }) unaffected!: UnaffectedConsumerDto[];
  @ApiProperty() truncated!: boolean;
}

export class ObservedInputDto {
  @ApiProperty({ description: '<product>/<port>, or external:<location>.' }) input!: string;
  @ApiProperty() location!: string;
  @ApiProperty({ type: [String] }) jobs!: string[];
  @ApiProperty() lastSeen!: string;
  @ApiProperty() runs!: number;
}

export class ProductDriftDto {
  @ApiProperty() product!: string;
  @ApiProperty() observed!: boolean;
  @ApiProperty({ type: [String] }) declared!: string[];
  @ApiProperty({ type: [ObservedInputDto] }) observedInputs!: ObservedInputDto[];
  @ApiProperty({ type: [ObservedInputDto] }) observedNotDeclared!: ObservedInputDto[];
  @ApiProperty({ type: [String] }) declaredNotObserved!: string[];
}

export class IngestedDatasetDto {
  @ApiProperty() namespace!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Normalised location.' }) location!: string;
  @ApiPropertyOptional({ description: 'The output port at that location, when there is one.' }) port?: string;
}

export class OpenLineageIngestDto {
  @ApiProperty() runId!: string;
  @ApiProperty() job!: string;
  @ApiProperty({ type: [IngestedDatasetDto] }) inputs!: IngestedDatasetDto[];
  @ApiProperty({ type: [IngestedDatasetDto] }) outputs!: IngestedDatasetDto[];
  @ApiProperty() edges!: number;
  @ApiProperty() columnEdges!: number;
}
