import type { CompatibilityMode } from '../compat/types.js';
import type { ContractField } from '../contract/fields.js';
import type { Bump, BumpVerdict } from '../product/required-bump.js';
import type { DataProduct } from '../product/types.js';

export const BUILT_IN_RULES = [
  'compatibility',
  'documentation',
  'naming',
  'pii-classification',
  'lineage-integrity',
  'sla-minimums',
  'deprecation-window',
  'sla-feasibility',
] as const;
export type BuiltInRuleType = (typeof BUILT_IN_RULES)[number];

export type PolicyRule =
  | { type: 'json-schema'; schema: Record<string, unknown> }
  | { type: BuiltInRuleType; params?: Record<string, unknown> };

/** A policy as stored and as written in `domains/<d>/policies/*.yaml` (contracts/schemas/policy.schema.json). */
export interface Policy {
  id: string;
  title: string;
  description?: string;
  /** `global` or `domain:<name>`. */
  scope: string;
  severity: 'error' | 'warning';
  rule: PolicyRule;
}

export interface Waiver {
  policy: string;
  product: string;
  /** Last day the waiver applies, YYYY-MM-DD (inclusive). */
  until: string;
  reason: string;
}

/** What the registry knows about one input port when it evaluates policies. */
export interface UpstreamFacts {
  product: string;
  port: string;
  range: string;
  /** Highest published, non-retired version in range. */
  resolved?: string;
  /** Whether the upstream product exists at all. */
  published: boolean;
  /** Lifecycle of the resolved version's major line. */
  lineState?: 'active' | 'deprecated' | 'retired';
  sunset?: string;
  classification?: string;
  /** Fields of the upstream port's contract (with x-classification). */
  fields?: ContractField[];
  /** The upstream port exists in the resolved version. */
  portFound?: boolean;
  sla?: { freshness?: string; availability?: number; completeness?: number };
}

/**
 * Everything a policy may look at. The registry fills it completely; offline
 * (`dmesh validate --offline`) only the descriptor and contracts are known and
 * rules that need the rest report `skipped`.
 */
export interface PolicyContext {
  descriptor: DataProduct;
  contracts: Record<string, unknown>;
  offline: boolean;
  upstreams?: UpstreamFacts[];
  /** A lineage cycle this version would close, as product ids, first = last. */
  cycle?: string[];
  compatibility?: {
    requiredBump: Bump;
    base?: string;
    verdict?: BumpVerdict;
    breaking: { port: string; code: string; path: string; message: string }[];
  };
}

export type PolicyStatus = 'passed' | 'failed' | 'warning' | 'waived' | 'skipped';

export interface Finding {
  /** A specific code (e.g. BREAKING_CHANGE_NEEDS_MAJOR); the policy id identifies the rule. */
  code?: string;
  message: string;
  fix?: string;
  /** JSON pointer in the descriptor (or `<contract file>#<pointer>`). */
  path?: string;
  /** A finding that never blocks, even under an `error` policy (e.g. a deprecated input). */
  advisory?: boolean;
}

export interface PolicyResult {
  policy: string;
  title: string;
  scope: string;
  type: string;
  severity: 'error' | 'warning';
  status: PolicyStatus;
  message: string;
  findings: Finding[];
  waiver?: { until: string; reason: string };
}

export interface GovernanceReport {
  passed: boolean;
  results: PolicyResult[];
}

/** A built-in rule: defaults, a strictness order on its parameters, and an evaluation. */
export interface BuiltInRule<P extends Record<string, unknown> = Record<string, unknown>> {
  type: BuiltInRuleType;
  defaults: P;
  /** True when `a` is at least as strict as `b` (a domain may only tighten a global error policy). */
  tighterOrEqual(a: P, b: P): boolean;
  /** Findings; `'skipped'` with a reason when the context lacks what it needs; `null` when it does not apply at publish. */
  evaluate(params: P, ctx: PolicyContext): Finding[] | { skipped: string } | null;
  /** Parameter problems (unknown keys, bad values), named by path. */
  checkParams(params: Record<string, unknown>): string[];
}

export type { CompatibilityMode };
