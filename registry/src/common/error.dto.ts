import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The common error body of every REST answer that is not a success (registry-error.filter.ts writes it).

export class ErrorDetailDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional() path?: string;
  @ApiPropertyOptional() file?: string;
  @ApiPropertyOptional() fix?: string;
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

export class ErrorLimitDto {
  @ApiProperty({ description: 'The limit by name, e.g. maxDepth (CONTRACT_LIMITS.maxDepth in the SDK).' })
  name!: string;
  @ApiProperty() value!: number;
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
  @ApiPropertyOptional({
    type: ErrorLimitDto,
    description: 'The limit a refused input exceeds (SCHEMA_TOO_DEEP, REF_CHAIN_TOO_LONG, SCHEMA_TOO_LARGE).',
  })
  limit?: ErrorLimitDto;
}
