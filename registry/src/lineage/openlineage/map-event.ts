import { datasetLocationKeys } from '../location-key.js';

/** What lineage keeps of a validated OpenLineage run event. */
export interface MappedEvent {
  runId: string;
  eventType?: string;
  eventTime: string;
  producer: string;
  job: { namespace: string; name: string };
  inputs: DatasetRef[];
  outputs: DatasetRef[];
  columns: { output: DatasetRef; field: string; input: DatasetRef; inputField: string }[];
}

export interface DatasetRef {
  namespace: string;
  name: string;
  keys: string[];
}

interface RawDataset {
  namespace: string;
  name: string;
  facets?: {
    columnLineage?: { fields: Record<string, { inputFields: { namespace: string; name: string; field: string }[] }> };
  };
}
interface RawEvent {
  eventType?: string;
  eventTime: string;
  producer: string;
  run: { runId: string };
  job: { namespace: string; name: string };
  inputs?: RawDataset[];
  outputs?: RawDataset[];
}

const ref = (d: { namespace: string; name: string }): DatasetRef => ({
  namespace: d.namespace,
  name: d.name,
  keys: datasetLocationKeys(d.namespace, d.name),
});

/** Pure: the event (already valid against openlineage-run-event) as datasets with their location keys. */
export function mapEvent(body: unknown): MappedEvent {
  const e = body as RawEvent;
  const outputs = (e.outputs ?? []).map((d) => ({ raw: d, ref: ref(d) }));
  const columns = outputs.flatMap(({ raw, ref: output }) =>
    Object.entries(raw.facets?.columnLineage?.fields ?? {}).flatMap(([field, f]) =>
      f.inputFields.map((i) => ({ output, field, input: ref(i), inputField: i.field })),
    ),
  );
  return {
    runId: e.run.runId,
    ...(e.eventType && { eventType: e.eventType }),
    eventTime: e.eventTime,
    producer: e.producer,
    job: { namespace: e.job.namespace, name: e.job.name },
    inputs: (e.inputs ?? []).map(ref),
    outputs: outputs.map((o) => o.ref),
    columns,
  };
}
