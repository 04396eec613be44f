import type { EntityManager } from 'typeorm';

export interface EventFilter {
  actor?: string;
  action?: string;
  /** Exact target, or a prefix when it ends with `*` (e.g. `sales.*`). */
  subject?: string;
  outcome?: string;
  requestId?: string;
  since?: string;
  until?: string;
}

export interface EventRecord {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  outcome: string;
  requestId: string | null;
  detail: Record<string, unknown>;
}

export interface EventPage {
  events: EventRecord[];
  /** The id of the last event when there are more (the caller makes it a cursor). */
  nextAfter?: string;
}

/** Audit events newest first, filtered, from below the id `after`; the (at) and (actor, at) indexes serve it. */
export async function listEvents(
  manager: EntityManager,
  filter: EventFilter,
  first: number,
  after?: string,
): Promise<EventPage> {
  const subject = filter.subject?.endsWith('*') ? filter.subject.slice(0, -1).replace(/[%_\\]/g, '\\$&') + '%' : null;
  const rows: (Omit<EventRecord, 'at' | 'requestId'> & { at: Date; request_id: string | null })[] = await manager.query(
    `SELECT id::text, at, actor, action, subject, outcome, request_id, detail FROM events
        WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR actor = $2) AND ($3::text IS NULL OR action = $3)
          AND ($4::text IS NULL OR subject = $4) AND ($5::text IS NULL OR subject LIKE $5)
          AND ($6::text IS NULL OR outcome = $6) AND ($7::text IS NULL OR request_id = $7)
          AND ($8::timestamptz IS NULL OR at >= $8) AND ($9::timestamptz IS NULL OR at < $9)
        ORDER BY events.id DESC LIMIT $10`,
    [
      after ?? null,
      filter.actor ?? null,
      filter.action ?? null,
      subject ? null : (filter.subject ?? null),
      subject,
      filter.outcome ?? null,
      filter.requestId ?? null,
      filter.since ?? null,
      filter.until ?? null,
      first + 1,
    ],
  );
  const events = rows.slice(0, first).map(({ request_id, at, ...r }) => ({
    ...r,
    at: new Date(at).toISOString(),
    requestId: request_id,
  }));
  return { events, ...(rows.length > first && { nextAfter: events[events.length - 1].id }) };
}
