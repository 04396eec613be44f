import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MAX_PAGE_SIZE } from '../common/pagination.js';
import { RequestError } from '../common/registry-error.js';
import {
  FIELD_MATCHES,
  fieldMatchCount,
  fieldMatches,
  type FieldFilter,
  type FieldHit,
  type FieldMatch,
  type FieldPosition,
} from './operations/field-search.js';
import { MAX_QUERY_LENGTH } from './search/search-text.js';

/** Field matches are counted up to this many: beyond it a count costs more than it tells. */
export const FIELD_COUNT_CAP = 1000;

export interface FieldPage {
  hits: { hit: FieldHit; cursor: string }[];
  hasNextPage: boolean;
}

const encode = (h: FieldHit) => Buffer.from(JSON.stringify([h.match, h.product, h.port, h.path])).toString('base64url');

function decode(cursor: string): FieldPosition {
  try {
    const [match, product, port, path] = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (FIELD_MATCHES.includes(match) && [product, port, path].every((x) => typeof x === 'string'))
      return { match, product, port, path };
  } catch {
    // reported below
  }
  throw new RequestError('BAD_REQUEST', `"${cursor.slice(0, 40)}" is not a field search cursor`, [
    {
      code: 'CURSOR_INVALID',
      path: 'after',
      message: 'not one this API wrote',
      fix: 'pass endCursor from the previous page',
    },
  ]);
}

/**
 * "Where is customer_id, and is it PII?": fields of every product's latest
 * ports by name, name prefix, a similar name (only when nothing matches by
 * name: a typo) and description words, in that order; within each, by product,
 * port and path.
 */
@Injectable()
export class FieldSearchService {
  constructor(private readonly dataSource: DataSource) {}

  private get db(): EntityManager {
    return this.dataSource.manager;
  }

  check(text: string, first: number): string {
    const query = text.trim();
    if (!query || query.length > MAX_QUERY_LENGTH)
      throw new RequestError(
        'BAD_REQUEST',
        `a field search needs 1 to ${MAX_QUERY_LENGTH} characters, got ${query.length}`,
        [
          {
            code: 'QUERY_TOO_LONG',
            path: 'query',
            message: `1 to ${MAX_QUERY_LENGTH} characters`,
            fix: 'search for one field name',
          },
        ],
      );
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
      throw new RequestError('BAD_REQUEST', `first must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${first}`);
    return query;
  }

  async search(text: string, filter: FieldFilter, first: number, after?: string): Promise<FieldPage> {
    const query = this.check(text, first);
    const from = after ? decode(after) : undefined;
    const hits: FieldHit[] = [];
    for (const kind of FIELD_MATCHES.slice(from ? FIELD_MATCHES.indexOf(from.match) : 0)) {
      if (kind === 'similar' && !(from?.match === 'similar' || (!from && !hits.length))) continue;
      const position = from?.match === kind ? from : undefined;
      hits.push(...(await fieldMatches(this.db, kind, query, filter, first + 1 - hits.length, position)));
      if (hits.length > first) break;
    }
    return {
      hits: hits.slice(0, first).map((hit) => ({ hit, cursor: encode(hit) })),
      hasNextPage: hits.length > first,
    };
  }

  /** Matches up to FIELD_COUNT_CAP; similar names count only when nothing matches by name. */
  async count(text: string, filter: FieldFilter): Promise<number> {
    const byName = await fieldMatchCount(this.db, text.trim(), filter, ['name', 'prefix'], 0);
    const kinds: FieldMatch[] = byName ? ['name', 'prefix', 'description'] : [...FIELD_MATCHES];
    return fieldMatchCount(this.db, text.trim(), filter, kinds, FIELD_COUNT_CAP);
  }
}
