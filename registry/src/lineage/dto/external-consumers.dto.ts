import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSUMER_KINDS } from '@dmesh/sdk';
import { LineageOwnerDto } from './lineage.dto.js';

// REST shapes of consumers outside the mesh (dashboards, ML jobs, notebooks, services).

export class ExternalReadDto {
  @ApiProperty({ example: 'sales.orders/orders', description: 'The port it reads.' }) port!: string;
  @ApiProperty({ example: '^1.0.0' }) versionRange!: string;
  @ApiPropertyOptional({
    description: 'The highest published, non-retired version the range admits now; absent when none does.',
  })
  resolvedVersion?: string;
  @ApiProperty({ type: [String], description: 'Fields of the port it reads (dotted for nesting); empty: any.' })
  fields!: string[];
  @ApiPropertyOptional({
    example: '2026-12-31',
    description:
      'The day after which the registration lapses: it then no longer holds up a retirement nor counts in impact.',
  })
  expires?: string;
  @ApiProperty({ description: 'True once the registration has lapsed.' }) expired!: boolean;
}

export class ExternalConsumerDto {
  @ApiProperty({ example: 'finance:dashboard/exec-kpis', description: '<domain>:<kind>/<name>' }) id!: string;
  @ApiProperty({ example: 'finance', description: 'The owning domain: its publishers register, update and remove it.' })
  domain!: string;
  @ApiProperty({ example: 'exec-kpis' }) name!: string;
  @ApiProperty({ enum: CONSUMER_KINDS }) kind!: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: LineageOwnerDto }) owner!: LineageOwnerDto;
  @ApiProperty({ type: [ExternalReadDto] }) reads!: ExternalReadDto[];
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ExternalOwnerInputDto {
  @ApiPropertyOptional() team?: string;
  @ApiPropertyOptional() email?: string;
}

export class ExternalReadInputDto {
  @ApiPropertyOptional({ enum: CONSUMER_KINDS, description: "Required for a new consumer; default: the consumer's." })
  kind?: string;
  @ApiProperty({ example: '^1.0.0', description: 'The semver range of the product it reads.' }) versionRange!: string;
  @ApiPropertyOptional({
    type: [String],
    example: ['order_id', 'total_amount'],
    description: "Fields of the port's contract it reads; absent or empty: it may read any (every change affects it).",
  })
  fields?: string[];
  @ApiPropertyOptional({ example: '2026-12-31', description: 'YYYY-MM-DD after which the registration lapses.' })
  expires?: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional({
    type: ExternalOwnerInputDto,
    description: "Who to talk to; default: the consumer's, else the domain's owner.",
  })
  owner?: ExternalOwnerInputDto;
}
