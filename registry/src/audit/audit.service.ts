import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { RegistryError } from '../common/registry-error.js';
import { EventEntity } from './event.entity.js';
import { listEvents, type EventFilter, type EventPage } from './operations/list-events.js';
import { currentRequest } from './request-context.js';

export interface AuditEvent {
  actor: string;
  action: string;
  subject: string;
  outcome: 'accepted' | 'rejected' | 'info';
  detail?: Record<string, unknown>;
}

/** Appends to the audit log, inside the caller's transaction when one is given. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** The event carries the id of the request being served; a refusal marks the request as audited. */
  async record(event: AuditEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const request = currentRequest();
    await manager.insert(EventEntity, {
      ...event,
      detail: (event.detail ?? {}) as never,
      requestId: request?.requestId ?? null,
    });
    if (request && event.outcome === 'rejected') request.refusalRecorded = true;
  }

  /**
   * Runs a write and, when it is refused (a RegistryError), records the refusal
   * after the write's transaction has rolled back, so the refusal outlives it.
   * Accepted outcomes are recorded by the write itself, inside its transaction.
   */
  async recordRefusal<T>(attempt: Omit<AuditEvent, 'outcome' | 'detail'>, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (err instanceof RegistryError) {
        await this.record({
          ...attempt,
          outcome: 'rejected',
          detail: { code: err.code, status: err.status, message: err.message, details: err.details },
        });
      }
      throw err;
    }
  }

  /** Newest first, keyset-paginated (admins only: the transports say so). */
  list(filter: EventFilter, first: number, after?: string): Promise<EventPage> {
    return listEvents(this.dataSource.manager, filter, first, after);
  }
}
