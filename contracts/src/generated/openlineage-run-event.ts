/* Generated from contracts/schemas by scripts/generate-types.js. Do not edit: run `npm run generate -w @dmesh/contracts`. */

/**
 * This interface was referenced by `OpenLineageRunEvent`'s JSON-Schema
 * via the `definition` "inputDataset".
 */
export type InputDataset = DatasetId & {
  facets?: {};
  inputFacets?: {};
};
/**
 * This interface was referenced by `OpenLineageRunEvent`'s JSON-Schema
 * via the `definition` "outputDataset".
 */
export type OutputDataset = DatasetId & {
  facets?: {
    columnLineage?: ColumnLineageFacet;
  };
  outputFacets?: {};
};

/**
 * The parts of an OpenLineage 2.x RunEvent (https://openlineage.io/spec/2-0-2/OpenLineage.json) that dmesh reads: event type and time, run id, job, input and output datasets, and the columnLineage dataset facet. Other properties and facets pass through unvalidated.
 */
export interface OpenLineageRunEvent {
  /**
   * Current transition of the run state; optional in the spec (absent means a lineage-only event).
   */
  eventType?: 'START' | 'RUNNING' | 'COMPLETE' | 'ABORT' | 'FAIL' | 'OTHER';
  /**
   * The time the event occurred at (ISO 8601 with offset).
   */
  eventTime: string;
  /**
   * URI of the integration that produced the event.
   */
  producer: string;
  /**
   * The OpenLineage JSON Schema version the event follows.
   */
  schemaURL: string;
  run: {
    /**
     * The globally unique run id (a UUID).
     */
    runId: string;
    facets?: {};
  };
  job: Job;
  /**
   * @maxItems 10000
   */
  inputs?: InputDataset[];
  /**
   * @maxItems 10000
   */
  outputs?: OutputDataset[];
}
/**
 * This interface was referenced by `OpenLineageRunEvent`'s JSON-Schema
 * via the `definition` "job".
 */
export interface Job {
  /**
   * The namespace containing the job.
   */
  namespace: string;
  /**
   * The unique name of the job within its namespace.
   */
  name: string;
  facets?: {};
}
/**
 * This interface was referenced by `OpenLineageRunEvent`'s JSON-Schema
 * via the `definition` "datasetId".
 */
export interface DatasetId {
  /**
   * Where the dataset lives, e.g. s3://lake, postgres://warehouse:5432, kafka://broker:9092.
   */
  namespace: string;
  /**
   * The dataset's name within its namespace, e.g. sales/orders, db.schema.table, a topic.
   */
  name: string;
}
/**
 * ColumnLineageDatasetFacet (1.x): for each output field, the input fields it derives from.
 *
 * This interface was referenced by `OpenLineageRunEvent`'s JSON-Schema
 * via the `definition` "columnLineageFacet".
 */
export interface ColumnLineageFacet {
  fields: {
    [k: string]: {
      inputFields: {
        namespace: string;
        name: string;
        field: string;
        transformations?: unknown[];
      }[];
      transformationDescription?: string;
      transformationType?: string;
    };
  };
  dataset?: unknown[];
}
