import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { validateDocument } from '@dmesh/contracts';
import { AuditService } from '../../audit/audit.service.js';
import type { Principal } from '../../auth/auth.service.js';
import { RequestError } from '../../common/registry-error.js';
import { portsAtLocations } from '../operations/match-locations.js';
import { storeObserved, type ResolvedDataset } from '../operations/store-observed.js';
import { assertMayIngest } from './ingest-access.js';
import { mapEvent, type DatasetRef } from './map-event.js';

export interface IngestedDataset {
  namespace: string;
  name: string;
  location: string;
  port?: string;
}
export interface IngestResult {
  runId: string;
  job: string;
  inputs: IngestedDataset[];
  outputs: IngestedDataset[];
  edges: number;
  columnEdges: number;
}

/** Ingests OpenLineage run events: validate, map datasets to output ports by location, store observed edges. */
@Injectable()
export class OpenLineageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async ingest(body: unknown, principal: Principal): Promise<IngestResult> {
    const actor = principal.name;
    const problems = validateDocument('openlineage-run-event', body);
    if (problems.length) {
      const first = problems[0];
      throw new RequestError(
        'BAD_REQUEST',
        `the OpenLineage run event is invalid at ${first.path}: ${first.message}`,
        problems.map((p) => ({
          code: 'OPENLINEAGE_INVALID',
          path: p.path,
          message: `${p.path} ${p.message}`,
          fix: 'send an OpenLineage 2.x RunEvent (see contracts/schemas/openlineage-run-event.schema.json)',
        })),
      );
    }
    const event = mapEvent(body);
    return this.dataSource.transaction(async (manager) => {
      const datasets = [...event.inputs, ...event.outputs, ...event.columns.flatMap((c) => [c.input, c.output])];
      const ports = await portsAtLocations(manager, [...new Set(datasets.flatMap((d) => d.keys))]);
      const resolve = (keys: string[]): ResolvedDataset => {
        for (const key of keys) {
          const hit = ports.find((p) => p.location_key === key);
          if (hit) return { key, product: hit.product_id, port: hit.port };
        }
        return { key: keys[0] };
      };
      assertMayIngest(
        principal,
        event.outputs.flatMap((d) => resolve(d.keys).product ?? []),
      );
      const stored = await storeObserved(manager, event, body, resolve, actor);
      const job = `${event.job.namespace}/${event.job.name}`;
      await this.audit.record(
        {
          actor,
          action: 'openlineage.ingest',
          subject: job,
          outcome: 'info',
          detail: { runId: event.runId, eventType: event.eventType ?? null, ...stored },
        },
        manager,
      );
      const show = (d: DatasetRef): IngestedDataset => {
        const r = resolve(d.keys);
        return {
          namespace: d.namespace,
          name: d.name,
          location: r.key,
          ...(r.product && { port: `${r.product}/${r.port}` }),
        };
      };
      return { runId: event.runId, job, inputs: event.inputs.map(show), outputs: event.outputs.map(show), ...stored };
    });
  }
}
