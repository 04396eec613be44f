import { Injectable } from '@nestjs/common';
import { AuditService } from './audit.service.js';
import { currentRequest } from './request-context.js';

/** What the refusal hook knows of a finished request. */
export interface FinishedRequest {
  method: string;
  /** The route pattern (`/v1/policies/:id`), or the path when no route matched. */
  route: string;
  path: string;
  status: number;
  actor: string;
  /** The body sent, when it is an error body (code, message). */
  error?: { code?: string; message?: string };
  /** A refusal the auth guard made where the status does not show it (GraphQL answers 200). */
  refusal?: { status: number; code: string; message: string };
  graphqlOperation?: string;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Records every refused attempt once: any 401 or 403, and any 4xx or 5xx on a
 * write, unless a service already recorded the refusal with more detail (the
 * publish pipeline does). 429s are the rate limiter's, counted in aggregate
 * by RateLimitAudit so that a flood cannot flood the audit.
 */
@Injectable()
export class RefusalAudit {
  constructor(private readonly audit: AuditService) {}

  shouldRecord(r: Pick<FinishedRequest, 'method' | 'status' | 'refusal'>): boolean {
    if (currentRequest()?.refusalRecorded || r.status === 429) return false;
    return Boolean(r.refusal) || r.status === 401 || r.status === 403 || (WRITES.has(r.method) && r.status >= 400);
  }

  async record(r: FinishedRequest): Promise<void> {
    const status = r.refusal?.status ?? r.status;
    const action = r.graphqlOperation !== undefined ? `graphql ${r.graphqlOperation}` : `${r.method} ${r.route}`;
    await this.audit.record({
      actor: r.actor,
      action,
      subject: r.path,
      outcome: 'rejected',
      detail: {
        status,
        code: r.refusal?.code ?? r.error?.code ?? null,
        message: r.refusal?.message ?? r.error?.message ?? null,
      },
    });
  }
}
