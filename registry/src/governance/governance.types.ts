import { Field, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../common/graphql/json.scalar.js';

@ObjectType({ description: 'One problem a policy found, where it is and what to do.' })
export class PolicyFinding {
  @Field(() => String, { description: 'What is wrong, in a sentence.' }) message!: string;
  @Field(() => String, { nullable: true, description: 'What to change.' }) fix?: string;
  @Field(() => String, { nullable: true, description: 'JSON pointer in the descriptor, or <contract file>#<pointer>.' })
  path?: string;
  @Field(() => Boolean, { description: 'Reported, never blocking.' }) advisory!: boolean;
}

@ObjectType({ description: 'The waiver under which a failing policy passed.' })
export class PolicyWaiver {
  @Field(() => String, { description: 'When the waiver expires (ISO-8601).' }) until!: string;
  @Field(() => String, { description: 'Why it was granted.' }) reason!: string;
}

@ObjectType({ description: "One policy's verdict on a product version." })
export class PolicyResult {
  @Field(() => String, { description: 'The policy id.' }) policy!: string;
  @Field(() => String, { description: 'The policy title.' }) title!: string;
  @Field(() => String, { description: 'global or domain:<name>.' }) scope!: string;
  @Field(() => String, { description: 'json-schema or the built-in rule.' }) type!: string;
  @Field(() => String, { description: 'error or warning' }) severity!: string;
  @Field(() => String, { description: 'passed, failed, warning, waived or skipped' }) status!: string;
  @Field(() => String, { description: 'The verdict in a sentence.' }) message!: string;
  @Field(() => [PolicyFinding], { description: 'Each problem found.' }) findings!: PolicyFinding[];
  @Field(() => PolicyWaiver, { nullable: true, description: 'The waiver it passed under, when waived.' })
  waiver?: PolicyWaiver;
}

@ObjectType({ description: 'The governance verdict stored when a version was published: every policy that applied.' })
export class GovernanceReport {
  @Field(() => Boolean, { description: 'Whether no error policy failed.' }) passed!: boolean;
  @Field(() => [PolicyResult], { description: 'Each policy that applied, with its verdict.' }) results!: PolicyResult[];
}

@ObjectType({
  description: 'A governance policy: a JSON Schema over the descriptor or a built-in rule, global or for one domain.',
})
export class Policy {
  @Field(() => String, { description: 'Kebab-case id.' }) id!: string;
  @Field(() => String, { description: 'Short name.' }) title!: string;
  @Field(() => String, { description: 'What it requires and why.' }) description!: string;
  @Field(() => String, { description: 'global or domain:<name>' }) scope!: string;
  @Field(() => String, { description: 'error (blocks a publish) or warning.' }) severity!: string;
  @Field(() => JSONScalar, { description: '{ type: json-schema, schema } or { type: <built-in>, params }' })
  rule!: unknown;
  @Field(() => String, { description: 'Name of the token that last changed it.' }) updatedBy!: string;
  @Field(() => String, { description: 'When it last changed (ISO-8601).' }) updatedAt!: string;
}

@ObjectType({ description: 'A product still reading a major line.' })
export class LineConsumer {
  @Field(() => String, { description: 'A product id, or a consumer outside the mesh: <domain>:<kind>/<name>.' })
  product!: string;
  @Field(() => String, {
    nullable: true,
    description: 'dashboard, ml, notebook or service (consumers outside the mesh).',
  })
  kind?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD its registration lapses.' }) expires?: string;
  @Field(() => String, { description: 'The port of the line it reads.' }) port!: string;
  @Field(() => String, { description: 'The semver range it pins.' }) range!: string;
  @Field(() => String, { nullable: true, description: 'The version its range resolved to at its publish time.' })
  resolved?: string;
  @Field(() => String, { description: 'Its owner team.' }) ownerTeam!: string;
  @Field(() => String, { description: 'Where to reach its owner.' }) ownerEmail!: string;
}
