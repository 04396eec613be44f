import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Owner } from '../../common/graphql/catalog.types.js';
import { JSONScalar } from '../../common/graphql/json.scalar.js';

// GraphQL types of the lineage context, mapped from the service results.

export enum LineageDirectionEnum {
  UPSTREAM = 'UPSTREAM',
  DOWNSTREAM = 'DOWNSTREAM',
  BOTH = 'BOTH',
}
registerEnumType(LineageDirectionEnum, { name: 'LineageDirection' });

@ObjectType({
  description: 'A product, port, field, external dataset or consumer outside the mesh in a lineage graph.',
})
export class LineageNode {
  @Field(() => String, {
    description: '<domain>.<product>[/<port>][#<field>], external:<location>, or <domain>:<kind>/<name>',
  })
  id!: string;
  @Field(() => String, { description: 'PRODUCT, PORT, FIELD, EXTERNAL or CONSUMER' }) kind!: string;
  @Field(() => String, { nullable: true }) product?: string;
  @Field(() => String, { nullable: true }) port?: string;
  @Field(() => String, { nullable: true }) field?: string;
  @Field(() => Int, { description: 'Hops from the root: negative upstream, positive downstream.' }) level!: number;
  @Field(() => String, { nullable: true }) version?: string;
  @Field(() => String, { nullable: true }) ownerTeam?: string;
  @Field(() => String, { nullable: true }) location?: string;
  @Field(() => String, { nullable: true, description: 'dashboard, ml, notebook or service (CONSUMER nodes).' })
  consumerKind?: string;
}

@ObjectType({ description: 'A directed edge, upstream to downstream.' })
export class LineageEdge {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => String, { description: 'OUTPUT (product→port), INPUT (port→consumer), FIELD, OBSERVED' }) kind!: string;
  @Field(() => String, { nullable: true }) versionRange?: string;
  @Field(() => String, { nullable: true }) resolvedVersion?: string;
}

@ObjectType()
export class LineageGraph {
  @Field(() => String) root!: string;
  @Field(() => LineageDirectionEnum) direction!: LineageDirectionEnum;
  @Field(() => Int) depth!: number;
  @Field(() => Int) budget!: number;
  @Field(() => Boolean, { description: 'True when the node budget stopped the walk.' }) truncated!: boolean;
  @Field(() => [LineageNode]) nodes!: LineageNode[];
  @Field(() => [LineageEdge]) edges!: LineageEdge[];
}

@ObjectType()
export class LineagePath {
  @Field(() => [String]) products!: string[];
  @Field(() => [String], { description: 'via[i]: the port of products[i] that products[i+1] reads.' }) via!: string[];
}

@ObjectType()
export class LineagePaths {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => [LineagePath]) paths!: LineagePath[];
  @Field(() => Boolean) truncated!: boolean;
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
  @Field(() => String, { nullable: true }) expires?: string;
  @Field(() => Boolean, { nullable: true }) expired?: boolean;
  @Field(() => String) port!: string;
  @Field(() => String) versionRange!: string;
  @Field(() => String, { nullable: true }) resolvedVersion?: string;
  @Field(() => Owner) owner!: Owner;
  @Field(() => [String]) fieldsRead!: string[];
}

@ObjectType({ description: 'Why a direct consumer breaks, with a record that shows it.' })
export class ReaderBreak {
  @Field(() => String, { nullable: true, description: 'The field it reads; null for a change to the whole record.' })
  field?: string;
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'A record valid under the proposed contract that the current contract rejects.',
  })
  counterexample?: unknown;
  @Field(() => Boolean, { description: 'False when no record confirmed it: judged breaking cautiously.' })
  exact!: boolean;
}

