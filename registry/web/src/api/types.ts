// The shapes of the catalog's GraphQL answers (contracts/schema.graphql), as the queries in ./queries.ts select them.

export type SlaStatus = 'MET' | 'AT_RISK' | 'BREACHED' | 'UNKNOWN';
export type Lifecycle = 'ACTIVE' | 'DEPRECATED' | 'RETIRED';

export interface Owner {
  team: string;
  email: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export type FacetName = 'domain' | 'tag' | 'owner' | 'classification' | 'status' | 'tier' | 'slaStatus';

export interface SearchHit {
  node: {
    id: string;
    title: string;
    domain: string;
    description: string;
    owner: Owner;
    status: Lifecycle;
    slaStatus: SlaStatus;
    consumerCount: number;
    latestVersion: string;
    tier: string;
    classification: string;
    tags: string[];
  };
  match: {
    sections: string[];
    highlights: { section: string; fragments: { text: string; matched: boolean }[] }[];
    fields: { port: string; path: string }[];
  };
}

export interface SearchResult {
  search: {
    totalCount: number;
    correctedQuery: string | null;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: SearchHit[];
    facets: Record<FacetName, FacetCount[]>;
  };
}

export interface CompatibilityChange {
  code: string;
  path: string;
  message: string;
  breaking: boolean;
  against: string | null;
  counterexample?: unknown;
  validUnder: string | null;
}

export interface PolicyResult {
  policy: string;
  title: string;
  scope: string;
  severity: string;
  status: string;
  message: string;
  findings: { message: string; fix: string | null; path: string | null }[];
  waiver: { reason: string; until: string } | null;
}

export interface VersionSummary {
  version: string;
  publishedAt: string;
  publishedBy: string;
  compatibility: {
    requiredBump: string;
    breakingChanges: number;
    ports: {
      port: string;
      mode: string;
      compatible: boolean;
      requiredBump: string;
      against: string[];
      changes: CompatibilityChange[];
    }[];
    descriptor: { against: string[]; changes: { code: string; path: string; message: string; bump: string }[] } | null;
  };
  governance: { passed: boolean; results: PolicyResult[] } | null;
}

export interface QualityRule {
  rule: string;
  field: string | null;
  fields: string[] | null;
  min: number | null;
  max: number | null;
  maxAge: string | null;
  pattern: string | null;
  ref: string | null;
  values: unknown[] | null;
  severity: string;
}

export interface SlaObservation {
  time: string;
  availability: boolean;
  completeness: number | null;
  rowCount: number | null;
}

export interface OutputPort {
  name: string;
  kind: string;
  format: string;
  location: string;
  compatibility: string;
  contract: { hash: string; schema: unknown };
  sla: { freshness: string | null; availability: number | null; completeness: number | null } | null;
  quality: QualityRule[];
  slaStatus: {
    status: SlaStatus;
    evaluatedAt: string;
    reasons: { measure: string; level: string; message: string }[];
    window: { duration: string };
  };
  slaHistory: SlaObservation[];
}

export interface MajorLine {
  major: number;
  state: Lifecycle;
  sunset: string | null;
  reason: string | null;
  consumers: { product: string; port: string; range: string; ownerTeam: string }[];
}

export interface Product {
  id: string;
  name: string;
  domain: string;
  title: string;
  description: string;
  owner: Owner;
  tags: string[];
  classification: string;
  tier: string;
  status: Lifecycle;
  slaStatus: SlaStatus;
  latestVersion: string;
  consumerCount: number;
  majorLines: MajorLine[];
  versions: VersionSummary[];
  version: {
    version: string;
    inputs: { product: string; port: string; versionRange: string; resolvedVersion: string | null }[];
    ports: OutputPort[];
  } | null;
}

export interface PortConsumer {
  product: string;
  port: string;
  versionRange: string;
  resolvedVersion: string | null;
  major: number;
  fieldsRead: string[];
  owner: Owner;
}

export interface LineageNode {
  id: string;
  kind: 'PRODUCT' | 'PORT' | 'FIELD' | 'EXTERNAL' | 'CONSUMER';
  level: number;
  product: string | null;
  port: string | null;
  field: string | null;
  location: string | null;
  ownerTeam: string | null;
  version: string | null;
}

export interface LineageEdge {
  from: string;
  to: string;
  kind: 'OUTPUT' | 'INPUT' | 'FIELD' | 'OBSERVED';
  versionRange: string | null;
}

export interface LineageGraph {
  root: string;
  depth: number;
  budget: number;
  truncated: boolean;
  nodes: LineageNode[];
  edges: LineageEdge[];
}

export interface Drift {
  product: string;
  observed: boolean;
  declaredNotObserved: string[];
  observedNotDeclared: { input: string }[];
}

export interface ImpactReport {
  port: string;
  against: string | null;
  proposedVersion: string;
  mode: string;
  compatible: boolean;
  requiredBump: string;
  truncated: boolean;
  changes: {
    code: string;
    path: string;
    message: string;
    field: string | null;
    affected: string[];
    counterexample?: unknown;
    validUnder: string | null;
  }[];
  consumers: {
    product: string;
    owner: Owner;
    depth: number;
    certain: boolean;
    versionRange: string;
    reads: string[];
    fields: string[];
    changes: string[];
  }[];
  unaffected: { product: string; versionRange: string; reason: string; message: string }[];
}

export interface Domain {
  name: string;
  title: string | null;
  description: string;
  owner: Owner;
}

export interface Policy {
  id: string;
  title: string;
  description: string;
  scope: string;
  severity: string;
  rule: { type?: string; params?: unknown };
}

/** A consumer outside the mesh: `<domain>:<kind>/<name>`. */
export interface ExternalConsumer {
  id: string;
  domain: string;
  kind: string;
  name: string;
  description: string | null;
  owner: Owner;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  reads: {
    port: string;
    versionRange: string;
    resolvedVersion: string | null;
    fields: string[];
    expires: string | null;
    expired: boolean;
  }[];
}
