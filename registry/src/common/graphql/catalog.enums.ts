import { registerEnumType } from '@nestjs/graphql';

// GraphQL enums of the catalog. Their names follow GraphQL's convention
// (CONFIDENTIAL, AT_RISK); the values behind them are the lowercase strings the
// descriptor, the database and REST use, so resolvers pass them through unchanged.

const LOWERCASE_NOTE = 'REST and descriptors write the same values in lower case';

export enum Classification {
  PUBLIC = 'public',
  INTERNAL = 'internal',
  CONFIDENTIAL = 'confidential',
  RESTRICTED = 'restricted',
}
registerEnumType(Classification, {
  name: 'Classification',
  description: `How restricted a product's data is, least to most: PUBLIC < INTERNAL < CONFIDENTIAL < RESTRICTED (${LOWERCASE_NOTE}).`,
});

export enum Tier {
  BRONZE = 'bronze',
  SILVER = 'silver',
  GOLD = 'gold',
}
registerEnumType(Tier, {
  name: 'Tier',
  description: `A product's service tier, BRONZE < SILVER < GOLD; governance sets SLA minimums by tier (${LOWERCASE_NOTE}).`,
});

export enum LifecycleStatus {
  ACTIVE = 'active',
  DEPRECATED = 'deprecated',
  RETIRED = 'retired',
}
registerEnumType(LifecycleStatus, {
  name: 'LifecycleStatus',
  description: `A major line's lifecycle: ACTIVE → DEPRECATED (with a sunset) → RETIRED (${LOWERCASE_NOTE}).`,
});

export enum PortKind {
  TABLE = 'table',
  STREAM = 'stream',
  FILE = 'file',
  API = 'api',
}
registerEnumType(PortKind, {
  name: 'PortKind',
  description: `How an output port serves its data (${LOWERCASE_NOTE}).`,
});

export enum CompatibilityMode {
  BACKWARD = 'BACKWARD',
  BACKWARD_TRANSITIVE = 'BACKWARD_TRANSITIVE',
  FORWARD = 'FORWARD',
  FORWARD_TRANSITIVE = 'FORWARD_TRANSITIVE',
  FULL = 'FULL',
  FULL_TRANSITIVE = 'FULL_TRANSITIVE',
  NONE = 'NONE',
}
registerEnumType(CompatibilityMode, {
  name: 'CompatibilityMode',
  description:
    "Confluent Schema Registry's modes applied to JSON Schema: BACKWARD (old records stay valid), FORWARD (new records valid under the old contract), FULL (both); _TRANSITIVE against every earlier version of the major; NONE.",
});

export enum Bump {
  MAJOR = 'major',
  MINOR = 'minor',
  PATCH = 'patch',
  NONE = 'none',
}
registerEnumType(Bump, {
  name: 'Bump',
  description: `The semver bump a change needs (${LOWERCASE_NOTE}).`,
});

export enum Severity {
  ERROR = 'error',
  WARNING = 'warning',
}
registerEnumType(Severity, {
  name: 'Severity',
  description: `ERROR blocks (a publish, a data test); WARNING is reported only (${LOWERCASE_NOTE}).`,
});

export enum SlaStatusValue {
  MET = 'met',
  AT_RISK = 'at_risk',
  BREACHED = 'breached',
  UNKNOWN = 'unknown',
}
registerEnumType(SlaStatusValue, {
  name: 'SlaStatus',
  description: `MET; AT_RISK (freshness past 80 % of its limit, or 80 % of an availability/completeness error budget spent); BREACHED (freshness past its limit, or below a promise); UNKNOWN (no observations in the window). REST writes met, at_risk, breached, unknown.`,
});
