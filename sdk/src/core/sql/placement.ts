/** Where a check ran: in SQL, in the streaming engine, or in SQL with some rows handed to streaming. */
export type Engine = 'sql' | 'stream' | 'sql+stream';

/** One line of the report's placement table. */
export interface PlacedCheck {
  /** `contract /amount minimum`, `contract / required`, `rule unique order_id`. */
  check: string;
  engine: Engine;
  /** Why (part of) it runs in the streaming engine. */
  reason?: string;
}
