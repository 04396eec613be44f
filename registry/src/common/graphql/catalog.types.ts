import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from './json.scalar.js';

// The catalog's GraphQL object types: discovery returns them and other contexts add fields to them
// (SLA status on OutputPort, governance on ProductVersion, consumers on MajorLine, lineage on Product).
// Separate from the tables and REST DTOs, mapped explicitly by their resolvers.

@ObjectType({ description: 'The team that owns a product or domain.' })
export class Owner {
  @Field(() => String) team!: string;
  @Field(() => String) email!: string;
}

@ObjectType()
export class Domain {
  @Field(() => ID) name!: string;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => String) description!: string;
  @Field(() => Owner) owner!: Owner;
}

@ObjectType({ description: "A dependency of a product version on another product's output port." })
export class InputPort {
  @Field({ description: '<domain>.<product> of the upstream.' }) product!: string;
  @Field(() => String) port!: string;
  @Field({ description: 'Semver range the consumer pins.' }) versionRange!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Highest upstream version in range when this version was published.',
  })
  resolvedVersion?: string;
}

@ObjectType()
export class Contract {
  @Field({ description: 'sha256 of the canonical JSON Schema.' }) hash!: string;
  @Field(() => JSONScalar) schema!: unknown;
}

@ObjectType()
export class OutputPort {
  @Field(() => ID, { description: '<domain>.<product>/<port>@<version>' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => String) format!: string;
  @Field(() => String) location!: string;
  @Field(() => String) compatibility!: string;
  @Field(() => Contract) contract!: Contract;
  @Field(() => JSONScalar, { nullable: true }) sla?: unknown;
  @Field(() => JSONScalar) quality!: unknown;
  contractHash!: string;
}

@ObjectType()
export class ProductVersion {
  @Field(() => ID, { description: '<domain>.<product>@<version>' }) id!: string;
  @Field(() => String) version!: string;
  @Field(() => String) contentHash!: string;
  @Field(() => String) publishedBy!: string;
  @Field(() => String) publishedAt!: string;
  @Field(() => JSONScalar) descriptor!: unknown;
  @Field(() => JSONScalar, { description: 'Compatibility report computed at publish time.' }) compatibility!: unknown;
  @Field(() => [OutputPort]) ports!: OutputPort[];
  @Field(() => [InputPort]) inputs!: InputPort[];
  rowId!: string;
  /** Stored governance report; resolved into typed results by the governance module. */
  governanceReport!: unknown;
}

@ObjectType()
export class MajorLine {
  productId!: string;
  @Field(() => Int) major!: number;
  @Field(() => String) state!: string;
  @Field(() => String, { nullable: true }) sunset?: string;
  @Field(() => String, { nullable: true }) reason?: string;
}

@ObjectType({ description: 'A product that consumes a port of this one.' })
export class Consumer {
  @Field(() => String) product!: string;
  @Field(() => String) port!: string;
  @Field(() => String) versionRange!: string;
}

@ObjectType()
export class Product {
  @Field(() => ID, { description: '<domain>.<product>' }) id!: string;
  @Field(() => String) domain!: string;
  @Field(() => String) name!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => Owner) owner!: Owner;
  @Field(() => [String]) tags!: string[];
  @Field(() => String) classification!: string;
  @Field(() => String) tier!: string;
  @Field(() => String) latestVersion!: string;
  @Field(() => [ProductVersion], { description: 'Newest first.' }) versions!: ProductVersion[];
  @Field(() => ProductVersion, { nullable: true, description: 'One version, or the latest when omitted.' })
  version?: ProductVersion;
  @Field(() => [MajorLine]) majorLines!: MajorLine[];
  @Field(() => [Consumer]) consumers!: Consumer[];
}
