import type { Policy } from './types.js';

/**
 * The global policy set a fresh registry starts with (ARCHITECTURE.md
 * "Federated governance"). A migration installs it; `dmesh validate --offline`
 * evaluates it too. Changing it for existing registries needs a new migration.
 */
export const DEFAULT_GLOBAL_POLICIES: Policy[] = [
  {
    id: 'documentation',
    title: 'Products and fields are documented',
    scope: 'global',
    severity: 'warning',
    rule: { type: 'documentation', params: { minDescriptionLength: 20, fieldDescriptions: true } },
  },
  {
    id: 'naming',
    title: 'Contract fields follow one naming convention',
    scope: 'global',
    severity: 'warning',
    rule: { type: 'naming', params: { fieldCase: 'snake_case' } },
  },
  {
    id: 'compatibility',
    title: 'Contracts are at least BACKWARD compatible; breaking changes need a new major',
    scope: 'global',
    severity: 'error',
    rule: { type: 'compatibility', params: { mode: 'BACKWARD', breakingNeedsMajor: true } },
  },
  {
    id: 'pii-classification',
    title: 'PII is classified confidential or higher and does not flow into less restricted products',
    scope: 'global',
    severity: 'error',
    rule: { type: 'pii-classification', params: { minClassification: 'confidential', flow: true } },
  },
  {
    id: 'lineage-integrity',
    title: 'Inputs resolve to published, non-retired versions; no lineage cycles',
    scope: 'global',
    severity: 'error',
    rule: { type: 'lineage-integrity', params: { deprecatedInputs: 'warning' } },
  },
  {
    id: 'sla-minimums',
    title: 'Gold products promise availability ≥ 99.5 % and freshness ≤ 24 h',
    scope: 'global',
    severity: 'error',
    rule: { type: 'sla-minimums', params: { gold: { availability: 99.5, freshness: 'PT24H' } } },
  },
  {
    id: 'deprecation-window',
    title: 'Retiring a major line with consumers needs a sunset 30+ days after deprecation',
    scope: 'global',
    severity: 'error',
    rule: { type: 'deprecation-window', params: { minDays: 30 } },
  },
  {
    id: 'sla-feasibility',
    title: 'A promised freshness cannot beat the upstream it reads',
    scope: 'global',
    severity: 'warning',
    rule: { type: 'sla-feasibility', params: {} },
  },
].map((p) => ({ ...p, description: p.title })) as Policy[];
