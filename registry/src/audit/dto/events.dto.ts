import { ApiProperty } from '@nestjs/swagger';

export class AuditEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Token name, or "anonymous <address>".' }) actor!: string;
  @ApiProperty({ example: 'publish' }) action!: string;
  @ApiProperty({ description: 'The target: a product, policy:<id>, token:<id>, a route…' }) subject!: string;
  @ApiProperty({ enum: ['accepted', 'rejected', 'info'] }) outcome!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The request id (x-request-id, in the access log).' })
  requestId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) events!: AuditEventDto[];
  @ApiProperty() hasNextPage!: boolean;
  @ApiProperty({ required: false, description: 'Pass as `after` for the next (older) page.' }) endCursor?: string;
}
