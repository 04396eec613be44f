import { join } from 'node:path';
import type { GovernanceReport } from '../core/governance/types.js';
import type { Problem } from '../core/product/types.js';
import type { CliProduct } from './product.js';
import type { IssueView } from './render-verdict.js';

/** One GitHub Actions workflow command: `::error file=…,line=…,col=…,title=…::message`. */
export interface Annotation {
  level: 'error' | 'warning';
  file?: string;
  line?: number;
  col?: number;
  title?: string;
  message: string;
}

// The escaping of @actions/core: data loses %, CR and LF; properties also : and ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatAnnotation(a: Annotation): string {
  const props = [
    a.file && `file=${escapeProperty(a.file)}`,
    a.line && `line=${a.line}`,
    a.line && a.col && `col=${a.col}`,
    a.title && `title=${escapeProperty(a.title)}`,
  ].filter(Boolean);
  return `::${a.level}${props.length ? ' ' + props.join(',') : ''}::${escapeData(a.message)}`;
}

/** The contract file of an output port, from the descriptor. */
function contractOf(product: CliProduct, port: string): string | undefined {
  const outputs = (product.loaded.bundle.descriptor as { spec?: { outputs?: { name: string; contract: string }[] } })
    ?.spec?.outputs;
  return outputs?.find((o) => o.name === port)?.contract;
}

/**
 * Where a finding points: a descriptor pointer (`/metadata/owner`), a contract pointer
 * (`contracts/x.json#/properties`) or a port's contract change (`orders:/properties/id`).
 */
function place(product: CliProduct, path: string | undefined): Pick<Annotation, 'file' | 'line'> {
  const hash = path?.indexOf('#') ?? -1;
  if (path && hash > 0) return { file: join(product.shown, path.slice(0, hash)) };
  const port = path && /^([a-z0-9-]+):\//.exec(path);
  const contract = port ? contractOf(product, port[1]) : undefined;
  if (contract) return { file: join(product.shown, contract) };
  const line = path ? product.lineOf(path) : undefined;
  return { file: join(product.shown, 'dataproduct.yaml'), ...(line && { line }) };
}

const withFix = (message: string, fix?: string) => (fix ? `${message} (fix: ${fix})` : message);

/** Problems in the product's files, at their file, line and column (paths relative to the current folder). */
export function problemAnnotations(product: CliProduct, problems: Problem[]): Annotation[] {
  return problems.map((p) => ({
    level: p.severity === 'warning' ? 'warning' : 'error',
    file: join(product.shown, p.file ?? 'dataproduct.yaml'),
    ...(p.line && { line: p.line, ...(p.column && { col: p.column }) }),
    title: p.code,
    message: withFix(`${p.path && p.path !== '/' ? p.path + ': ' : ''}${p.message}`, p.fix),
  }));
}

/** Failed policies as errors and warnings as warnings, each finding at its place. */
export function governanceAnnotations(product: CliProduct, report: GovernanceReport | undefined): Annotation[] {
  const out: Annotation[] = [];
  for (const r of report?.results ?? []) {
    if (r.status !== 'failed' && r.status !== 'warning') continue;
    for (const f of r.findings)
      out.push({
        level: r.status === 'failed' && !f.advisory ? 'error' : 'warning',
        ...place(product, f.path),
        title: `policy ${r.policy}`,
        message: withFix(f.message, f.fix),
      });
  }
  return out;
}

/** Registry problems that governance does not already cover (version conflicts, lineage, contract checks). */
export function issueAnnotations(product: CliProduct, issues: IssueView[]): Annotation[] {
  return issues.map((i) => ({
    level: i.severity === 'warning' ? 'warning' : 'error',
    ...place(product, i.path),
    ...(i.code && { title: i.code }),
    message: withFix(i.message ?? i.code ?? 'rejected', i.fix),
  }));
}
