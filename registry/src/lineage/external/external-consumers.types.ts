import type { Owner } from '../../common/impact.types.js';

/** One port an external consumer reads. */
export interface ExternalRead {
  /** `<domain>.<product>/<port>`. */
  port: string;
  versionRange: string;
  /** The highest non-retired published version the range admits now; absent when none does. */
  resolvedVersion?: string;
  /** Fields of the port it reads (dotted for nesting); empty: it may read any. */
  fields: string[];
  /** YYYY-MM-DD after which the registration lapses: it no longer holds up a retirement nor counts in impact. */
  expires?: string;
  expired: boolean;
}

/** A consumer outside the mesh: `<domain>:<kind>/<name>`, owned by its domain. */
export interface ExternalConsumer {
  id: string;
  domain: string;
  name: string;
  kind: string;
  description?: string;
  owner: Owner;
  reads: ExternalRead[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** What `dmesh consume` sends for one port. */
export interface ExternalReadInput {
  kind?: string;
  versionRange: string;
  fields?: string[];
  expires?: string | null;
  description?: string;
  owner?: Partial<Owner>;
}
