import { Field, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../common/graphql/json.scalar.js';

@ObjectType({ description: 'One problem a policy found, where it is and what to do.' })
export class PolicyFinding {
  @Field(() => String) message!: string;
  @Field(() => String, { nullable: true }) fix?: string;
  @Field(() => String, { nullable: true, description: 'JSON pointer in the descriptor, or <contract file>#<pointer>.' })
  path?: string;
  @Field(() => Boolean, { description: 'Reported, never blocking.' }) advisory!: boolean;
}

@ObjectType()
export class PolicyWaiver {
  @Field(() => String) until!: string;
  @Field(() => String) reason!: string;
}

@ObjectType({ description: "One policy's verdict on a product version." })
export class PolicyResult {
  @Field(() => String) policy!: string;
  @Field(() => String) title!: string;
  @Field(() => String) scope!: string;
  @Field(() => String) type!: string;
  @Field(() => String, { description: 'error or warning' }) severity!: string;
  @Field(() => String, { description: 'passed, failed, warning, waived or skipped' }) status!: string;
  @Field(() => String) message!: string;
  @Field(() => [PolicyFinding]) findings!: PolicyFinding[];
  @Field(() => PolicyWaiver, { nullable: true }) waiver?: PolicyWaiver;
}

@ObjectType()
export class GovernanceReport {
  @Field(() => Boolean) passed!: boolean;
  @Field(() => [PolicyResult]) results!: PolicyResult[];
}

@ObjectType()
export class Policy {
  @Field(() => String) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'global or domain:<name>' }) scope!: string;
  @Field(() => String) severity!: string;
  @Field(() => JSONScalar, { description: '{ type: json-schema, schema } or { type: <built-in>, params }' })
  rule!: unknown;
  @Field(() => String) updatedBy!: string;
  @Field(() => String) updatedAt!: string;
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
  @Field(() => String) port!: string;
  @Field(() => String) range!: string;
  @Field(() => String, { nullable: true }) resolved?: string;
  @Field(() => String) ownerTeam!: string;
  @Field(() => String) ownerEmail!: string;
}
