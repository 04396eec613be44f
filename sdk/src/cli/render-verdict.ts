import type { GovernanceReport } from '../core/governance/types.js';
import type { CliIO } from './io.js';
import { printCompatibility } from './render-compat.js';
import { printGovernance } from './render-governance.js';
import { printImpact, type ImpactView } from './render-impact.js';

/** A problem as the registry reports it (`issues` of a result, `details` of a rejection). */
export interface IssueView {
  severity?: string;
  stage?: string;
  code?: string;
  file?: string;
  path?: string;
  message?: string;
  fix?: string;
}

/** What the registry says about a version, accepted or rejected: every part optional. */
export interface VerdictView {
  compatibility?: Record<string, unknown>;
  impact?: Record<string, ImpactView>;
  governance?: GovernanceReport;
  issues?: IssueView[];
  details?: IssueView[];
}

export interface VerdictContext {
  /** The version being checked, as changes name it. */
  next?: string;
  /** `dataproduct.yaml:9` for a descriptor JSON pointer. */
  locate?: (path: string) => string | undefined;
}

/** `<port>:<pointer>` of every contract change in the compatibility reports. */
function changePaths(compatibility: Record<string, unknown> | undefined): Set<string> {
  const shown = new Set<string>();
  for (const [port, report] of Object.entries(compatibility ?? {}))
    for (const change of (report as { changes?: { path: string }[] }).changes ?? [])
      shown.add(`${port}:${change.path}`);
  return shown;
}

function printIssue(io: CliIO, issue: IssueView, ctx: VerdictContext, write: (t: string) => void): void {
  const mark = issue.severity === 'warning' ? io.color.yellow('!') : io.color.red('✗');
  const where = issue.path ? (ctx.locate?.(issue.path) ?? issue.path) : '';
  const place = [issue.file, where].filter(Boolean).join(' ');
  write(
    `  ${mark} ${issue.code ? `[${issue.code}] ` : ''}${place ? io.color.bold(place) + ': ' : ''}${issue.message ?? ''}`,
  );
  if (issue.fix) write(`    ${io.color.dim('fix:')} ${issue.fix}`);
}

/**
 * Contract changes, consumer impact, governance, then the remaining problems —
 * each said once: a problem that governance or a contract change already shows
 * is not repeated from the registry's flat list.
 */
export function printVerdict(
  io: CliIO,
  verdict: VerdictView,
  write: (t: string) => void,
  ctx: VerdictContext = {},
): void {
  const shown = changePaths(verdict.compatibility);
  printCompatibility(io, verdict.compatibility, write, ctx.next);
  printImpact(io, verdict.impact, write);
  printGovernance(io, verdict.governance, write, { ...(ctx.locate && { locate: ctx.locate }), shown });
  const covered = (i: IssueView) =>
    (i.stage === 'governance' && verdict.governance) || (i.path !== undefined && shown.has(i.path));
  const seen = new Set<string>();
  for (const issue of [...(verdict.details ?? []), ...(verdict.issues ?? [])]) {
    const key = `${issue.code}|${issue.path}|${issue.message}`;
    if (covered(issue) || seen.has(key)) continue;
    seen.add(key);
    printIssue(io, issue, ctx, write);
  }
}
