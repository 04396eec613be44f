import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AuditService } from './audit.service.js';

interface Tally {
  actor: string;
  count: number;
  from: Date;
  to: Date;
}

const MINUTE = 60_000;

/**
 * Requests the rate limiter refused, counted per token or address and written
 * as one audit event per key and minute: a flood of refusals costs a counter,
 * never a row each.
 */
@Injectable()
export class RateLimitAudit implements OnModuleInit, OnModuleDestroy {
  private tallies = new Map<string, Tally>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly audit: AuditService) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush().catch(() => undefined), MINUTE);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }

  count(key: string, actor: string, at = new Date()): void {
    const tally = this.tallies.get(key);
    if (tally) {
      tally.count++;
      tally.to = at;
    } else this.tallies.set(key, { actor, count: 1, from: at, to: at });
  }

  /** Writes the tallies so far (every minute, and when the registry stops). */
  async flush(): Promise<void> {
    const tallies = [...this.tallies];
    this.tallies = new Map();
    for (const [key, t] of tallies)
      await this.audit.record({
        actor: t.actor,
        action: 'rate-limited',
        subject: key,
        outcome: 'rejected',
        detail: { count: t.count, from: t.from.toISOString(), to: t.to.toISOString() },
      });
  }
}
