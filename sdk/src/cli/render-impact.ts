import type { CliIO } from './io.js';

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
    }
    for (const u of r.unaffected) write(`    ${c.green('✓')} ${u.product}: ${c.dim(u.message)}`);
    if (r.truncated) write(c.dim('    … stopped early: more consumers may be affected'));
  }
}
