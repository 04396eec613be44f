import type { CliIO } from '../io.js';
import type { DataTestReport } from '../../core/quality/report.js';
import type { FailureExample, RuleResult } from '../../core/quality/result.js';
import type { DataTestProgress, DataTestRunResult } from '../../io/data/run-data-test.js';

/** A progress line on stderr (TTY only), at most every 250 ms, rewritten in place. */
export function progressPrinter(io: CliIO): ((p: DataTestProgress) => void) | undefined {
  if (!io.isTTY) return undefined;
  let last = 0;
  let printed = false;
  return (p) => {
    const now = Date.now();
    if (now - last < 250 && p.bytes < p.totalBytes) return;
    last = now;
    const seconds = Math.max(p.elapsedMs, 1) / 1000;
    const rate = Math.round(p.records / seconds);
    const bytesPerSecond = p.bytes / seconds;
    const eta = bytesPerSecond > 0 ? Math.ceil((p.totalBytes - p.bytes) / bytesPerSecond) : 0;
    const pct = p.totalBytes ? Math.floor((p.bytes / p.totalBytes) * 100) : 100;
    const text = `testing… ${pct}%  ${p.records.toLocaleString('en-US')} records  ${rate.toLocaleString('en-US')} records/s  ETA ${eta}s`;
    io.err((printed ? '\x1b[1A\x1b[2K' : '') + text);
    printed = true;
  };
}

function lines(examples: { line: number }[]): string {
  return examples.map((e) => e.line).join(', ');
}

function ruleLabel(r: RuleResult): string {
  const target = r.field ?? r.fields?.join(' + ') ?? '';
  return `${r.rule}${target ? ` ${target}` : ''}${r.ref ? ` -> ${r.ref}` : ''}`;
}

function firstExample(examples: FailureExample[]): string {
  return examples.length ? ` — line ${examples[0].line}: ${examples[0].message}` : '';
}

/** The human summary: one line per check, failures with their first lines and an example. */
export function printHuman(io: CliIO, label: string, run: DataTestRunResult): void {
  const { report } = run;
  const c = io.color;
  const ok = c.green('✔');
  const bad = (severity: string) => (severity === 'warning' ? c.yellow('!') : c.red('✘'));
  io.out(
    `${c.bold(`dmesh test ${label}`)}  ${run.file} (${run.format}, ${report.records} records, ${run.threads} thread${run.threads === 1 ? '' : 's'}, ${(run.elapsedMs / 1000).toFixed(1)}s)`,
  );
  if (run.note) io.out(c.dim(`  note: ${run.note}`));
  if (report.badInput.count) {
    io.out(
      `${bad('error')} input: ${report.badInput.count} unreadable line(s) at ${lines(report.badInput.examples)}${firstExample(report.badInput.examples)}`,
    );
  }
  printContract(io, report, ok, bad('error'));
  for (const r of report.rules) {
    const counts = r.message ?? `${r.failed} of ${r.checked} failed`;
    io.out(
      r.passed
        ? `${ok} ${ruleLabel(r)} (${r.message ?? `${r.checked} checked`})`
        : `${bad(r.severity)} ${ruleLabel(r)}: ${counts}${r.examples.length ? ` (lines ${lines(r.examples)})` : ''}${firstExample(r.examples)}`,
    );
  }
  if (report.rejected) io.out(c.dim(`  ${report.rejected} rejected record(s) written to the reject file`));
  const { errors, warnings } = report.summary;
  io.out(
    report.passed
      ? c.green(`PASSED${warnings ? ` with ${warnings} warning(s)` : ''}`)
      : c.red(`FAILED: ${errors} error(s), ${warnings} warning(s)`),
  );
}

function printContract(io: CliIO, report: DataTestReport, ok: string, bad: string): void {
  const valid = report.records - report.badInput.count - report.contract.failedRecords;
  if (report.contract.passed) {
    io.out(`${ok} contract (${valid} records valid)`);
    return;
  }
  io.out(`${bad} contract: ${report.contract.failedRecords} record(s) violate it`);
  for (const v of report.contract.violations) {
    io.out(`    ${v.path} ${v.keyword}: ${v.message} — ${v.count} record(s) (lines ${lines(v.examples)})`);
  }
}
