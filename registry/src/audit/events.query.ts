import { decodeCursor, encodeCursor, parsePageSize } from '../common/pagination.js';
import { RequestError } from '../common/registry-error.js';
import type { AuditService } from './audit.service.js';
import type { EventFilter, EventRecord } from './operations/list-events.js';

export interface EventsAnswer {
  events: EventRecord[];
  endCursor?: string;
  hasNextPage: boolean;
}

const OUTCOMES = ['accepted', 'rejected', 'info'];

/** Checks the filter REST and GraphQL share (dates, outcome, page size, cursor) and reads one page. */
export async function queryEvents(
  audit: AuditService,
  filter: EventFilter,
  first?: string | number,
  after?: string,
): Promise<EventsAnswer> {
  for (const key of ['since', 'until'] as const) {
    if (filter[key] !== undefined && Number.isNaN(Date.parse(filter[key])))
      throw new RequestError('BAD_REQUEST', `${key} must be an ISO-8601 time, got "${filter[key]}"`, [
        { code: 'BAD_ARGUMENT', path: key, message: 'not a time', fix: 'e.g. 2026-03-01T00:00:00Z' },
      ]);
  }
  if (filter.outcome !== undefined && !OUTCOMES.includes(filter.outcome))
    throw new RequestError('BAD_REQUEST', `outcome must be one of ${OUTCOMES.join(', ')}`);
  const from = after ? decodeCursor('event', after) : undefined;
  if (from !== undefined && !/^\d{1,18}$/.test(from)) throw new RequestError('BAD_REQUEST', 'bad events cursor');
  const page = await audit.list(filter, parsePageSize(first, 50), from);
  return {
    events: page.events,
    hasNextPage: page.nextAfter !== undefined,
    ...(page.nextAfter && { endCursor: encodeCursor('event', page.nextAfter) }),
  };
}
