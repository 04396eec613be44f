import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is calling, as far as the audit needs to know: the principal's shape without importing auth. */
export interface RequestActor {
  id?: string;
  name: string;
  role: string;
}

/**
 * What one HTTP request carries through the async calls it makes: its id (in
 * every log line and audit event), the principal once authenticated, and
 * whether an audit event already recorded its refusal (so the refusal hook
 * records each refused request exactly once).
 */
export interface RequestContext {
  requestId: string;
  address: string;
  actor?: RequestActor;
  refusalRecorded: boolean;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** The request being served, if any (services also run outside HTTP: the seeder, tests). */
export const currentRequest = (): RequestContext | undefined => requestContext.getStore();
