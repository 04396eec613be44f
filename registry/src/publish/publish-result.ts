import type { GovernanceReport } from '@dmesh/sdk';
import type { PortImpact } from '../common/impact.types.js';
import type { PublishAttempt } from './publish-stage.js';
import { PublishError } from './publish.errors.js';
import type {
  CompatibilityResult,
  PortCompatibility,
  PublishIssue,
  ResolvedInput,
  StageName,
  StageResults,
} from './stage-results.js';

/** Per output port (and `descriptor`), the compatibility report as REST returns and versions store it. */
export type CompatibilityReports = Record<string, PortCompatibility | NonNullable<CompatibilityResult['descriptor']>>;

export interface PublishResult {
  outcome: 'published' | 'unchanged' | 'dry-run';
  product: string;
  version: string;
  contentHash: string;
  requiredBump: 'major' | 'minor' | 'patch' | 'none';
  inputs: readonly ResolvedInput[];
  compatibility: CompatibilityReports;
  issues: PublishIssue[];
  impact?: Record<string, PortImpact>;
  governance?: GovernanceReport;
}

type Results = Partial<StageResults>;

export function compatibilityReports(result: CompatibilityResult | undefined): CompatibilityReports {
  if (!result) return {};
  return { ...result.ports, ...(result.descriptor && { descriptor: result.descriptor }) };
}

/** What every answer carries, accepted or rejected: the verdicts the stages reached. */
function verdicts(results: Results) {
  return {
    requiredBump: results.compatibility?.requiredBump ?? 'none',
    compatibility: compatibilityReports(results.compatibility),
    ...(results.lineage?.impact && { impact: results.lineage.impact }),
    ...(results.governance && { governance: results.governance.report }),
  };
}

export function acceptedResult(attempt: PublishAttempt, results: Results, issues: PublishIssue[]): PublishResult {
  const unchanged = results.versions?.unchanged;
  return {
    outcome: unchanged ? 'unchanged' : attempt.dryRun ? 'dry-run' : 'published',
    product: attempt.productId,
    version: unchanged?.version ?? attempt.bundle.descriptor.metadata.version,
    contentHash: attempt.contentHash,
    inputs: results.inputs?.inputs ?? [],
    issues,
    ...verdicts(results),
  };
}

export function rejection(attempt: PublishAttempt, results: Results, issues: PublishIssue[]): PublishError {
  const errors = issues.filter((i) => i.severity === 'error');
  const { productId, bundle } = attempt;
  return new PublishError(
    'PUBLISH_REJECTED',
    `${productId}@${bundle.descriptor.metadata.version} was rejected: ${errors.length} problem(s)`,
    errors,
    { issues, ...verdicts(results) },
  );
}

/** The stages' results so far, readable by name (a stage asking for a later stage's result is a wiring bug). */
export function attemptResults(results: Results): <K extends StageName>(stage: K) => StageResults[K] {
  return (stage) => {
    const result = results[stage];
    if (result === undefined) throw new Error(`publish stage "${stage}" has not run yet`);
    return result;
  };
}
