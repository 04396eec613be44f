import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { SlaStatusValue } from '../common/graphql/catalog.enums.js';

// GraphQL object types of SLA status and history: separate from the tables and REST DTOs.

export { SlaStatusValue };

@ObjectType({ description: 'Why a port is not MET: one measure and how far it is from its promise.' })
export class SlaReason {
  @Field(() => String, { description: 'freshness, availability, completeness or observations.' }) measure!: string;
  @Field(() => String, { description: 'at_risk, breached or unknown.' }) level!: string;
  @Field(() => Float, { nullable: true, description: 'Freshness: age in ms; availability/completeness: observed %.' })
  observed?: number;
  @Field(() => Float, { nullable: true, description: 'Freshness: limit in ms; availability/completeness: promised %.' })
  limit?: number;
  @Field(() => String, { description: 'The reason in a sentence.' }) message!: string;
}

@ObjectType({ description: 'The rolling window a status was computed over: observations with from < time <= to.' })
export class SlaWindow {
  @Field(() => String, { description: 'Start (exclusive), ISO-8601.' }) from!: string;
  @Field(() => String, { description: 'End (inclusive): the time of evaluation, ISO-8601.' }) to!: string;
  @Field(() => String, { description: 'ISO-8601 duration, e.g. P7D.' }) duration!: string;
}

@ObjectType({ description: 'What the window measured.' })
export class SlaMeasures {
  @Field(() => Int, { description: 'Observations in the window.' }) observations!: number;
  @Field(() => Float, { nullable: true, description: 'Age of the newest data, in seconds.' })
  freshnessAgeSeconds?: number;
  @Field(() => Float, { nullable: true, description: 'Share of available observations, in %.' }) availability?: number;
  @Field(() => Float, { nullable: true, description: 'Row-weighted completeness, in %.' }) completeness?: number;
}

@ObjectType({ description: "A port's SLA status, computed when read from the observations of a rolling window." })
export class PortSlaStatus {
  @Field(() => SlaStatusValue, { description: 'The worst of its measures.' }) status!: SlaStatusValue;
  @Field(() => [SlaReason], { description: 'Why it is not MET (empty when it is).' }) reasons!: SlaReason[];
  @Field(() => String, { description: 'When it was computed (the registry clock), ISO-8601.' }) evaluatedAt!: string;
  @Field(() => SlaWindow, { description: 'The window of observations it was computed over.' }) window!: SlaWindow;
  @Field(() => SlaMeasures, { description: 'What the window measured.' }) measures!: SlaMeasures;
  @Field(() => String, { nullable: true, description: 'When breached: when the breach began.' }) breachStart?: string;
}

@ObjectType({ description: 'One quality rule result of the run an observation reports.' })
export class QualityResult {
  @Field(() => String, { description: 'The rule, e.g. not_null.' }) rule!: string;
  @Field(() => String, { nullable: true, description: 'The field it checked, when it checks one.' }) field?: string;
  @Field(() => Boolean, { description: 'Whether the data passed it.' }) passed!: boolean;
  @Field(() => Int, { nullable: true, description: 'Rows that failed it.' }) failed?: number;
}

@ObjectType({ description: 'One SLA observation reported for a port.' })
export class SlaObservation {
  @Field(() => String, { description: 'Its id.' }) id!: string;
  @Field(() => String, { description: 'When the data was observed, ISO-8601.' }) time!: string;
  @Field(() => String, { nullable: true, description: 'Time of the newest data the run saw, ISO-8601.' })
  lastUpdate?: string | null;
  @Field(() => Float, { nullable: true, description: 'Rows the run saw.' }) rowCount?: number;
  @Field(() => Float, { nullable: true, description: 'Completeness the run measured, in %.' }) completeness?: number;
  @Field(() => [QualityResult], { description: "The run's quality rule results." }) quality!: QualityResult[];
  @Field(() => Boolean, { description: 'Whether the data was available.' }) availability!: boolean;
  @Field(() => String, { description: 'Name of the token that reported it.' }) reportedBy!: string;
}
