import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Classification, CompatibilityMode, LifecycleStatus, PortKind, SlaStatusValue, Tier } from './catalog.enums.js';
import { JSONScalar } from './json.scalar.js';
import { CompatibilityReport, QualityRule, SlaPromise } from './report.types.js';

// The catalog's GraphQL object types: discovery returns them and other contexts add fields to them
// (SLA status on OutputPort, governance on ProductVersion, consumers on MajorLine, lineage on Product).
// Separate from the tables and REST DTOs, mapped explicitly by their resolvers.

@ObjectType({ description: 'The team that owns a product or domain.' })
export class Owner {
  @Field(() => String, { description: 'Team name, as in the descriptor.' }) team!: string;
  @Field(() => String, { description: 'Where to reach the team.' }) email!: string;
}

@ObjectType({ description: 'A business domain: its products share an owner team and domain policies.' })
export class Domain {
  @Field(() => ID, { description: 'Kebab-case name, the first part of its product ids.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Display name.' }) title?: string;
  @Field(() => String, { description: 'What the domain covers.' }) description!: string;
  @Field(() => Owner, { description: 'The team that owns the domain.' }) owner!: Owner;
}

@ObjectType({ description: "A dependency of a product version on another product's output port." })
export class InputPort {
  @Field({ description: '<domain>.<product> of the upstream.' }) product!: string;
  @Field(() => String, { description: "The upstream's output port." }) port!: string;
  @Field({ description: 'Semver range the consumer pins.' }) versionRange!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Highest upstream version in range when this version was published.',
  })
  resolvedVersion?: string;
}

@ObjectType({
  description: "An output port's contract: a JSON Schema, stored canonicalised and addressed by its hash.",
})
export class Contract {
  @Field({ description: 'sha256 of the canonical JSON Schema.' }) hash!: string;
  @Field(() => JSONScalar, { description: 'The JSON Schema document itself.' }) schema!: unknown;
}

@ObjectType({ description: 'One output port of one product version: where its data is and what it promises.' })
export class OutputPort {
  @Field(() => ID, { description: '<domain>.<product>/<port>@<version>' }) id!: string;
  @Field(() => String, { description: 'Kebab-case port name.' }) name!: string;
  @Field(() => PortKind, { description: 'How the data is served.' }) kind!: PortKind;
  @Field(() => String, { description: 'Data format, e.g. parquet or json.' }) format!: string;
  @Field(() => String, { description: 'Where the data is, e.g. s3://lake/sales/orders/.' }) location!: string;
  @Field(() => CompatibilityMode, { description: 'The promise each new contract version keeps.' })
  compatibility!: CompatibilityMode;
  @Field(() => Contract, { description: 'The JSON Schema contract of this version.' }) contract!: Contract;
  @Field(() => SlaPromise, { nullable: true, description: 'What the port promises; null without an SLA.' })
  sla?: SlaPromise;
  @Field(() => [QualityRule], { description: 'The quality rules its data is tested with.' }) quality!: QualityRule[];
  contractHash!: string;
}

@ObjectType({ description: 'One published, immutable version of a product.' })
export class ProductVersion {
  @Field(() => ID, { description: '<domain>.<product>@<version>' }) id!: string;
  @Field(() => String, { description: 'Semver version.' }) version!: string;
  @Field(() => String, { description: 'sha256 of the descriptor with its contracts.' }) contentHash!: string;
  @Field(() => String, { description: 'Name of the token that published it.' }) publishedBy!: string;
  @Field(() => String, { description: 'When it was published (ISO-8601).' }) publishedAt!: string;
  @Field(() => JSONScalar, { description: 'The dataproduct.yaml as published (a document, so JSON).' })
  descriptor!: unknown;
  @Field(() => CompatibilityReport, { description: 'Compatibility report computed at publish time.' })
  compatibility!: CompatibilityReport;
  @Field(() => [OutputPort], { description: 'Its output ports, by name.' }) ports!: OutputPort[];
  @Field(() => [InputPort], { description: "The other products' ports it reads." }) inputs!: InputPort[];
  rowId!: string;
  /** Stored governance report; resolved into typed results by the governance module. */
  governanceReport!: unknown;
}

@ObjectType({ description: 'All versions of one major version number, with their lifecycle state.' })
export class MajorLine {
  productId!: string;
  @Field(() => Int, { description: 'The major version number.' }) major!: number;
  @Field(() => LifecycleStatus, { description: 'ACTIVE, DEPRECATED or RETIRED.' }) state!: LifecycleStatus;
  @Field(() => String, { nullable: true, description: 'When deprecated: the day it may be retired (YYYY-MM-DD).' })
  sunset?: string;
  @Field(() => String, { nullable: true, description: 'When deprecated: why, for its consumers.' }) reason?: string;
}

@ObjectType({ description: 'A product that consumes a port of this one.' })
export class Consumer {
  @Field(() => String, { description: '<domain>.<product> of the consumer.' }) product!: string;
  @Field(() => String, { description: 'The port of this product it reads.' }) port!: string;
  @Field(() => String, { description: 'The semver range it pins.' }) versionRange!: string;
}

@ObjectType({ description: 'A data product: its metadata follows its highest version.' })
export class Product {
  @Field(() => ID, { description: '<domain>.<product>' }) id!: string;
  @Field(() => String, { description: 'The domain it belongs to.' }) domain!: string;
  @Field(() => String, { description: 'Kebab-case name within the domain.' }) name!: string;
  @Field(() => String, { description: 'Display name.' }) title!: string;
  @Field(() => String, { description: 'What the product holds and how it is made.' }) description!: string;
  @Field(() => Owner, { description: 'The team that owns it.' }) owner!: Owner;
  @Field(() => [String], { description: 'Free-form tags.' }) tags!: string[];
  @Field(() => Classification, { description: 'How restricted its data is.' }) classification!: Classification;
  @Field(() => Tier, { description: 'Its service tier.' }) tier!: Tier;
  @Field(() => String, { description: 'The highest published version.' }) latestVersion!: string;
  @Field(() => LifecycleStatus, { description: "Lifecycle of the latest version's major line." })
  status!: LifecycleStatus;
  @Field(() => SlaStatusValue, {
    description: 'SLA status now: the worst of its latest ports (BREACHED > AT_RISK > MET > UNKNOWN).',
  })
  slaStatus!: SlaStatusValue;
  @Field(() => Int, { description: 'How many products read one of its ports in their latest version.' })
  consumerCount!: number;
  @Field(() => [ProductVersion], { description: 'Newest first.' }) versions!: ProductVersion[];
  @Field(() => ProductVersion, { nullable: true, description: 'One version, or the latest when omitted.' })
  version?: ProductVersion;
  @Field(() => [MajorLine], { description: 'Its major lines, highest first.' }) majorLines!: MajorLine[];
  @Field(() => [Consumer], { description: 'Products whose latest version reads one of its ports.' })
  consumers!: Consumer[];
}
