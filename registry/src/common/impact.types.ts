/** The team that owns a product: who to talk to. */
export interface Owner {
  team: string;
  email: string;
}

/** A consumer a proposed contract would break, directly (depth 1) or through the fields it derives. */
export interface AffectedConsumer {
  /** The consumer: a product id, or a consumer outside the mesh (`<domain>:<kind>/<name>`, see `kind`). */
  product: string;
  /** dashboard, ml, notebook or service for a consumer outside the mesh; absent for a product. */
  kind?: string;
  owner: Owner;
  /** 1 = reads the changed port; 2+ = reads something derived from it. */
  depth: number;
  /** False for a consumer beyond the direct ones that reads an affected port without declaring field lineage: it may or may not read the broken fields. */
  certain: boolean;
  /** Whether it declares field lineage for the port it is affected through; without it, the walk stops at this consumer. */
  fieldLineage: boolean;
  /** The range it pins on the port it reads at the first affected hop. */
  versionRange: string;
  resolvedVersion?: string;
  /** What it reads that breaks: `<product>/<port>#<field>`, or `…/<port>` when it declares no field lineage for that port. */
  reads: string[];
  /** Its own output fields that break in turn (`<port>#<field>`); empty when it declares no field lineage. */
  fields: string[];
  /** Change codes that reach it. */
  changes: string[];
  /**
   * Why it breaks, for a direct consumer: per field it reads (field lineage), how the proposed contract can present
   * it in a way the current one did not allow; without field lineage, each FORWARD-breaking change. Empty beyond
   * the direct consumers (what they read derives from a broken field: `reads`).
   */
  breaks: ReaderBreak[];
}

/** One reason a direct consumer breaks, with a record that shows it. */
export interface ReaderBreak {
  /** The field it reads (`<field>` of the port, dotted); absent for a change to the record as a whole. */
  field?: string;
  code: string;
  message: string;
  /** A record valid under the proposed contract that the current contract rejects (both validators confirmed it). */
  counterexample?: unknown;
  /** False when no record confirmed it: judged breaking cautiously. */
  exact: boolean;
}

export const UNAFFECTED_REASONS = [
  'RANGE_EXCLUDES_VERSION',
  'DOES_NOT_READ_FIELD',
  'FORWARD_COMPATIBLE',
  'REGISTRATION_EXPIRED',
] as const;
export type UnaffectedReason = (typeof UNAFFECTED_REASONS)[number];

export interface UnaffectedConsumer {
  product: string;
  versionRange: string;
  /**
   * RANGE_EXCLUDES_VERSION: it pins a range without the proposed version; DOES_NOT_READ_FIELD: none of the fields
   * it reads changes in a way it did not allow; FORWARD_COMPATIBLE: it declares no field lineage, and every record of
   * the proposed contract is valid under the current one; REGISTRATION_EXPIRED: a consumer outside the mesh whose
   * registration lapsed.
   */
  reason: UnaffectedReason;
  message: string;
}

export interface ImpactChange {
  code: string;
  path: string;
  message: string;
  /** The top-level or dotted field the change touches; absent when it concerns the whole record. */
  field?: string;
  /** Consumers it reaches: readers of the field it touches (all readers for a change to the whole record) whom it breaks. */
  affected: string[];
  /** A record valid under one side and not the other, verified with ajv (the SDK's compatibility report). */
  counterexample?: unknown;
  /** `previous` or `next`: the side the counterexample is valid under. */
  validUnder?: 'previous' | 'next';
}

export interface ImpactReport {
  port: string;
  /** The version the proposed contract was compared with. */
  against?: string;
  proposedVersion: string;
  /** How proposedVersion was chosen. */
  versionRule: 'given' | 'next-minor-of-latest';
  /** The port's mode and its verdict: the publish gate. Who breaks is judged from the consumers' side whatever it is. */
  mode: string;
  compatible: boolean;
  requiredBump: string;
  /** Changes that break the mode or a reader (FORWARD-breaking), each with the consumers it reaches. */
  changes: ImpactChange[];
  consumers: AffectedConsumer[];
  unaffected: UnaffectedConsumer[];
  truncated: boolean;
}

/** The impact section of a publish dry-run, per output port whose contract changes and that has consumers. */
export type PortImpact = Pick<
  ImpactReport,
  'port' | 'proposedVersion' | 'changes' | 'consumers' | 'unaffected' | 'truncated'
>;
