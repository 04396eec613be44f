import type { GovernanceReport, PolicyResult } from '../core/governance/types.js';
import type { CliIO } from './io.js';

const ORDER: PolicyResult['status'][] = ['failed', 'warning', 'waived', 'skipped', 'passed'];

/** Prints a governance report grouped by outcome: what blocks first, then warnings, waivers, skipped, passed (one line). */
export function printGovernance(
  io: CliIO,
  report: GovernanceReport | undefined,
  write: (t: string) => void = io.out,
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
    for (const r of results) {
      const head = `    ${c.bold(r.policy)} ${c.dim(`(${r.scope}, ${r.severity})`)}`;
      if (status === 'skipped') write(`${head} ${r.message}`);
      else if (status === 'waived') write(`${head} until ${r.waiver?.until}: ${r.waiver?.reason}`);
      else {
        write(head);
        for (const f of r.findings) {
          write(
            `      ${f.advisory ? c.yellow('!') : status === 'failed' ? c.red('✗') : c.yellow('!')} ${f.path ? c.dim(f.path) + ' ' : ''}${f.message}`,
          );
          if (f.fix) write(`        ${c.dim('fix:')} ${f.fix}`);
        }
      }
    }
  }
}
