import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Owner } from '../../common/graphql/catalog.types.js';
import { JSONScalar } from '../../common/graphql/json.scalar.js';

// GraphQL types of the lineage context, mapped from the service results.

export enum LineageDirectionEnum {
  UPSTREAM = 'UPSTREAM',
  DOWNSTREAM = 'DOWNSTREAM',
  BOTH = 'BOTH',
}
registerEnumType(LineageDirectionEnum, {
  name: 'LineageDirection',
  description:
    'Which way a lineage walk goes from its product: UPSTREAM (what it reads), DOWNSTREAM (who reads it), BOTH.',
});

@ObjectType({
  description: 'A product, port, field, external dataset or consumer outside the mesh in a lineage graph.',
})
export class LineageNode {
  @Field(() => String, {
    description: '<domain>.<product>[/<port>][#<field>], external:<location>, or <domain>:<kind>/<name>',
  })
  id!: string;
  @Field(() => String, { description: 'PRODUCT, PORT, FIELD, EXTERNAL or CONSUMER' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'Its product, for product, port and field nodes.' })
  product?: string;
  @Field(() => String, { nullable: true, description: 'Its port, for port and field nodes.' }) port?: string;
  @Field(() => String, { nullable: true, description: 'Its field, for field nodes.' }) field?: string;
  @Field(() => Int, { description: 'Hops from the root: negative upstream, positive downstream.' }) level!: number;
  @Field(() => String, { nullable: true, description: 'The product version the walk read.' }) version?: string;
  @Field(() => String, { nullable: true, description: "The product's or consumer's owner team." }) ownerTeam?: string;
  @Field(() => String, { nullable: true, description: 'Where the data is (ports and external datasets).' })
  location?: string;
  @Field(() => String, { nullable: true, description: 'dashboard, ml, notebook or service (CONSUMER nodes).' })
  consumerKind?: string;
}

@ObjectType({ description: 'A directed edge, upstream to downstream.' })
export class LineageEdge {
  @Field(() => String, { description: 'Upstream node id.' }) from!: string;
  @Field(() => String, { description: 'Downstream node id.' }) to!: string;
  @Field(() => String, { description: 'OUTPUT (product→port), INPUT (port→consumer), FIELD, OBSERVED' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'INPUT edges: the range the consumer pins.' })
  versionRange?: string;
  @Field(() => String, { nullable: true, description: 'INPUT edges: the upstream version the range resolved to.' })
  resolvedVersion?: string;
}

@ObjectType({ description: 'A lineage walk from one product: its nodes and edges.' })
export class LineageGraph {
  @Field(() => String, { description: 'The product the walk started from.' }) root!: string;
  @Field(() => LineageDirectionEnum, { description: 'Which way it walked.' }) direction!: LineageDirectionEnum;
  @Field(() => Int, { description: 'Hops it walked at most.' }) depth!: number;
  @Field(() => Int, { description: 'Nodes it could visit at most.' }) budget!: number;
  @Field(() => Boolean, { description: 'True when the node budget stopped the walk.' }) truncated!: boolean;
  @Field(() => [LineageNode], { description: 'Every node reached.' }) nodes!: LineageNode[];
  @Field(() => [LineageEdge], { description: 'Every edge between them.' }) edges!: LineageEdge[];
}

@ObjectType({ description: 'One downstream path between two products.' })
export class LineagePath {
  @Field(() => [String], { description: 'The products along the path, first to last.' }) products!: string[];
  @Field(() => [String], { description: 'via[i]: the port of products[i] that products[i+1] reads.' }) via!: string[];
}

@ObjectType({ description: 'Downstream paths from one product to another.' })
export class LineagePaths {
  @Field(() => String, { description: 'Start product.' }) from!: string;
  @Field(() => String, { description: 'End product.' }) to!: string;
  @Field(() => [LineagePath], { description: 'The paths found.' }) paths!: LineagePath[];
  @Field(() => Boolean, { description: 'True when the search stopped at its budget.' }) truncated!: boolean;
}

