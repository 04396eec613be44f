import type { FieldPageDto, ProductPageDto, SearchHitDto } from '../dto/search.dto.js';
import type { FieldPage } from '../field-search.service.js';
import type { SearchAnswer, SearchService } from '../search.service.js';
import { encodeSearchCursor } from './search-cursor.js';
import type { SearchHit } from './search-request.js';

const FACET_SIZE = 20;

/** The description highlight as text, matched words in «». */
function snippet(hit: SearchHit): string | undefined {
  const description = hit.highlights.find((h) => h.section === 'description');
  return description?.fragments.map((f) => (f.matched ? `«${f.text}»` : f.text)).join('');
}

/** One REST page: hits with why they matched (fields fetched for the page at once), count, cursor, facets. */
export async function toProductPage(
  searches: SearchService,
  answer: SearchAnswer,
  withFacets: boolean,
): Promise<ProductPageDto> {
  const ids = answer.hits.map((h) => h.product.id);
  const [fields, stats] = await Promise.all([
    searches.matchedFields(answer.request, ids),
    withFacets ? searches.facets(answer.request) : undefined,
  ]);
  const items: SearchHitDto[] = answer.hits.map((hit) => {
    const { publishedAt: _, consumers, ...product } = hit.product;
    const text = snippet(hit);
    return {
      ...product,
      consumers,
      match: {
        score: hit.score,
        sections: hit.sections,
        ...(text && { snippet: text }),
        fields: fields.filter((f) => f.productId === hit.product.id).map(({ port, path }) => ({ port, path })),
      },
    };
  });
  const last = answer.hits.at(-1);
  return {
    items,
    totalCount: stats ? stats.total : await searches.count(answer.request),
    ...(answer.hasNextPage && last && { nextCursor: encodeSearchCursor(last.cursor) }),
    ...(answer.corrected && { correctedQuery: answer.corrected.terms.join(' ') }),
    ...(stats && {
      facets: Object.fromEntries(Object.entries(stats.facets).map(([k, v]) => [k, v.slice(0, FACET_SIZE)])) as never,
    }),
  };
}

export function toFieldPage(page: FieldPage, totalCount: number): FieldPageDto {
  const items = page.hits.map(({ hit }) => ({
    ...hit,
    type: hit.type ?? undefined,
    classification: hit.classification ?? undefined,
    description: hit.description ?? undefined,
  }));
  return {
    items,
    totalCount,
    ...(page.hasNextPage && page.hits.length && { nextCursor: page.hits.at(-1)!.cursor }),
  };
}
