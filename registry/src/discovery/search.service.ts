import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock.js';
import { MAX_PAGE_SIZE } from '../common/pagination.js';
import { RequestError } from '../common/registry-error.js';
import { ProductsService } from '../products/products.service.js';
import type { DomainRecord } from '../products/products.types.js';
import { matchedFields, type MatchedField } from './operations/matched-fields.js';
import { searchCards, type SearchCard } from './operations/search-cards.js';
import { searchCount, searchFacets } from './operations/search-facets.js';
import { similarWords } from './operations/similar-words.js';
import { decodeSearchCursor, type SearchSort } from './search/search-cursor.js';
import { searchPage } from './search/search-page.js';
import {
  FACETS,
  type Facets,
  type SearchFilter,
  type SearchPage,
  type SearchRequest,
} from './search/search-request.js';
import { StatsCache } from './search/stats-cache.js';
import { parseSearchText, type SearchText } from './search/search-text.js';

/** A search as the transports take it, before parsing. */
export interface SearchInput {
  query?: string | null;
  filter?: SearchFilter;
  sort?: SearchSort;
  first?: number;
  after?: string | null;
  /** Matches ranked exactly before the rest follow by quality (tests make it small). */
  window?: number;
}

/** A page and the request it answered (the words actually searched for, when corrected): counts and facets follow it. */
export type SearchAnswer = SearchPage & { request: SearchRequest };

/**
 * Catalog search over discovery's read model, for REST and GraphQL: ranked
 * pages, counts and facets (reused for STATS_TTL_MS), and a second try with
 * the most similar known words when the typed ones match nothing.
 */
@Injectable()
export class SearchService {
  readonly stats = new StatsCache();

  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private get db(): EntityManager {
    return this.dataSource.manager;
  }

  /** Parses and checks a search (text limits, page size, cursor) before any query runs. */
  request(input: SearchInput): SearchRequest {
    const sort = input.sort ?? 'relevance';
    const first = input.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
      throw new RequestError('BAD_REQUEST', `first must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${first}`, [
        {
          code: 'PAGE_SIZE',
          path: 'first',
          message: `1 to ${MAX_PAGE_SIZE}`,
          fix: 'ask for fewer and page with after',
        },
      ]);
    const text = parseSearchText(input.query);
    return {
      ...(text && { text }),
      filter: input.filter ?? {},
      sort,
      first,
      ...(input.after && { after: decodeSearchCursor(input.after, sort) }),
      ...(input.window && { window: input.window }),
      now: this.clock.now(),
    };
  }

  async search(input: SearchInput): Promise<SearchAnswer> {
    const request = await this.counted(this.request(input));
    // The count may be up to STATS_TTL_MS old: it only chooses how the page is read, and never hides a new product.
    const { hits, more } = await searchPage(this.db, request);
    if (hits.length || !request.text || request.after) return { hits, hasNextPage: more, request };
    const corrected = await this.correct(request.text);
    if (!corrected) return { hits, hasNextPage: false, request };
    const retry = await this.counted({ ...request, text: corrected });
    const again = await searchPage(this.db, retry);
    return { hits: again.hits, hasNextPage: again.more, corrected, request: retry };
  }

  /** The request with its match count (reused by totalCount): how many match decides how the page is read. */
  private async counted(request: SearchRequest): Promise<SearchRequest> {
    return { ...request, total: await this.count(request) };
  }

  /** The text with each unknown word replaced by the most similar known one; undefined when nothing changes or fits. */
  private async correct(text: SearchText): Promise<SearchText | undefined> {
    const best = await similarWords(this.db, text.terms, text.prefix);
    if (best.some((w) => w === null) || best.every((w, k) => w === text.terms[k])) return undefined;
    return { terms: best as string[], prefix: text.prefix && best.at(-1) === text.terms.at(-1) };
  }

  /** Matches over all pages (facets' total when they were counted for the same search). */
  async count(request: SearchRequest): Promise<number> {
    const faceted = this.stats.peek(['facets', request.text, request.filter], request.now);
    if (faceted) return (await faceted).total;
    const key = ['count', request.text, request.filter];
    const counted = () => searchCount(this.db, request.text, request.filter, request.now).then((total) => ({ total }));
    return (await this.stats.get(key, request.now, counted)).total;
  }

  /**
   * Counts per facet value, disjunctive: each facet counts the matches of the
   * same words and every filter but its own, so a picked domain still lists
   * the other domains with what adding them would find. A facet with a filter
   * set takes its counts from the search without that filter — counted once
   * and shared through the stats cache (every browse by one domain shares the
   * whole catalog's domain counts) — the others from the search as asked.
   */
  async facets(request: SearchRequest): Promise<{ total: number; facets: Facets }> {
    const asked = await this.facetsOf(request, request.filter);
    const facets = { ...asked.facets };
    // One after another: a heavy request holds at most two pooled connections.
    for (const f of FACETS.filter((name) => request.filter[name]?.length))
      facets[f] = (await this.facetsOf(request, { ...request.filter, [f]: undefined })).facets[f];
    return { total: asked.total, facets };
  }

  /** Facet counts under every filter of `filter` (the total is the search's count). */
  private async facetsOf(request: SearchRequest, filter: SearchFilter): Promise<{ total: number; facets: Facets }> {
    const key = ['facets', request.text, filter];
    const counted = () => searchFacets(this.db, request.text, filter, request.now);
    return (await this.stats.get(key, request.now, counted)) as { total: number; facets: Facets };
  }

  matchedFields(request: SearchRequest, ids: readonly string[]): Promise<MatchedField[]> {
    return request.text ? matchedFields(this.db, ids, request.text) : Promise.resolve([]);
  }

  /** Lifecycle, SLA status now and consumers of products, from the read model. */
  cards(ids: readonly string[]): Promise<Map<string, SearchCard>> {
    return searchCards(this.db, ids, this.clock.now());
  }

  domains(): Promise<DomainRecord[]> {
    return this.products.domains();
  }
}
