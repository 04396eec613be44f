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
}

export interface UnaffectedConsumer {
  product: string;
  versionRange: string;
  reason: 'RANGE_EXCLUDES_VERSION' | 'DOES_NOT_READ_FIELD' | 'REGISTRATION_EXPIRED';
  message: string;
}

export interface ImpactChange {
  code: string;
  path: string;
  message: string;
  /** The top-level or dotted field the change touches; absent when it concerns the whole record. */
  field?: string;
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
  mode: string;
  compatible: boolean;
  requiredBump: string;
  changes: ImpactChange[];
  consumers: AffectedConsumer[];
  unaffected: UnaffectedConsumer[];
  truncated: boolean;
}

/** The impact section of a publish dry-run, per output port with breaking changes. */
export type PortImpact = Pick<
  ImpactReport,
  'port' | 'proposedVersion' | 'changes' | 'consumers' | 'unaffected' | 'truncated'
>;
