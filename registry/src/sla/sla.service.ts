import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_SLA_WINDOW_MS,
  evaluateSla,
  slaTimeline,
  validateDocument,
  type SlaChange,
  type SlaEvaluation,
  type SlaPromise,
} from '@dmesh/sdk';
import type { Observation } from '@dmesh/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { mayPublish, type Principal } from '../auth/auth.service.js';
import { CatalogListeners } from '../common/catalog-listeners.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { RequestError } from '../common/registry-error.js';
import { ProductsService } from '../products/products.service.js';
import type { PortPromise } from '../products/products.types.js';
import { BreachRecorder } from './breach-recorder.js';
import { insertObservation } from './operations/insert-observation.js';
import { loadSlaInputs } from './operations/load-sla-inputs.js';
import { observationHistory, type ObservationRow } from './operations/observation-history.js';
import { portKeyId, type PortKey } from './operations/port-key.js';
import { windowPoints } from './operations/window-points.js';

/** Observations stamped further ahead of the registry's clock are refused: they would sit outside every window. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** History answers carry at most this many observations per port (the newest in the range). */
export const HISTORY_LIMIT = 1000;

export interface PortSla {
  key: PortKey;
  promise: PortPromise['promise'];
  evaluation: SlaEvaluation;
}

/** Receives observations and computes SLA status when read, with the injected clock. */
@Injectable()
export class SlaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly breaches: BreachRecorder,
    private readonly products: ProductsService,
    private readonly listeners: CatalogListeners,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** Stores one observation, then evaluates the port (recording a breach it causes or ends). */
  async report(key: PortKey, body: unknown, principal: Principal): Promise<{ id: string; sla: PortSla }> {
    const observation = this.checkObservation(key, body);
    await this.requirePort(key);
    const domain = key.productId.split('.')[0];
    if (!mayPublish(principal, domain)) {
      throw new RequestError(
        'FORBIDDEN',
        `token "${principal.name}" may not report observations for domain ${domain}`,
        [
          {
            code: 'DOMAIN_FORBIDDEN',
            message: `${principal.role} token not scoped to ${domain}`,
            fix: `use a publisher token for ${domain}`,
          },
        ],
      );
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const stored = await insertObservation(manager, key, observation, principal.name);
      await this.listeners.portObserved(manager, key.productId, key.port);
      const event = { actor: principal.name, action: 'sla.observation', subject: `${key.productId}/${key.port}` };
      await this.audit.record({ ...event, outcome: 'accepted', detail: { id: stored } }, manager);
      return stored;
    });
    return { id, sla: await this.status(key) };
  }

  /** One port's status; 404 when no version of the product has the port. */
  async status(key: PortKey): Promise<PortSla> {
    const sla = (await this.statuses([key])).get(portKeyId(key));
    if (!sla) await this.requirePort(key); // throws the 404 that names the ports there are
    return sla!;
  }

  /** Status of many ports (one query), recording breach changes; ports no version has are left out. */
  async statuses(keys: readonly PortKey[], options: { record?: boolean } = {}): Promise<Map<string, PortSla>> {
    const now = this.clock.now();
    const promises = await this.products.portSlaPromises(keys);
    const window = new Date(now.getTime() - DEFAULT_SLA_WINDOW_MS);
    const inputs = await loadSlaInputs(this.dataSource.manager, promises, window, now);
    const out = new Map<string, PortSla>();
    for (const { productId, port, promise } of promises) {
      const key = { productId, port };
      const input = inputs.get(portKeyId(key))!;
      const evaluation = evaluateSla(promise, input.summary, now);
      if (options.record !== false) await this.breaches.sync(key, evaluation, input.openBreach);
      out.set(portKeyId(key), { key, promise, evaluation });
    }
    return out;
  }

  /** The status and the observations it was computed from (the newest `recent` of the window). */
  async statusWithHistory(key: PortKey, recent = 100): Promise<{ sla: PortSla; history: ObservationRow[] }> {
    const sla = await this.status(key);
    const { from, to } = sla.evaluation.window;
    // The status window is from < time <= to; history ranges are from <= time < to.
    const history = await this.history([key], new Date(Date.parse(from) + 1), new Date(Date.parse(to) + 1), recent);
    return { sla, history: history.get(portKeyId(key)) ?? [] };
  }

  async history(
    keys: readonly PortKey[],
    from: Date,
    to: Date,
    limit = HISTORY_LIMIT,
  ): Promise<Map<string, ObservationRow[]>> {
    return observationHistory(this.dataSource.manager, keys, from, to, limit);
  }

  /**
   * Each port's SLA status from now on, as long as no observation is added
   * (slaTimeline: the changes its stored observations imply), read in `tx`.
   * The promise is the caller's (a read model has it from the version it indexes).
   */
  async timelines(
    ports: readonly (PortKey & { promise: SlaPromise | null })[],
    tx: EntityManager,
  ): Promise<Map<string, SlaChange[]>> {
    const now = this.clock.now();
    const points = await windowPoints(tx, ports, new Date(now.getTime() - DEFAULT_SLA_WINDOW_MS));
    return new Map(
      ports.map((p) => [portKeyId(p), slaTimeline(p.promise, points.get(portKeyId(p)) ?? [], now)] as const),
    );
  }

  private checkObservation(key: PortKey, body: unknown): Observation {
    const problems = validateDocument('observation', body);
    if (problems.length) {
      throw new RequestError(
        'BAD_REQUEST',
        `the observation for ${portKeyId(key)} is invalid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
        problems.map((p) => ({
          code: 'OBSERVATION_INVALID',
          path: p.path,
          message: `${p.path} ${p.message}`,
          fix: 'send the shape of contracts/schemas/observation.schema.json',
        })),
      );
    }
    const observation = body as Observation;
    const ahead = Date.parse(observation.time) - this.clock.now().getTime();
    if (ahead > MAX_CLOCK_SKEW_MS) {
      throw new RequestError(
        'BAD_REQUEST',
        `observation time ${observation.time} is ${Math.round(ahead / 60_000)} min ahead of the registry clock`,
        [
          {
            code: 'OBSERVATION_IN_FUTURE',
            path: '/time',
            message: 'time is in the future',
            fix: 'send the time the data was observed (check the pipeline host clock)',
          },
        ],
      );
    }
    return observation;
  }

  private async requirePort(key: PortKey): Promise<void> {
    const ports = await this.products.portNames(key.productId);
    if (!ports) {
      throw new RequestError('NOT_FOUND', `product ${key.productId} is not in the catalog`, [
        {
          code: 'PRODUCT_NOT_FOUND',
          message: `no product ${key.productId}`,
          fix: 'publish it first (dmesh publish), or check the id with dmesh search',
        },
      ]);
    }
    if (!ports.includes(key.port)) {
      throw new RequestError('NOT_FOUND', `${key.productId} has no output port "${key.port}"`, [
        { code: 'PORT_NOT_FOUND', message: `ports: ${ports.join(', ')}`, fix: `use one of: ${ports.join(', ')}` },
      ]);
    }
  }
}
