import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SLA_STATUSES } from '@dmesh/sdk';

// REST shapes of SLA observations and status (separate from the GraphQL types and the tables).

export class ObservationQualityDto {
  @ApiProperty({ example: 'unique' }) rule!: string;
  @ApiPropertyOptional({ example: 'order_id', description: 'Field(s) of the rule, comma-separated when several.' })
  field?: string;
  @ApiProperty() passed!: boolean;
  @ApiPropertyOptional({ minimum: 0, description: 'Records that failed the rule.' }) failed?: number;
}

/** The body is validated against contracts/schemas/observation.schema.json; this class describes it for OpenAPI. */
export class ObservationRequestDto {
  @ApiProperty({ format: 'date-time', description: 'When the data was observed.' }) time!: string;
  @ApiPropertyOptional({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'Newest update in the data; freshness is measured from it.',
  })
  lastUpdate?: string | null;
  @ApiPropertyOptional({ minimum: 0, type: 'integer', description: 'Records observed; weighs completeness.' })
  rowCount?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Percentage of complete records.' })
  completeness?: number;
  @ApiPropertyOptional({ type: [ObservationQualityDto] }) quality?: ObservationQualityDto[];
  @ApiProperty({ description: 'Availability probe: could the data be read?' }) availability!: boolean;
}

export class SlaReasonDto {
  @ApiProperty({ enum: ['freshness', 'availability', 'completeness', 'observations'] }) measure!: string;
  @ApiProperty({ enum: ['at_risk', 'breached', 'unknown'] }) level!: string;
  @ApiPropertyOptional({ description: 'Freshness: age in ms; availability/completeness: observed %.' })
  observed?: number;
  @ApiPropertyOptional({ description: 'Freshness: limit in ms; availability/completeness: promised %.' })
  limit?: number;
  @ApiProperty() message!: string;
}

export class SlaWindowDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ example: 'P7D', description: 'Rolling window length (ISO-8601 duration).' }) duration!: string;
}

export class SlaMeasuresDto {
  @ApiProperty({ description: 'Observations in the window.' }) observations!: number;
  @ApiPropertyOptional({ description: 'Age of the newest data, in seconds.' }) freshnessAgeSeconds?: number;
  @ApiPropertyOptional({ description: 'Observed availability, %.' }) availability?: number;
  @ApiPropertyOptional({ description: 'Observed completeness (row-weighted), %.' }) completeness?: number;
}

export class SlaStatusDto {
  @ApiProperty({ enum: SLA_STATUSES }) status!: string;
  @ApiProperty({ type: [SlaReasonDto] }) reasons!: SlaReasonDto[];
  @ApiProperty({ format: 'date-time' }) evaluatedAt!: string;
  @ApiProperty({ type: SlaWindowDto }) window!: SlaWindowDto;
  @ApiProperty({ type: SlaMeasuresDto }) measures!: SlaMeasuresDto;
  @ApiPropertyOptional({ format: 'date-time', description: 'When breached: when the breach began.' })
  breachStart?: string;
}

export class SlaObservationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) time!: string;
  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true }) lastUpdate?: string | null;
  @ApiPropertyOptional() rowCount?: number;
  @ApiPropertyOptional() completeness?: number;
  @ApiProperty({ type: [ObservationQualityDto] }) quality!: ObservationQualityDto[];
  @ApiProperty() availability!: boolean;
  @ApiProperty({ description: 'Token name that reported it.' }) reportedBy!: string;
}

export class ObservationResultDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'sales.orders/orders' }) port!: string;
  @ApiProperty({ type: SlaStatusDto, description: 'The port status right after this observation.' }) sla!: SlaStatusDto;
}

export class PortSlaDto {
  @ApiProperty({ example: 'sales.orders' }) product!: string;
  @ApiProperty({ example: 'orders' }) port!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "The port's SLA in the product's latest version.",
  })
  promise?: Record<string, unknown>;
  @ApiProperty({ type: SlaStatusDto }) sla!: SlaStatusDto;
  @ApiProperty({ type: [SlaObservationDto], description: 'Recent observations (the status window), oldest first.' })
  history!: SlaObservationDto[];
}
