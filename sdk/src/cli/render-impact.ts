import type { CliIO } from './io.js';
import { wrap } from './wrap.js';

/** Why a direct consumer breaks: a field it reads, or a FORWARD-breaking change when it declares no field lineage. */
export interface ReaderBreakView {
  field?: string;
  code: string;
  message: string;
  counterexample?: unknown;
  exact?: boolean;
}

/** The consumer-impact report of the registry (lineage impact, or the impact section of a publish dry-run). */
export interface ImpactView {
  port: string;
  proposedVersion: string;
  consumers: {
    product: string;
    owner: { team: string; email: string };
    depth: number;
    certain?: boolean;
    fieldLineage?: boolean;
    versionRange: string;
    reads: string[];
    fields: string[];
    breaks?: ReaderBreakView[];
  }[];
  unaffected: { product: string; reason: string; message: string }[];
  truncated?: boolean;
}

/** Prints who a change would break, per port: owners to talk to first, then what is safe and why. */
export function printImpact(
  io: CliIO,
  impact: Record<string, ImpactView> | ImpactView[] | undefined,
  write: (t: string) => void = io.out,
): void {
  const reports = Array.isArray(impact) ? impact : Object.values(impact ?? {});
  const c = io.color;
  for (const r of reports) {
    const sure = r.consumers.filter((x) => x.certain !== false);
    write(
      `  impact of ${c.bold(r.port)} as ${r.proposedVersion}: ${sure.length ? c.red(`${sure.length} consumer(s) break`) : c.green('no consumer breaks')}`,
    );
    for (const x of r.consumers) {
      const mark = x.certain === false ? c.yellow('?') : c.red('✗');
      const how =
        x.fieldLineage === false
          ? `reads ${x.reads.join(', ')} without field lineage${x.certain === false ? ' (may be affected)' : ''}`
          : `reads ${x.reads.join(', ')}${x.fields.length ? ` → ${x.fields.join(', ')}` : ''}`;
      write(
        `    ${mark} ${c.bold(x.product)} ${c.dim(`(${x.owner.team} <${x.owner.email}>, pins ${x.versionRange}${x.depth > 1 ? `, ${x.depth} hops` : ''})`)} ${how}`,
      );
      for (const b of x.breaks ?? []) printBreak(io, b, write);
    }
    for (const u of r.unaffected) write(`    ${c.green('✓')} ${u.product}: ${c.dim(u.message)}`);
    if (r.truncated) write(c.dim('    … stopped early: more consumers may be affected'));
  }
}

/** Why it breaks: the field and code, the sentence, and the record that shows it (valid now, rejected before). */
function printBreak(io: CliIO, b: ReaderBreakView, write: (t: string) => void): void {
  const c = io.color;
  write(
    `        ${b.field ? c.bold(b.field) : c.bold('(record)')}  ${c.dim(b.code)}${b.exact === false ? c.dim(' (cautious)') : ''}`,
  );
  for (const line of wrap(b.message, 90)) write(`          ${line}`);
  if (b.counterexample !== undefined)
    write(
      `          ${c.dim('e.g., valid under the proposed contract, rejected by the current one:')} ${JSON.stringify(b.counterexample)}`,
    );
}
