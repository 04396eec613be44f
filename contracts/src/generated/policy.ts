/* Generated from contracts/schemas by scripts/generate-types.js. Do not edit: run `npm run generate -w @dmesh/contracts`. */

/**
 * A governance policy (domains/<domain>/policies/*.yaml, or the registry's /v1/policies). A JSON-Schema rule is evaluated against the resolved descriptor; a built-in rule takes parameters. Domain policies may add rules and tighten built-ins, never loosen a global error policy.
 */
export interface Policy {
  apiVersion?: 'dmesh.io/v1';
  kind?: 'Policy';
  id: string;
  title: string;
  description?: string;
  /**
   * global, or domain:<name>.
   */
  scope: string;
  /**
   * error blocks a publish; warning reports.
   */
  severity: 'error' | 'warning';
  rule: (
    | JsonSchemaRule
    | Compatibility
    | Documentation
    | Naming
    | PiiClassification
    | LineageIntegrity
    | SlaMinimums
    | DeprecationWindow
    | SlaFeasibility
  ) & {
    type: string;
  };
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "JsonSchemaRule".
 */
export interface JsonSchemaRule {
  type: 'json-schema';
  /**
   * A JSON Schema 2020-12 the resolved descriptor must satisfy (defaults made explicit).
   */
  schema: {};
}
/**
 * This interface was referenced by `BuiltInRule`'s JSON-Schema
 * via the `definition` "compatibility".
 */
export interface Compatibility {
  type: 'compatibility';
  params?: {
    /**
     * The floor: every port's mode must be at least this strict.
     */
    mode?: 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE' | 'NONE';
    breakingNeedsMajor?: boolean;
  };
}
/**
 * This interface was referenced by `BuiltInRule`'s JSON-Schema
 * via the `definition` "documentation".
 */
export interface Documentation {
  type: 'documentation';
  params?: {
    minDescriptionLength?: number;
    fieldDescriptions?: boolean;
  };
}
/**
 * This interface was referenced by `BuiltInRule`'s JSON-Schema
 * via the `definition` "naming".
 */
export interface Naming {
  type: 'naming';
  params?: {
    fieldCase?: 'snake_case' | 'camelCase';
  };
}
/**
 * This interface was referenced by `BuiltInRule`'s JSON-Schema
 * via the `definition` "pii-classification".
 */
export interface PiiClassification {
  type: 'pii-classification';
  params?: {
    minClassification?: 'public' | 'internal' | 'confidential' | 'restricted';
    flow?: boolean;
  };
}
/**
 * This interface was referenced by `BuiltInRule`'s JSON-Schema
 * via the `definition` "lineage-integrity".
 */
export interface LineageIntegrity {
  type: 'lineage-integrity';
  params?: {
    deprecatedInputs?: 'warning' | 'error';
  };
}
/**
 * This interface was referenced by `BuiltInRule`'s JSON-Schema
 * via the `definition` "sla-minimums".
 */
export interface SlaMinimums {
  type: 'sla-minimums';
  params?: {
    bronze?: TierMinimum;
    silver?: TierMinimum;
    gold?: TierMinimum;
  };
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "TierMinimum".
 */
export interface TierMinimum {
  availability?: number;
  completeness?: number;
  freshness?: string;
}
/**
 * This interface was referenced by `BuiltInRule`'s JSON-Schema
 * via the `definition` "deprecation-window".
 */
export interface DeprecationWindow {
  type: 'deprecation-window';
  params?: {
    minDays?: number;
  };
}
/**
 * This interface was referenced by `BuiltInRule`'s JSON-Schema
 * via the `definition` "sla-feasibility".
 */
export interface SlaFeasibility {
  type: 'sla-feasibility';
  params?: {};
}
/**
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "BuiltInRule".
 */
export interface BuiltInRule {
  [k: string]: unknown;
}
