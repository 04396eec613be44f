import type { EntityManager } from 'typeorm';
import type { MappedEvent } from '../openlineage/map-event.js';

export interface ResolvedDataset {
  key: string;
  product?: string;
  port?: string;
}

type Resolve = (keys: string[]) => ResolvedDataset;

/** Stores the event and upserts its observed dataset and column edges; runs in the caller's transaction. */
export async function storeObserved(
  manager: EntityManager,
  event: MappedEvent,
  raw: unknown,
  resolve: Resolve,
  actor: string,
): Promise<{ edges: number; columnEdges: number }> {
  await manager.query(
    `INSERT INTO lineage_run_events (run_id, event_type, event_time, job_namespace, job_name, producer, received_by, event) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [
      event.runId,
      event.eventType ?? null,
      event.eventTime,
      event.job.namespace,
      event.job.name,
      event.producer,
      actor,
      JSON.stringify(raw),
    ],
  );
  const edges = await upsertEdges(manager, event, resolve);
  const columnEdges = await upsertColumnEdges(manager, event, resolve);
  return { edges, columnEdges };
}

/** Every input × output dataset pair of the run, counted once per run. */
async function upsertEdges(manager: EntityManager, event: MappedEvent, resolve: Resolve): Promise<number> {
  const edges = event.inputs.flatMap((i) => event.outputs.map((o) => ({ i: resolve(i.keys), o: resolve(o.keys) })));
  if (!edges.length) return 0;
  const rows = edges.map(({ i, o }) => ({
    ik: i.key,
    ip: i.product ?? null,
    ipo: i.port ?? null,
    ok: o.key,
    op: o.product ?? null,
    opo: o.port ?? null,
  }));
  await manager.query(
    `INSERT INTO lineage_observed_edges AS e (job_namespace, job_name, input_key, input_product_id, input_port, output_key, output_product_id, output_port, first_seen, last_seen, last_run_id)
     SELECT $1, $2, r.ik, r.ip, r.ipo, r.ok, r.op, r.opo, $3, $3, $4 FROM jsonb_to_recordset($5::jsonb) AS r(ik text, ip text, ipo text, ok text, op text, opo text)
     ON CONFLICT (job_namespace, job_name, input_key, output_key) DO UPDATE SET
       input_product_id = EXCLUDED.input_product_id, input_port = EXCLUDED.input_port,
       output_product_id = EXCLUDED.output_product_id, output_port = EXCLUDED.output_port,
       runs = e.runs + CASE WHEN e.last_run_id = EXCLUDED.last_run_id THEN 0 ELSE 1 END,
       first_seen = least(e.first_seen, EXCLUDED.first_seen), last_seen = greatest(e.last_seen, EXCLUDED.last_seen), last_run_id = EXCLUDED.last_run_id`,
    [event.job.namespace, event.job.name, event.eventTime, event.runId, JSON.stringify(rows)],
  );
  return edges.length;
}

async function upsertColumnEdges(manager: EntityManager, event: MappedEvent, resolve: Resolve): Promise<number> {
  const columns = event.columns.map((c) => ({
    ok: resolve(c.output.keys).key,
    of: c.field,
    ik: resolve(c.input.keys).key,
    inf: c.inputField,
  }));
  if (!columns.length) return 0;
  await manager.query(
    `INSERT INTO lineage_observed_fields AS f (output_key, output_field, input_key, input_field, last_seen)
     SELECT r.ok, r.of, r.ik, r.inf, $1 FROM jsonb_to_recordset($2::jsonb) AS r(ok text, "of" text, ik text, inf text)
     ON CONFLICT (output_key, output_field, input_key, input_field) DO UPDATE SET last_seen = greatest(f.last_seen, EXCLUDED.last_seen)`,
    [event.eventTime, JSON.stringify(columns)],
  );
  return columns.length;
}
