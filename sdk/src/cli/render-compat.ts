import type { CliIO } from './io.js';
import { wrap } from './wrap.js';

export interface ChangeView {
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
  changes: ChangeView[];
}

export interface ChangeContext {
  /** Label of the new version (a file, or the version being published). */
  next: string;
  /** Both full texts of an annotation change (description, title), when the caller has the schemas. */
  texts?: (change: ChangeView) => { from?: string; to?: string } | undefined;
  indent?: string;
}

export function isBreaking(change: ChangeView): boolean {
  return Boolean(change.breaking) || change.bump === 'major';
}

/** `✗` breaks the promise; compatible changes are notes: `+` added, `-` removed, `~` changed. */
function markOf(io: CliIO, change: ChangeView): string {
  if (isBreaking(change)) return io.color.red('✗');
  if (/(^|_)ADDED$/.test(change.code)) return io.color.green('+');
  if (/(^|_)REMOVED$/.test(change.code)) return io.color.yellow('-');
  return io.color.cyan('~');
}

const WIDTH = 100;

function printCounterexample(io: CliIO, change: ChangeView, ctx: ChangeContext, write: (t: string) => void): void {
  const pad = `${ctx.indent ?? ''}    `;
  const valid = change.validUnder === 'next' ? ctx.next : (change.against ?? 'the previous version');
  const rejected = change.validUnder === 'next' ? (change.against ?? 'the previous version') : ctx.next;
  write(`${pad}${io.color.dim(`counterexample, valid under ${valid} and rejected by ${rejected}:`)}`);
  const compact = JSON.stringify(change.counterexample);
  const fits = compact.length <= 120;
  for (const line of fits ? [compact] : JSON.stringify(change.counterexample, null, 2).split('\n'))
    write(`${pad}  ${line}`);
}

/** One change: mark, path and code; the sentence (wrapped); full texts of an annotation; a breaking one's counterexample. */
export function printChange(io: CliIO, change: ChangeView, ctx: ChangeContext, write: (t: string) => void): void {
  const indent = ctx.indent ?? '';
  const pad = `${indent}    `;
  const texts = ctx.texts?.(change);
  write(`${indent}  ${markOf(io, change)} ${io.color.bold(change.path || '/')}  ${io.color.dim(change.code)}`);
  if (!texts) for (const line of wrap(change.message, WIDTH - pad.length)) write(pad + line);
  else
    for (const [label, text] of [
      ['was:', texts.from],
      ['now:', texts.to],
    ] as const)
      wrap(text ?? '(none)', WIDTH - pad.length - 5).forEach((line, i) =>
        write(`${pad}${i === 0 ? io.color.dim(label) : '    '} ${line}`),
      );
  if (change.counterexample !== undefined) printCounterexample(io, change, ctx, write);
}

/** Breaking changes first, then the compatible notes, each once. */
export function sortChanges<T extends ChangeView>(changes: T[]): T[] {
  return [...changes].sort((a, b) => Number(isBreaking(b)) - Number(isBreaking(a)));
}

/** Per-port compatibility reports of a publish or a dry-run: one block per port that changed. */
export function printCompatibility(
  io: CliIO,
  reports: Record<string, unknown> | undefined,
  write: (t: string) => void = io.out,
  next = 'this version',
): void {
  const c = io.color;
  for (const [port, raw] of Object.entries(reports ?? {})) {
    const report = raw as PortReport;
    if (!report.changes?.length) continue;
    const title = port === 'descriptor' ? 'descriptor' : `port ${port}${report.mode ? ` (${report.mode})` : ''}`;
    const against = report.against?.length ? ` against ${report.against.join(', ')}` : '';
    const bump = report.requiredBump && report.requiredBump !== 'none' ? `: a ${report.requiredBump} change` : '';
    write(`${c.bold(title)}${against}${bump}`);
    for (const change of sortChanges(report.changes)) printChange(io, change, { next }, write);
  }
}