@ObjectType({
  description: 'A product or a consumer outside the mesh reading a port, with the range it pins and its owner.',
})
export class PortConsumer {
  @Field(() => String, { description: 'A product id, or a consumer outside the mesh: <domain>:<kind>/<name>.' })
  product!: string;
  @Field(() => String, { nullable: true, description: 'dashboard, ml, notebook or service (outside the mesh).' })
  kind?: string;
  @Field(() => Int, { nullable: true, description: 'The consumer major line that reads the port (products).' })
  major?: number;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD its registration lapses (outside the mesh).' })
  expires?: string;
  @Field(() => Boolean, { nullable: true, description: 'True once its registration has lapsed: it no longer blocks.' })
  expired?: boolean;
  @Field(() => String, { description: 'The port read.' }) port!: string;
  @Field(() => String, { description: 'The semver range it pins.' }) versionRange!: string;
  @Field(() => String, { nullable: true, description: 'The version its range resolved to.' }) resolvedVersion?: string;
  @Field(() => Owner, { description: "The consumer's owner." }) owner!: Owner;
  @Field(() => [String], { description: 'Fields its field lineage reads (empty: none declared).' })
  fieldsRead!: string[];
}

@ObjectType({ description: 'Why a direct consumer breaks, with a record that shows it.' })
export class ReaderBreak {
  @Field(() => String, { nullable: true, description: 'The field it reads; null for a change to the whole record.' })
  field?: string;
  @Field(() => String, { description: 'Machine code of the change (PROPERTY_REMOVED, TYPE_WIDENED, …).' })
  code!: string;
  @Field(() => String, { description: 'Why it breaks, in a sentence.' }) message!: string;
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'A record valid under the proposed contract that the current contract rejects.',
  })
  counterexample?: unknown;
  @Field(() => Boolean, { description: 'False when no record confirmed it: judged breaking cautiously.' })
  exact!: boolean;
}

@ObjectType({ description: 'A consumer a proposed contract would break, directly or through field lineage.' })
export class AffectedConsumer {
  @Field(() => String, { description: 'A product id, or a consumer outside the mesh: <domain>:<kind>/<name>.' })
  product!: string;
  @Field(() => String, { nullable: true, description: 'dashboard, ml, notebook or service (outside the mesh).' })
  kind?: string;
  @Field(() => Owner, { description: 'Who to tell.' }) owner!: Owner;
  @Field(() => Int, { description: 'Hops from the port: 1 for direct consumers.' }) depth!: number;
  @Field(() => Boolean, {
    description: 'False beyond the direct consumers when it reads an affected port without field lineage.',
  })
  certain!: boolean;
  @Field(() => Boolean, {
    description: 'Whether it declares field lineage for that port; without it the walk stops here.',
  })
  fieldLineage!: boolean;
  @Field(() => String, { description: 'The range it pins.' }) versionRange!: string;
  @Field(() => String, { nullable: true, description: 'The version its range resolved to.' }) resolvedVersion?: string;
  @Field(() => [String], { description: 'The affected ports it reads.' }) reads!: string[];
  @Field(() => [String], { description: 'The affected fields it reads.' }) fields!: string[];
  @Field(() => [String], { description: 'Codes of the changes that reach it.' }) changes!: string[];
  @Field(() => [ReaderBreak], {
    description:
      'Per field it reads that breaks (or each FORWARD-breaking change without field lineage); empty beyond the direct consumers.',
  })
  breaks!: ReaderBreak[];
}

@ObjectType({ description: 'A consumer of the port that the proposed contract does not break, and why.' })
export class UnaffectedConsumer {
  @Field(() => String, { description: '<domain>.<product> of the consumer.' }) product!: string;
  @Field(() => String, { description: 'The range it pins.' }) versionRange!: string;
  @Field(() => String, {
    description:
      'Why it is not affected: RANGE_EXCLUDES_VERSION, DOES_NOT_READ_FIELD, FORWARD_COMPATIBLE or REGISTRATION_EXPIRED.',
  })
  reason!: string;
  @Field(() => String, { description: 'Why, in a sentence.' }) message!: string;
}

@ObjectType({ description: 'A breaking change of the proposed contract and who it reaches.' })
export class ImpactChange {
  @Field(() => String, { description: 'Machine code of the change.' }) code!: string;
  @Field(() => String, { description: 'JSON path of the change in the contract.' }) path!: string;
  @Field(() => String, { description: 'The change in a sentence.' }) message!: string;
  @Field(() => String, { nullable: true, description: 'The field it changes, when it changes one.' }) field?: string;
  @Field(() => [String], { description: 'Consumers it reaches.' }) affected!: string[];
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'A record valid under one side and not the other (a data record, so any JSON), verified with ajv.',
  })
  counterexample?: unknown;
  @Field(() => String, { nullable: true, description: 'previous or next: the side the counterexample is valid under.' })
  validUnder?: string;
}

