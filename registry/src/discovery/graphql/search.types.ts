import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Classification, LifecycleStatus, SlaStatusValue, Tier } from '../../common/graphql/catalog.enums.js';
import { Product } from '../../common/graphql/catalog.types.js';
import type { SearchRequest } from '../search/search-request.js';

// Search's GraphQL types; the catalog object types it returns live in common/graphql.

export enum SearchSortValue {
  RELEVANCE = 'relevance',
  NAME = 'name',
  RECENTLY_PUBLISHED = 'recent',
  MOST_CONSUMED = 'consumed',
}
registerEnumType(SearchSortValue, {
  name: 'SearchSort',
  description:
    'RELEVANCE (default): how well the words match (name and title > tags and domain > description > fields), times active over deprecated, SLA met now, governance without waivers, more consumers; without words, that quality alone. NAME: by name. RECENTLY_PUBLISHED: newest latest version first. MOST_CONSUMED: most consumer products first.',
});

export enum SearchSectionValue {
  NAME = 'name',
  TAGS = 'tags',
  DESCRIPTION = 'description',
  FIELDS = 'fields',
}
registerEnumType(SearchSectionValue, {
  name: 'SearchSection',
  description:
    'A part of a product that search reads: NAME (id, name, title), TAGS (tags, domain), DESCRIPTION, FIELDS (port and field names and descriptions).',
});

export enum HighlightSectionValue {
  TITLE = 'title',
  DESCRIPTION = 'description',
}
registerEnumType(HighlightSectionValue, {
  name: 'HighlightSection',
  description: 'The text a highlight is taken from.',
});

@InputType({
  description:
    'What every hit must satisfy: each field given is a condition; the values of one list are alternatives (a facet’s multi-select). A single value may be given without brackets.',
})
export class SearchFilter {
  @Field(() => [String], { nullable: true, description: 'Domains, e.g. ["sales"].' }) domain?: string[];
  @Field(() => [String], { nullable: true, description: 'Tags: a hit has at least one of them.' }) tag?: string[];
  @Field(() => [String], { nullable: true, description: 'Owner teams.' }) owner?: string[];
  @Field(() => [Classification], { nullable: true, description: 'Classifications.' })
  classification?: Classification[];
  @Field(() => [LifecycleStatus], {
    nullable: true,
    description: "Lifecycle status of the product's latest major line.",
  })
  status?: LifecycleStatus[];
  @Field(() => [Tier], { nullable: true, description: 'Tiers.' }) tier?: Tier[];
  @Field(() => [SlaStatusValue], {
    nullable: true,
    description: 'SLA status now: a product matches when a port of its latest version is in one of them.',
  })
  slaStatus?: SlaStatusValue[];
  @Field(() => String, {
    nullable: true,
    description:
      'A contract field of a latest-version port: its dotted path, or its last segment (city finds address.city). Typed % and _ are literal.',
  })
  field?: string;
}

@ObjectType({ description: 'A piece of highlighted text.' })
export class TextFragment {
  @Field(() => String, { description: 'The text.' }) text!: string;
  @Field(() => Boolean, { description: 'Whether it is a word the search matched (show it marked).' }) matched!: boolean;
}

@ObjectType({ description: 'Text of a hit with the matched words marked, cut to the parts around them.' })
export class Highlight {
  @Field(() => HighlightSectionValue, { description: 'Where the text is from.' }) section!: HighlightSectionValue;
  @Field(() => [TextFragment], { description: 'The text in pieces, matched ones marked.' }) fragments!: TextFragment[];
}

@ObjectType({ description: 'A contract field that has a searched word in its name or description.' })
export class MatchedField {
  @Field(() => String, { description: 'The output port.' }) port!: string;
  @Field(() => String, { description: 'Dotted path of the field.' }) path!: string;
}

@ObjectType({ description: 'Why a product is a hit.' })
export class SearchMatch {
  @Field(() => Float, { description: 'The relevance score it was ranked by (0 in other sort orders).' }) score!: number;
  @Field(() => [SearchSectionValue], { description: 'The parts of the product that have a searched word.' })
  sections!: SearchSectionValue[];
  @Field(() => [Highlight], { description: 'Title and description with the searched words marked.' })
  highlights!: Highlight[];
  @Field(() => [MatchedField], {
    description:
      'Up to three fields with a searched word in their name or description (fetched for the whole page at once).',
  })
  fields!: MatchedField[];
  productId!: string;
}

@ObjectType({ description: 'One hit: the product, its cursor and why it matched.' })
export class ProductEdge {
  @Field(() => String, { description: 'Pass as `after` to continue after this hit.' }) cursor!: string;
  @Field(() => Product, { description: 'The product.' }) node!: Product;
  @Field(() => SearchMatch, { description: 'Why it matched.' }) match!: SearchMatch;
}

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more hits follow this page.' }) hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'Whether hits come before this page (it was asked for after a cursor).' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first hit of the page.' }) startCursor?: string;
  @Field(() => String, { nullable: true, description: 'Cursor of the last hit: pass as `after` for the next page.' })
  endCursor?: string;
}

@ObjectType({ description: 'How many hits have one value of a facet.' })
export class FacetCount {
  @Field(() => String, {
    description:
      'The value as a filter takes it: a domain, tag or team, or an enum name (CONFIDENTIAL, DEPRECATED, GOLD, AT_RISK).',
  })
  value!: string;
  @Field(() => Int, { description: 'Hits with this value.' }) count!: number;
}

@ObjectType({
  description:
    'Counts of the hits per value, most frequent first: each facet counts the matches of the same words and every filter but its own (so a picked domain still shows the other domains, with what adding them would find). A product counts once per facet, except under tag and slaStatus (once per tag, once per status of its ports).',
})
export class SearchFacets {
  @Field(() => [FacetCount], { description: 'Per domain.' }) domain!: FacetCount[];
  @Field(() => [FacetCount], { description: 'Per tag.' }) tag!: FacetCount[];
  @Field(() => [FacetCount], { description: 'Per owner team.' }) owner!: FacetCount[];
  @Field(() => [FacetCount], { description: 'Per classification.' }) classification!: FacetCount[];
  @Field(() => [FacetCount], { description: 'Per lifecycle status.' }) status!: FacetCount[];
  @Field(() => [FacetCount], { description: 'Per tier.' }) tier!: FacetCount[];
  @Field(() => [FacetCount], { description: 'Per SLA status now.' }) slaStatus!: FacetCount[];
}

@ObjectType({ description: 'A page of search hits (Relay connection) with its count and facets.' })
export class ProductConnection {
  @Field(() => [ProductEdge], { description: 'The hits of this page, in order.' }) edges!: ProductEdge[];
  @Field(() => PageInfo, { description: 'Where this page is.' }) pageInfo!: PageInfo;
  @Field(() => String, {
    nullable: true,
    description: 'When no product had the typed words: the similar known words searched for instead.',
  })
  correctedQuery?: string;
  request!: SearchRequest;
}