@ObjectType()
export class AffectedConsumer {
  @Field(() => String, { description: 'A product id, or a consumer outside the mesh: <domain>:<kind>/<name>.' })
  product!: string;
  @Field(() => String, { nullable: true, description: 'dashboard, ml, notebook or service (outside the mesh).' })
  kind?: string;
  @Field(() => Owner) owner!: Owner;
  @Field(() => Int) depth!: number;
  @Field(() => Boolean, {
    description: 'False beyond the direct consumers when it reads an affected port without field lineage.',
  })
  certain!: boolean;
  @Field(() => Boolean, {
    description: 'Whether it declares field lineage for that port; without it the walk stops here.',
  })
  fieldLineage!: boolean;
  @Field(() => String) versionRange!: string;
  @Field(() => String, { nullable: true }) resolvedVersion?: string;
  @Field(() => [String]) reads!: string[];
  @Field(() => [String]) fields!: string[];
  @Field(() => [String]) changes!: string[];
  @Field(() => [ReaderBreak], {
    description:
      'Per field it reads that breaks (or each FORWARD-breaking change without field lineage); empty beyond the direct consumers.',
  })
  breaks!: ReaderBreak[];
}

@ObjectType()
export class UnaffectedConsumer {
  @Field(() => String) product!: string;
  @Field(() => String) versionRange!: string;
  @Field(() => String, {
    description: 'RANGE_EXCLUDES_VERSION, DOES_NOT_READ_FIELD, FORWARD_COMPATIBLE or REGISTRATION_EXPIRED.',
  })
  reason!: string;
  @Field(() => String) message!: string;
}

@ObjectType()
export class ImpactChange {
  @Field(() => String) code!: string;
  @Field(() => String) path!: string;
  @Field(() => String) message!: string;
  @Field(() => String, { nullable: true }) field?: string;
  @Field(() => JSONScalar, { nullable: true }) counterexample?: unknown;
  @Field(() => [String]) affected!: string[];
}

@ObjectType()
export class ImpactReport {
  @Field(() => String) port!: string;
  @Field(() => String, { nullable: true }) against?: string;
  @Field(() => String) proposedVersion!: string;
  @Field(() => String) versionRule!: string;
  @Field(() => String) mode!: string;
  @Field(() => Boolean) compatible!: boolean;
  @Field(() => String) requiredBump!: string;
  @Field(() => [ImpactChange]) changes!: ImpactChange[];
  @Field(() => [AffectedConsumer]) consumers!: AffectedConsumer[];
  @Field(() => [UnaffectedConsumer]) unaffected!: UnaffectedConsumer[];
  @Field(() => Boolean) truncated!: boolean;
}

@ObjectType()
export class ObservedInput {
  @Field(() => String) input!: string;
  @Field(() => String) location!: string;
  @Field(() => [String]) jobs!: string[];
  @Field(() => String) lastSeen!: string;
  @Field(() => Int) runs!: number;
}

@ObjectType({ description: 'Declared vs observed (OpenLineage) inputs of a product.' })
export class LineageDrift {
  @Field(() => String) product!: string;
  @Field(() => Boolean) observed!: boolean;
  @Field(() => [String]) declared!: string[];
  @Field(() => [ObservedInput]) observedInputs!: ObservedInput[];
  @Field(() => [ObservedInput]) observedNotDeclared!: ObservedInput[];
  @Field(() => [String]) declaredNotObserved!: string[];
}

@ObjectType({ description: 'A port a consumer outside the mesh reads.' })
export class ExternalRead {
  @Field(() => String) port!: string;
  @Field(() => String) versionRange!: string;
  @Field(() => String, { nullable: true }) resolvedVersion?: string;
  @Field(() => [String]) fields!: string[];
  @Field(() => String, { nullable: true }) expires?: string;
  @Field(() => Boolean) expired!: boolean;
}

@ObjectType({ description: 'A dashboard, ML job, notebook or service reading data products: <domain>:<kind>/<name>.' })
export class ExternalConsumer {
  @Field(() => String) id!: string;
  @Field(() => String) domain!: string;
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => Owner) owner!: Owner;
  @Field(() => [ExternalRead]) reads!: ExternalRead[];
  @Field(() => String) createdBy!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String) updatedAt!: string;
}