@ObjectType({ description: 'What a proposed contract for a port would break downstream.' })
export class ImpactReport {
  @Field(() => String, { description: 'The port, <domain>.<product>/<port>.' }) port!: string;
  @Field(() => String, { nullable: true, description: 'The current version compared with.' }) against?: string;
  @Field(() => String, { description: 'The version the proposal is judged as.' }) proposedVersion!: string;
  @Field(() => String, { description: 'Which consumers that version reaches (by their ranges).' }) versionRule!: string;
  @Field(() => String, { description: "The port's compatibility mode." }) mode!: string;
  @Field(() => Boolean, { description: 'Whether the proposal keeps the mode’s promise.' }) compatible!: boolean;
  @Field(() => String, { description: 'The bump it needs.' }) requiredBump!: string;
  @Field(() => [ImpactChange], { description: 'Its breaking changes.' }) changes!: ImpactChange[];
  @Field(() => [AffectedConsumer], { description: 'Consumers it breaks.' }) consumers!: AffectedConsumer[];
  @Field(() => [UnaffectedConsumer], { description: 'Consumers it does not break.' }) unaffected!: UnaffectedConsumer[];
  @Field(() => Boolean, { description: 'True when the walk stopped at its budget.' }) truncated!: boolean;
}

@ObjectType({ description: 'An input seen in OpenLineage run events.' })
export class ObservedInput {
  @Field(() => String, { description: 'The product/port or external dataset read.' }) input!: string;
  @Field(() => String, { description: 'Its location.' }) location!: string;
  @Field(() => [String], { description: 'Jobs seen reading it.' }) jobs!: string[];
  @Field(() => String, { description: 'Newest run event (ISO-8601).' }) lastSeen!: string;
  @Field(() => Int, { description: 'Run events seen.' }) runs!: number;
}

@ObjectType({ description: 'Declared vs observed (OpenLineage) inputs of a product.' })
export class LineageDrift {
  @Field(() => String, { description: '<domain>.<product>' }) product!: string;
  @Field(() => Boolean, { description: 'Whether any run event wrote to it.' }) observed!: boolean;
  @Field(() => [String], { description: 'Inputs its descriptor declares.' }) declared!: string[];
  @Field(() => [ObservedInput], { description: 'Inputs run events show.' }) observedInputs!: ObservedInput[];
  @Field(() => [ObservedInput], { description: 'Observed but not declared.' }) observedNotDeclared!: ObservedInput[];
  @Field(() => [String], { description: 'Declared but not observed.' }) declaredNotObserved!: string[];
}

@ObjectType({ description: 'A port a consumer outside the mesh reads.' })
export class ExternalRead {
  @Field(() => String, { description: 'The port read: <domain>.<product>/<port>.' }) port!: string;
  @Field(() => String, { description: 'The semver range it pins.' }) versionRange!: string;
  @Field(() => String, { nullable: true, description: 'The published version its range resolves to now.' })
  resolvedVersion?: string;
  @Field(() => [String], { description: 'The fields it reads (field lineage for impact).' }) fields!: string[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD its registration lapses.' }) expires?: string;
  @Field(() => Boolean, { description: 'True once lapsed: it no longer blocks deprecation or retirement.' })
  expired!: boolean;
}

@ObjectType({ description: 'A dashboard, ML job, notebook or service reading data products: <domain>:<kind>/<name>.' })
export class ExternalConsumer {
  @Field(() => String, { description: 'Its id: <domain>:<kind>/<name>.' }) id!: string;
  @Field(() => String, { description: 'The domain that owns it; its publishers may change it.' }) domain!: string;
  @Field(() => String, { description: 'Its name within the domain (kebab-case).' }) name!: string;
  @Field(() => String, { description: 'dashboard, ml, notebook or service.' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'What it is, for the people it may affect.' })
  description?: string;
  @Field(() => Owner, { description: 'Who to tell when what it reads changes.' }) owner!: Owner;
  @Field(() => [ExternalRead], { description: 'The ports it reads and the fields in them.' }) reads!: ExternalRead[];
  @Field(() => String, { description: 'The principal that registered it.' }) createdBy!: string;
  @Field(() => String, { description: 'When it was registered (ISO 8601).' }) createdAt!: string;
  @Field(() => String, { description: 'When it last changed (ISO 8601).' }) updatedAt!: string;
}
