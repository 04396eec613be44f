import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Bump, CompatibilityMode, Severity } from './catalog.enums.js';
import { JSONScalar } from './json.scalar.js';

// Typed views of what a version stores as JSON (quality rules, SLA promises,
// compatibility reports): a client sees their fields in the schema and
// introspection, instead of an opaque JSON value.

@ObjectType({ description: 'What an output port promises: freshness, availability and completeness.' })
export class SlaPromise {
  @Field(() => String, { nullable: true, description: 'Newest data at most this old, an ISO-8601 duration (PT1H).' })
  freshness?: string;
  @Field(() => Float, { nullable: true, description: 'Share of observed runs that must succeed, in %.' })
  availability?: number;
  @Field(() => Float, { nullable: true, description: 'Row-weighted completeness the data must reach, in %.' })
  completeness?: number;
}

@ObjectType({ description: 'A quality rule of an output port; `rule` says which fields apply.' })
export class QualityRule {
  @Field(() => String, {
    description: 'unique, not_null, accepted_values, range, regex, row_count, freshness or relationship.',
  })
  rule!: string;
  @Field(() => Severity, { description: 'ERROR (default) fails a data test; WARNING reports only.' })
  severity!: Severity;
  @Field(() => String, { nullable: true, description: 'The field the rule checks (dotted path).' })
  field?: string;
  @Field(() => [String], { nullable: true, description: 'The fields (not_null; unique over a combination).' })
  fields?: string[];
  @Field(() => [JSONScalar], {
    nullable: true,
    description: 'accepted_values: the allowed values, each a string, number, boolean or null.',
  })
  values?: unknown[];
  @Field(() => Float, { nullable: true, description: 'range: lowest value; row_count: fewest rows.' })
  min?: number;
  @Field(() => Float, { nullable: true, description: 'range: highest value; row_count: most rows.' })
  max?: number;
  @Field(() => String, { nullable: true, description: 'regex: the pattern values must match.' })
  pattern?: string;
  @Field(() => String, { nullable: true, description: 'freshness: greatest age of the newest value (ISO-8601).' })
  maxAge?: string;
  @Field(() => String, { nullable: true, description: 'relationship: the referenced field, <product>/<port>#<field>.' })
  ref?: string;
}

@ObjectType({ description: 'One difference between two contract versions.' })
export class CompatibilityChange {
  @Field(() => String, { description: 'Stable machine code, e.g. PROPERTY_REMOVED.' }) code!: string;
  @Field(() => String, { description: 'JSON path of the changed keyword, e.g. /properties/amount/type.' })
  path!: string;
  @Field(() => String, { description: 'What changed, in a sentence.' }) message!: string;
  @Field(() => Boolean, { description: 'Whether it breaks the mode’s promise.' }) breaking!: boolean;
  @Field(() => String, { nullable: true, description: 'The earlier version it was checked against.' })
  against?: string;
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'A record valid under one side and not the other (a data record, so any JSON), verified with ajv.',
  })
  counterexample?: unknown;
  @Field(() => String, { nullable: true, description: 'previous or next: the side the counterexample is valid under.' })
  validUnder?: string;
}

@ObjectType({ description: "One output port's contract compared with its earlier versions at publish time." })
export class PortCompatibility {
  @Field(() => String, { description: 'The output port.' }) port!: string;
  @Field(() => Boolean, { description: 'Whether the contract keeps the promise of its mode.' }) compatible!: boolean;
  @Field(() => CompatibilityMode, { description: 'The mode it was checked in.' }) mode!: CompatibilityMode;
  @Field(() => Bump, { description: 'The bump the contract change needs.' }) requiredBump!: Bump;
  @Field(() => [String], { description: 'The earlier versions it was compared with.' }) against!: string[];
  @Field(() => [CompatibilityChange], { description: 'Every difference found.' }) changes!: CompatibilityChange[];
}

@ObjectType({ description: 'A descriptor change (ports, SLAs, rules, classification) and the bump it needs.' })
export class DescriptorChange {
  @Field(() => String, { description: 'Stable machine code.' }) code!: string;
  @Field(() => String, { description: 'JSON pointer in the descriptor.' }) path!: string;
  @Field(() => String, { description: 'What changed, in a sentence.' }) message!: string;
  @Field(() => Bump, { description: 'The bump this change needs.' }) bump!: Bump;
}

@ObjectType({ description: 'The descriptor compared with the version it follows.' })
export class DescriptorCompatibility {
  @Field(() => [String], { description: 'The version(s) it was compared with.' }) against!: string[];
  @Field(() => [DescriptorChange], { description: 'Every descriptor change found.' }) changes!: DescriptorChange[];
}

@ObjectType({ description: 'The compatibility report computed when a version was published.' })
export class CompatibilityReport {
  @Field(() => Bump, { description: 'The largest bump any change needs.' }) requiredBump!: Bump;
  @Field(() => [PortCompatibility], { description: 'Each output port’s contract check.' }) ports!: PortCompatibility[];
  @Field(() => DescriptorCompatibility, { nullable: true, description: 'The descriptor check, when there was a base.' })
  descriptor?: DescriptorCompatibility;
  @Field(() => Int, { description: 'Breaking changes over all ports.' }) breakingChanges!: number;
}

/** The stored report (JSON) as the typed object; missing parts read as empty. */
export function toCompatibilityReport(stored: unknown): CompatibilityReport {
  const report = (stored ?? {}) as { requiredBump?: Bump; ports?: Record<string, Record<string, unknown>> };
  const { descriptor, ...ports } = report.ports ?? {};
  const portList = Object.entries(ports).map(
    ([port, r]) => ({ port, against: [], changes: [], ...r }) as unknown as PortCompatibility,
  );
  return {
    requiredBump: report.requiredBump ?? Bump.NONE,
    ports: portList,
    ...(descriptor && { descriptor: descriptor as unknown as DescriptorCompatibility }),
    breakingChanges: portList.reduce((n, p) => n + p.changes.filter((c) => c.breaking).length, 0),
  };
}

/** A stored quality rule as the typed object (severity defaults to error, as in the descriptor). */
export const toQualityRule = (rule: Record<string, unknown>): QualityRule =>
  ({ ...rule, severity: (rule.severity as Severity) ?? Severity.ERROR }) as QualityRule;
