import { Injectable } from '@nestjs/common';
import type { SlaEvaluation } from '@dmesh/sdk';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { closeBreach, openBreach } from './operations/breaches.js';
import { portKeyId, type PortKey } from './operations/port-key.js';

export const SLA_ACTOR = 'dmesh-sla';

/**
 * Records breaches as audit events, once per breach: `sla.breach` when a port
 * turns `breached`, `sla.recovered` when it is `met` or `at_risk` again (an
 * `unknown` port — no recent observations — is not evidence of recovery).
 * Called wherever a status is computed (observation time and read time);
 * writes only when the stored state differs from the evaluation, and each
 * change is one transaction with its event.
 */
@Injectable()
export class BreachRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async sync(key: PortKey, evaluation: SlaEvaluation, openBreachStart: Date | null): Promise<void> {
    const subject = portKeyId(key);
    if (evaluation.status === 'breached' && !openBreachStart) {
      await this.dataSource.transaction(async (manager) => {
        const startedAt = new Date(evaluation.breachStart!);
        if (!(await openBreach(manager, key, startedAt, evaluation.reasons))) return;
        await this.audit.record(
          {
            actor: SLA_ACTOR,
            action: 'sla.breach',
            subject,
            outcome: 'info',
            detail: {
              startedAt: startedAt.toISOString(),
              detectedAt: evaluation.evaluatedAt,
              reasons: evaluation.reasons,
              measures: evaluation.measures,
            },
          },
          manager,
        );
      });
    } else if ((evaluation.status === 'met' || evaluation.status === 'at_risk') && openBreachStart) {
      await this.dataSource.transaction(async (manager) => {
        const startedAt = await closeBreach(manager, key, new Date(evaluation.evaluatedAt));
        if (!startedAt) return;
        await this.audit.record(
          {
            actor: SLA_ACTOR,
            action: 'sla.recovered',
            subject,
            outcome: 'info',
            detail: {
              startedAt: new Date(startedAt).toISOString(),
              endedAt: evaluation.evaluatedAt,
              status: evaluation.status,
            },
          },
          manager,
        );
      });
    }
  }
}
