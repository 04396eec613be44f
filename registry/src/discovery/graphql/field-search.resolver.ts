import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FIELD_COUNT_CAP, FieldSearchService } from '../field-search.service.js';
import { AFTER_ARG, FIRST_ARG, SEARCH_PAGE } from './search.resolver.js';
import { FieldConnection, FieldFilter, FieldMatchValue } from './field.types.js';

@Resolver(() => FieldConnection)
export class FieldSearchResolver {
  constructor(private readonly fieldSearch: FieldSearchService) {}

  @Query(() => FieldConnection, {
    description:
      "Where is a field, and is it PII? Fields of every product's latest ports by name (or dotted path), name prefix, a similar name when none matches (a typo), then description words; with type, required-ness and x-classification.",
  })
  async fields(
    @Args('query', {
      type: () => String,
      description: 'A field name, path or words of its description (≤ 200 characters).',
    })
    query: string,
    @Args('filter', { nullable: true, type: () => FieldFilter, description: 'Conditions every field meets.' })
    filter?: FieldFilter,
    @Args('first', FIRST_ARG) first?: number,
    @Args('after', AFTER_ARG) after?: string,
  ): Promise<FieldConnection> {
    const f = { ...filter };
    const page = await this.fieldSearch.search(query, f, first ?? SEARCH_PAGE.default, after);
    const edges = page.hits.map(({ hit, cursor }) => ({
      cursor,
      node: {
        ...hit,
        type: hit.type ?? undefined,
        classification: hit.classification ?? undefined,
        description: hit.description ?? undefined,
        match: hit.match as FieldMatchValue,
      },
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor,
        endCursor: edges.at(-1)?.cursor,
      },
      query,
      filter: f,
    };
  }

  @ResolveField(() => Int, {
    description: `Matching fields, counted up to ${FIELD_COUNT_CAP} (${FIELD_COUNT_CAP + 1} means more).`,
  })
  totalCount(@Parent() c: FieldConnection): Promise<number> {
    return this.fieldSearch.count(c.query, c.filter);
  }
}
