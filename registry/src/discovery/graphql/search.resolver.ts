import { Args, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { encodeSearchCursor } from '../search/search-cursor.js';
import type { Facets, SearchHit } from '../search/search-request.js';
import { SearchService, type SearchAnswer } from '../search.service.js';
import type { MatchedField as MatchedFieldRecord } from '../operations/matched-fields.js';
import { groupBy } from '../loaders.js';
import { toProduct } from './mapping.js';
import { selects } from './selection.js';
import {
  HighlightSectionValue,
  ProductConnection,
  SearchFacets,
  SearchFilter,
  SearchMatch,
  SearchSectionValue,
  SearchSortValue,
} from './search.types.js';

/** The default and largest page (`first`); cost analysis counts every list field by it. */
export const SEARCH_PAGE = { default: 20, max: 100 };

/** The Relay page arguments every search query takes. */
export const FIRST_ARG = {
  type: () => Int,
  defaultValue: SEARCH_PAGE.default,
  description: `Hits per page, 1 to ${SEARCH_PAGE.max}.`,
};
export const AFTER_ARG = { nullable: true, type: () => String, description: 'endCursor of the previous page.' };

const ENUM_FACETS = new Set(['classification', 'status', 'tier', 'slaStatus']);

type Connection = ProductConnection & {
  facetsOnce?: Promise<{ total: number; facets: Facets }>;
  wantsFacets: boolean;
};
function toEdge(hit: SearchHit, fields: MatchedFieldRecord[]) {
  const match: SearchMatch = {
    productId: hit.product.id,
    score: hit.score,
    sections: hit.sections as SearchSectionValue[],
    highlights: hit.highlights.map((h) => ({ section: h.section as HighlightSectionValue, fragments: h.fragments })),
    fields: fields.map(({ port, path }) => ({ port, path })),
  };
  return { cursor: encodeSearchCursor(hit.cursor), node: toProduct(hit.product), match };
}

function toConnection(answer: SearchAnswer, fields: MatchedFieldRecord[], wantsFacets: boolean): Connection {
  const { request } = answer;
  const byProduct = groupBy(
    fields,
    (f) => f.productId,
    answer.hits.map((h) => h.product.id),
  );
  const edges = answer.hits.map((h, k) => toEdge(h, byProduct[k]));
  return {
    edges,
    pageInfo: {
      hasNextPage: answer.hasNextPage,
      hasPreviousPage: request.after !== undefined,
      startCursor: edges[0]?.cursor,
      endCursor: edges.at(-1)?.cursor,
    },
    ...(answer.corrected && { correctedQuery: answer.corrected.terms.join(' ') }),
    request,
    wantsFacets,
  };
}

@Resolver(() => ProductConnection)
export class SearchResolver {
  constructor(private readonly searches: SearchService) {}

  @Query(() => ProductConnection, {
    description:
      'Ranked search over every product: all words must match a product’s name, title, tags, domain, description or its latest ports’ fields (the last word also as a prefix); when none match, similar known words are searched instead (see correctedQuery). Without words, every product in the filter. Relay cursor pagination, with facets.',
  })
  async search(
    @Info() info: GraphQLResolveInfo,
    @Args('query', { nullable: true, type: () => String, description: 'Words, at most 200 characters and 10 words.' })
    query?: string,
    @Args('filter', { nullable: true, type: () => SearchFilter, description: 'Conditions every hit meets.' })
    filter?: SearchFilter,
    @Args('sort', {
      type: () => SearchSortValue,
      defaultValue: SearchSortValue.RELEVANCE,
      description: 'The order of the hits.',
    })
    sort?: SearchSortValue,
    @Args('first', FIRST_ARG) first?: number,
    @Args('after', AFTER_ARG) after?: string,
  ): Promise<ProductConnection> {
    const answer = await this.searches.search({ query, filter: { ...filter }, sort, first, after });
    const ids = answer.hits.map((h) => h.product.id);
    // Matched fields of the whole page in one query, when asked for.
    const fields = selects(info, 'edges', 'match', 'fields')
      ? await this.searches.matchedFields(answer.request, ids)
      : [];
    return toConnection(answer, fields, selects(info, 'facets'));
  }

  private stats(c: Connection) {
    c.facetsOnce ??= this.searches.facets(c.request);
    return c.facetsOnce;
  }

  @ResolveField(() => Int, { description: 'How many products match (all pages).' })
  async totalCount(@Parent() c: Connection): Promise<number> {
    return c.wantsFacets ? (await this.stats(c)).total : this.searches.count(c.request);
  }

  @ResolveField(() => SearchFacets, {
    description: 'Hit counts per facet value: the same words and every filter but the facet’s own.',
  })
  async facets(
    @Parent() c: Connection,
    @Args('limit', { type: () => Int, defaultValue: 20, description: 'Values per facet, most frequent first (1-200).' })
    limit: number,
  ): Promise<SearchFacets> {
    const { facets } = await this.stats(c);
    const n = Math.min(Math.max(limit, 1), 200);
    // Enum facets give the value as the filter's enum takes it (CONFIDENTIAL, AT_RISK).
    const named = (k: string, v: string) => (ENUM_FACETS.has(k) ? v.toUpperCase() : v);
    return Object.fromEntries(
      Object.entries(facets).map(([k, list]) => [k, list.slice(0, n).map((f) => ({ ...f, value: named(k, f.value) }))]),
    ) as unknown as SearchFacets;
  }
}
