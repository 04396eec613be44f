import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { EventEntity } from './event.entity.js';

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

  async record(event: AuditEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(EventEntity, { ...event, detail: (event.detail ?? {}) as never });
  }

  async list(subject: string, limit = 100): Promise<EventEntity[]> {
    return this.dataSource.getRepository(EventEntity).find({ where: { subject }, order: { id: 'DESC' }, take: limit });
  }
}
