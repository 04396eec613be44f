import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JSONScalar } from '../common/graphql/json.scalar.js';

// GraphQL object types of SLA status and history: separate from the tables and REST DTOs.

export enum SlaStatusValue {
  met = 'met',
  at_risk = 'at_risk',
  breached = 'breached',
  unknown = 'unknown',
}
registerEnumType(SlaStatusValue, {
  name: 'SlaStatus',
  description:
    'met; at_risk (freshness past 80 % of its limit, or 80 % of an availability/completeness error budget spent); breached (freshness past its limit, or below a promise); unknown (no observations in the window).',
});

@ObjectType()
export class SlaReason {
  @Field(() => String, { description: 'freshness, availability, completeness or observations.' }) measure!: string;
  @Field(() => String, { description: 'at_risk, breached or unknown.' }) level!: string;
  @Field(() => Float, { nullable: true, description: 'Freshness: age in ms; availability/completeness: observed %.' })
  observed?: number;
  @Field(() => Float, { nullable: true, description: 'Freshness: limit in ms; availability/completeness: promised %.' })
  limit?: number;
  @Field(() => String) message!: string;
}

@ObjectType()
export class SlaWindow {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => String, { description: 'ISO-8601 duration, e.g. P7D.' }) duration!: string;
}

@ObjectType()
export class SlaMeasures {
  @Field(() => Int) observations!: number;
  @Field(() => Float, { nullable: true }) freshnessAgeSeconds?: number;
  @Field(() => Float, { nullable: true }) availability?: number;
  @Field(() => Float, { nullable: true }) completeness?: number;
}

@ObjectType({ description: "A port's SLA status, computed when read from the observations of a rolling window." })
export class PortSlaStatus {
  @Field(() => SlaStatusValue) status!: SlaStatusValue;
  @Field(() => [SlaReason]) reasons!: SlaReason[];
  @Field(() => String) evaluatedAt!: string;
  @Field(() => SlaWindow) window!: SlaWindow;
  @Field(() => SlaMeasures) measures!: SlaMeasures;
  @Field(() => String, { nullable: true, description: 'When breached: when the breach began.' }) breachStart?: string;
}

@ObjectType({ description: 'One SLA observation reported for a port.' })
export class SlaObservation {
  @Field(() => String) id!: string;
  @Field(() => String) time!: string;
  @Field(() => String, { nullable: true }) lastUpdate?: string | null;
  @Field(() => Float, { nullable: true }) rowCount?: number;
  @Field(() => Float, { nullable: true }) completeness?: number;
  @Field(() => JSONScalar) quality!: unknown;
  @Field(() => Boolean) availability!: boolean;
  @Field(() => String) reportedBy!: string;
}
