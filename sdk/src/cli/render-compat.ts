import type { CliIO } from './io.js';

interface Change {
  code: string;
  path: string;
  message: string;
  breaking?: boolean;
  bump?: string;
  against?: string;
  counterexample?: unknown;
  validUnder?: string;
}

interface PortReport {
  against?: string[];
  compatible?: boolean;
  mode?: string;
  requiredBump?: string;
  changes: Change[];
}

/** Prints per-port compatibility changes, breaking ones first, each with its counterexample. */
export function printCompatibility(
  io: CliIO,
  reports: Record<string, unknown> | undefined,
  write: (t: string) => void = io.out,
): void {
  const c = io.color;
  for (const [port, raw] of Object.entries(reports ?? {})) {
    const report = raw as PortReport;
    if (!report.changes?.length) continue;
    const title = port === 'descriptor' ? 'descriptor' : `port ${port}${report.mode ? ` (${report.mode})` : ''}`;
    write(
      `  ${c.bold(title)} against ${(report.against ?? []).join(', ')}${report.requiredBump ? ` → ${report.requiredBump}` : ''}`,
    );
    const sorted = [...report.changes].sort((a, b) => Number(isBreaking(b)) - Number(isBreaking(a)));
    for (const change of sorted) {
      const mark = isBreaking(change) ? c.red('✗ breaking') : c.dim('· ' + (change.bump ?? 'compatible'));
      write(`    ${mark} ${c.bold(change.code)} ${c.dim(change.path)}`);
      write(`      ${change.message}`);
      if (change.counterexample !== undefined) {
        const shown = JSON.stringify(change.counterexample);
        write(
          `      ${c.dim(`counterexample (valid under ${change.validUnder ?? '?'}${change.against ? `, checked against ${change.against}` : ''}):`)} ${shown.length > 300 ? shown.slice(0, 297) + '...' : shown}`,
        );
      }
    }
  }
}

function isBreaking(change: Change): boolean {
  return Boolean(change.breaking) || change.bump === 'major';
}
