import { basename } from 'node:path';
import type { CompatibilityReport } from '../../core/compat/index.js';
import type { CliIO } from '../io.js';
import { isBreaking, printChange, sortChanges, type ChangeView } from '../render-compat.js';

export interface DiffInput {
  /** The files as given, oldest first, the next one last. */
  files: string[];
  /** What changes call each file. */
  labels: string[];
  schemas: unknown[];
}

const ANNOTATIONS = /^(TITLE|DESCRIPTION)_CHANGED$/;

/** The value at a JSON pointer (`/properties/amount/description`), if any. */
function at(schema: unknown, pointer: string): unknown {
  let node = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Both full texts of a title or description change, read from the two schemas (the report shortens them). */
function annotationTexts(input: DiffInput) {
  return (change: ChangeView): { from?: string; to?: string } | undefined => {
    if (!ANNOTATIONS.test(change.code)) return undefined;
    const previous = input.schemas[Math.max(0, input.labels.indexOf(change.against ?? ''))];
    const from = at(previous, change.path);
    const to = at(input.schemas[input.schemas.length - 1], change.path);
    if (from !== undefined && typeof from !== 'string') return undefined;
    if (to !== undefined && typeof to !== 'string') return undefined;
    return { ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
  };
}

/** Which file each label stands for, said once, when the labels are not the paths themselves. */
function printLegend(io: CliIO, input: DiffInput): void {
  const named = (label: string, file: string) => file === label || (basename(file) === file && file.startsWith(label));
  if (input.labels.every((l, i) => named(l, input.files[i]))) return;
  const width = Math.max(...input.labels.map((l) => l.length));
  input.labels.forEach((label, i) => io.out(`  ${io.color.dim(label.padEnd(width))}  ${input.files[i]}`));
}

/** The verdict, the files once, breaking changes with their counterexamples, then compatible notes, then the bump. */
export function printDiff(io: CliIO, report: CompatibilityReport, input: DiffInput): void {
  const c = io.color;
  const next = input.labels[input.labels.length - 1];
  const previous = input.labels.slice(0, -1).join(', ');
  io.out(
    report.compatible
      ? c.green(`✓ ${next} is ${report.mode}-compatible with ${previous}`)
      : c.red(`✗ ${next} is not ${report.mode}-compatible with ${previous}`),
  );
  printLegend(io, input);
  const breaking = report.changes.filter(isBreaking).length;
  if (report.changes.length)
    io.out(
      c.dim(
        `${breaking} breaking, ${report.changes.length - breaking} compatible change(s)  (✗ breaks the promise; + added, - removed, ~ changed)`,
      ),
    );
  else io.out(c.dim('  no changes'));
  const texts = annotationTexts(input);
  for (const change of sortChanges(report.changes)) printChange(io, change, { next, texts }, io.out);
  io.out(`required bump: ${c.bold(report.requiredBump)}`);
}
