import type { Finding, GovernanceReport, PolicyResult } from '../core/governance/types.js';
import type { CliIO } from './io.js';

const ORDER: PolicyResult['status'][] = ['failed', 'warning', 'waived', 'skipped', 'passed'];

export interface GovernanceView {
  /** `dataproduct.yaml:9` for a finding's JSON pointer, when the descriptor is at hand. */
  locate?: (path: string) => string | undefined;
  /** `<port>:<pointer>` of contract changes already printed above: not repeated here. */
  shown?: Set<string>;
}

function printFinding(io: CliIO, f: Finding, mark: string, view: GovernanceView, write: (t: string) => void): void {
  const where = f.path ? (view.locate?.(f.path) ?? f.path) : '';
  const code = f.code ? `[${f.code}] ` : '';
  write(`      ${mark} ${code}${where ? io.color.bold(where) + ': ' : ''}${f.message}`);
  if (f.fix) write(`        ${io.color.dim('fix:')} ${f.fix}`);
}

function printResult(io: CliIO, r: PolicyResult, view: GovernanceView, write: (t: string) => void): void {
  const c = io.color;
  const head = `    ${c.bold(r.policy)} ${c.dim(`(${r.scope}, ${r.severity})`)}`;
  if (r.status === 'skipped') return write(`${head} ${r.message}`);
  if (r.status === 'waived') return write(`${head} until ${r.waiver?.until}: ${r.waiver?.reason}`);
  const findings = r.findings.filter((f) => !(f.path && view.shown?.has(f.path)));
  const hidden = r.findings.length - findings.length;
  write(`${head}${hidden ? c.dim(` (+${hidden} contract change(s) listed above)`) : ''}`);
  for (const f of findings) {
    const mark = f.advisory || r.status !== 'failed' ? c.yellow('!') : c.red('✗');
    printFinding(io, f, mark, view, write);
  }
}

/** A governance report grouped by outcome: what blocks first, then warnings, waivers, skipped, passed (one line). */
export function printGovernance(
  io: CliIO,
  report: GovernanceReport | undefined,
  write: (t: string) => void = io.out,
  view: GovernanceView = {},
): void {
  if (!report?.results?.length) return;
  const c = io.color;
  const label: Record<PolicyResult['status'], string> = {
    failed: c.red('errors (block the publish)'),
    warning: c.yellow('warnings'),
    waived: c.cyan('waived'),
    skipped: c.dim('skipped'),
    passed: c.green('passed'),
  };
  write(c.bold(`governance: ${report.passed ? c.green('passed') : c.red('failed')}`));
  for (const status of ORDER) {
    const results = report.results.filter((r) => r.status === status);
    if (!results.length) continue;
    if (status === 'passed') {
      write(`  ${label.passed}: ${results.map((r) => r.policy).join(', ')}`);
      continue;
    }
    write(`  ${label[status]}:`);
    for (const r of results) printResult(io, r, view, write);
  }
}
