/* Generated from contracts/schemas by scripts/generate-types.js. Do not edit: run `npm run generate -w @dmesh/contracts`. */

/**
 * An SLA observation of one output port, reported by a pipeline (dmesh test --report sends one): POST /v1/products/{id}/ports/{port}/observations. The registry derives the port's SLA status from the observations of a rolling window.
 */
export interface Observation {
  /**
   * When the data was observed (RFC 3339, with a time zone).
   */
  time: string;
  /**
   * The newest update in the data (e.g. the newest value of the freshness rule's field); null when unknown. Freshness is measured from it.
   */
  lastUpdate?: string | null;
  /**
   * Records observed; weighs the completeness of this observation.
   */
  rowCount?: number;
  /**
   * Percentage of records that are complete (valid under the contract and every error-level not_null rule).
   */
  completeness?: number;
  /**
   * Quality rule results of the run that produced this observation.
   *
   * @maxItems 500
   */
  quality?: {
    rule: string;
    field?: string;
    passed: boolean;
    failed?: number;
  }[];
  /**
   * Result of the availability probe: could the port's data be read at `time`?
   */
  availability: boolean;
}
