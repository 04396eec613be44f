import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Product } from '../common/graphql/catalog.types.js';
import { SlaStatusValue } from '../sla/sla.types.js';

// Search's GraphQL types; the catalog object types it returns live in common/graphql.

@InputType()
export class SearchFilter {
  @Field(() => String, { nullable: true }) domain?: string;
  @Field(() => String, { nullable: true }) tag?: string;
  @Field(() => String, {
    nullable: true,
    description: 'A contract field name; matches nested fields by their last segment too.',
  })
  field?: string;
  @Field(() => SlaStatusValue, {
    nullable: true,
    description: 'Products with a port of the latest version in this SLA status.',
  })
  slaStatus?: SlaStatusValue;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor?: string;
}

@ObjectType()
export class ProductEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Product) node!: Product;
}

@ObjectType()
export class ProductConnection {
  @Field(() => [ProductEdge]) edges!: ProductEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
