/* Generated from contracts/schemas by scripts/generate-types.js. Do not edit: run `npm run generate -w @dmesh/contracts`. */

/**
 * A kebab-case name: lowercase letters, digits and single dashes, starting with a letter.
 *
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "KebabName".
 */
export type KebabName = string;
/**
 * A semantic version, e.g. 2.1.0.
 *
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "SemVer".
 */
export type SemVer = string;
/**
 * A product id: <domain>.<product>.
 *
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "ProductRef".
 */
export type ProductRef = string;
/**
 * A field reference: <domain>.<product>/<port>#<field>.
 *
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "FieldRef".
 */
export type FieldRef = string;
/**
 * An ISO-8601 duration, e.g. PT1H or P1D.
 *
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "Duration".
 */
export type Duration = string;
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "Percent".
 */
export type Percent = number;
/**
 * A quality rule; "rule" selects the kind. severity: error (default) blocks, warning reports.
 *
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "QualityRule".
 */
export type QualityRule = {
  rule: string;
} & QualityRule1;
export type QualityRule1 =
  | UniqueRule
  | NotNullRule
  | AcceptedValuesRule
  | RangeRule
  | RegexRule
  | RowCountRule
  | FreshnessRule
  | RelationshipRule;
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "UniqueRule".
 */
export type UniqueRule = {
  rule: 'unique';
  severity?: Severity;
  field?: FieldName;
  /**
   * @minItems 1
   */
  fields?: [FieldName, ...FieldName[]];
} & UniqueRule1;
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'error' | 'warning';
/**
 * A JSON property name, dotted for nesting.
 *
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "FieldName".
 */
export type FieldName = string;
export type UniqueRule1 =
  | {
      field: unknown;
    }
  | {
      fields: unknown;
    };
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "RangeRule".
 */
export type RangeRule = RangeRule1 & {
  rule: 'range';
  severity?: Severity;
  field: FieldName;
  min?: number;
  max?: number;
};
export type RangeRule1 =
  | {
      min: unknown;
    }
  | {
      max: unknown;
    };
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "RowCountRule".
 */
export type RowCountRule = RowCountRule1 & {
  rule: 'row_count';
  severity?: Severity;
  min?: number;
  max?: number;
};
export type RowCountRule1 =
  | {
      min: unknown;
    }
  | {
      max: unknown;
    };
/**
 * public < internal < confidential < restricted.
 *
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "Classification".
 */
export type Classification = 'public' | 'internal' | 'confidential' | 'restricted';

/**
 * A dmesh data product descriptor (dataproduct.yaml): metadata, input ports, output ports with contracts, SLAs, quality rules and field lineage.
 */
export interface DataProduct {
  /**
   * Descriptor format version.
   */
  apiVersion: 'dmesh.io/v1';
  kind: 'DataProduct';
  metadata: Metadata;
  spec: Spec;
}
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "Metadata".
 */
export interface Metadata {
  domain: KebabName;
  name: KebabName;
  version: SemVer;
  title: string;
  description: string;
  owner: {
    team: KebabName;
    email: string;
  };
  /**
   * @maxItems 50
   */
  tags?: KebabName[];
  /**
   * public < internal < confidential < restricted.
   */
  classification?: 'public' | 'internal' | 'confidential' | 'restricted';
  /**
   * bronze < silver < gold.
   */
  tier?: 'bronze' | 'silver' | 'gold';
}
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "Spec".
 */
export interface Spec {
  /**
   * @maxItems 500
   */
  inputs?: InputPort[];
  /**
   * @minItems 1
   * @maxItems 100
   */
  outputs: [OutputPort, ...OutputPort[]];
}
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "InputPort".
 */
export interface InputPort {
  product: ProductRef;
  port: KebabName;
  /**
   * A semver range of the upstream product, e.g. ^1.0.0.
   */
  version: string;
}
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "OutputPort".
 */
export interface OutputPort {
  name: KebabName;
  kind: 'table' | 'stream' | 'file' | 'api';
  format: string;
  /**
   * A URI such as s3://lake/sales/orders/ or kafka://orders.v1.
   */
  location: string;
  /**
   * Path of the JSON Schema contract, relative to the descriptor's folder.
   */
  contract: string;
  compatibility?:
    'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE' | 'NONE';
  /**
   * Output field <- upstream fields.
   */
  lineage?: {
    /**
     * @minItems 1
     */
    [k: string]: [FieldRef, ...FieldRef[]];
  };
  sla?: Sla;
  quality?: QualityRule[];
}
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "Sla".
 */
export interface Sla {
  freshness?: Duration;
  availability?: Percent;
  completeness?: Percent;
}
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "NotNullRule".
 */
export interface NotNullRule {
  rule: 'not_null';
  severity?: Severity;
  /**
   * @minItems 1
   */
  fields: [FieldName, ...FieldName[]];
}
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "AcceptedValuesRule".
 */
export interface AcceptedValuesRule {
  rule: 'accepted_values';
  severity?: Severity;
  field: FieldName;
  /**
   * Allowed values, compared with strict equality (scalars only).
   *
   * @minItems 1
   */
  values: [string | number | boolean | null, ...(string | number | boolean | null)[]];
}
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "RegexRule".
 */
export interface RegexRule {
  rule: 'regex';
  severity?: Severity;
  field: FieldName;
  pattern: string;
}
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "FreshnessRule".
 */
export interface FreshnessRule {
  rule: 'freshness';
  severity?: Severity;
  field: FieldName;
  maxAge: Duration;
}
/**
 * This interface was referenced by `DataProduct`'s JSON-Schema
 * via the `definition` "RelationshipRule".
 */
export interface RelationshipRule {
  rule: 'relationship';
  severity?: Severity;
  field: FieldName;
  ref: FieldRef;
}
