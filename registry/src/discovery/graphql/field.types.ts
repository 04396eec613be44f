import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from './search.types.js';

export enum FieldMatchValue {
  NAME = 'name',
  PREFIX = 'prefix',
  SIMILAR = 'similar',
  DESCRIPTION = 'description',
}
registerEnumType(FieldMatchValue, {
  name: 'FieldMatch',
  description:
    'How a field matched, best first: NAME (its name or path is the text), PREFIX (starts with it), SIMILAR (a name like it, when none matches by name: a typo), DESCRIPTION (its description has the words).',
});

@InputType({ description: 'What every field hit must satisfy; the values of one list are alternatives.' })
export class FieldFilter {
  @Field(() => [String], { nullable: true, description: 'Domains of the products.' }) domain?: string[];
  @Field(() => [String], { nullable: true, description: 'x-classification values, e.g. pii.' })
  classification?: string[];
  @Field(() => [String], { nullable: true, description: 'JSON types, e.g. string or integer.' }) type?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Only required (true) or optional (false) fields.' })
  required?: boolean;
}

@ObjectType({ description: "A field of a product's latest output port contract." })
export class FieldHit {
  @Field(() => String, { description: '<domain>.<product>' }) product!: string;
  @Field(() => String, { description: 'The output port.' }) port!: string;
  @Field(() => String, { description: 'Dotted JSON path of the field, e.g. address.city.' }) path!: string;
  @Field(() => String, { nullable: true, description: 'Its JSON type (a|b for a union).' }) type?: string;
  @Field(() => Boolean, { description: 'Whether its object requires it.' }) required!: boolean;
  @Field(() => String, { nullable: true, description: 'Its x-classification, e.g. pii.' }) classification?: string;
  @Field(() => String, { nullable: true, description: 'Its description in the contract.' }) description?: string;
  @Field(() => FieldMatchValue, { description: 'How it matched.' }) match!: FieldMatchValue;
}

@ObjectType({ description: 'One field hit and its cursor.' })
export class FieldEdge {
  @Field(() => String, { description: 'Pass as `after` to continue after this hit.' }) cursor!: string;
  @Field(() => FieldHit, { description: 'The field.' }) node!: FieldHit;
}

@ObjectType({ description: 'A page of field hits (Relay connection).' })
export class FieldConnection {
  @Field(() => [FieldEdge], { description: 'The hits of this page, in order.' }) edges!: FieldEdge[];
  @Field(() => PageInfo, { description: 'Where this page is.' }) pageInfo!: PageInfo;
  query!: string;
  filter!: FieldFilter;
}
