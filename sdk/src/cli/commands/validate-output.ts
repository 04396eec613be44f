import {
  formatAnnotation,
  governanceAnnotations,
  issueAnnotations,
  problemAnnotations,
  type Annotation,
} from '../annotations.js';
import { dmeshCommand } from '../dmesh-command.js';
import type { CliIO } from '../io.js';
import { printJson, printProblems } from '../render.js';
import { printGovernance } from '../render-governance.js';
import { printVerdict, type IssueView, type VerdictView } from '../render-verdict.js';
import type { GovernanceReport } from '../../core/governance/types.js';
import type { Problem } from '../../core/product/types.js';
import { ExitCode } from '../io.js';
import type { CliProduct } from '../product.js';
import type { RegistryCallError, RegistryFlags } from '../registry-call.js';
import type { PublishResult } from '../send-version.js';

export interface ValidateOptions extends RegistryFlags {
  offline?: boolean;
  json?: boolean;
  ci?: boolean;
}

/** The registry's part of the verdict: its dry-run, or why there is none. */
export type RegistryPreview =
  | { status: 'accepted'; result: PublishResult }
  | { status: 'rejected' | 'unreachable'; error: RegistryCallError }
  | { status: 'offline' | 'skipped'; reason: string };

export interface Validation {
  product: CliProduct;
  problems: Problem[];
  preview: RegistryPreview;
  /** The registry's governance report, or the local one (--offline). */
  governance?: GovernanceReport;
}

export function exitCode(v: Validation): number {
  if (v.problems.some((p) => p.severity === 'error')) return ExitCode.usage;
  const { preview } = v;
  if (preview.status === 'rejected' || preview.status === 'unreachable') return preview.error.exitCode;
  return v.governance && !v.governance.passed ? ExitCode.no : ExitCode.ok;
}

function previewJson(preview: RegistryPreview): Record<string, unknown> {
  if (preview.status === 'accepted') return preview;
  if (preview.status === 'rejected' || preview.status === 'unreachable')
    return {
      status: preview.status,
      reason: preview.error.message,
      error: preview.error.body ?? { code: preview.error.code, message: preview.error.message },
    };
  return preview;
}

function printJsonDocument(io: CliIO, v: Validation): void {
  printJson(io, {
    valid: exitCode(v) === 0,
    product: v.product.shown,
    problems: v.problems,
    registry: previewJson(v.preview),
    ...(v.governance && { governance: v.governance }),
  });
}

/** The verdict for people: the folder once, then what the registry (or the local policies) said. */
function printHuman(io: CliIO, v: Validation): void {
  const c = io.color;
  const { preview, product } = v;
  if (v.problems.length) {
    io.err(c.red(`✗ ${product.label}: ${v.problems.length} problem(s)`));
    return printProblems(io, v.problems);
  }
  const version = (product.loaded.bundle.descriptor as { metadata: { version: string } }).metadata.version;
  const ctx = { locate: product.locate, next: version };
  if (preview.status === 'accepted') {
    io.out(c.green(`✓ ${product.label} is valid`));
    io.out(c.green(`✓ the registry would accept ${preview.result.product}@${preview.result.version} (dry-run)`));
    return printVerdict(io, preview.result as VerdictView, io.out, ctx);
  }
  if (preview.status === 'rejected') {
    io.out(c.green(`✓ ${product.label}: the files are valid`));
    io.err(c.red(`✗ the registry would reject it: ${preview.error.message}`));
    return printVerdict(io, (preview.error.body ?? {}) as VerdictView, io.err, ctx);
  }
  if (preview.status === 'unreachable') {
    io.out(c.green(`✓ ${product.label}: the files are valid`));
    io.err(c.red(`✗ ${preview.error.message}`));
    const dmesh = dmeshCommand(io.env, io.script);
    io.err(
      `  Compatibility, lineage and registry policies were not checked; to check only the files: ${dmesh} validate --offline`,
    );
    return;
  }
  const passed = v.governance?.passed !== false;
  io.out(
    c.green(`✓ ${product.label} is valid`) + c.dim(' (offline: policies evaluated here; registry checks skipped)'),
  );
  if (!passed) io.err(c.red('✗ the policies evaluated here would reject it'));
  printGovernance(io, v.governance, passed ? io.out : io.err, { locate: product.locate });
}

function annotations(v: Validation): Annotation[] {
  const { preview, product } = v;
  const out = [...problemAnnotations(product, v.problems), ...governanceAnnotations(product, v.governance)];
  if (preview.status === 'rejected') {
    const body = (preview.error.body ?? {}) as { details?: IssueView[] };
    const rest = (body.details ?? []).filter((d) => d.stage !== 'governance' || !v.governance);
    out.push(...issueAnnotations(product, rest.length || v.governance ? rest : [{ message: preview.error.message }]));
  }
  if (preview.status === 'unreachable') out.push({ level: 'error', title: 'registry', message: preview.error.message });
  return out;
}

export function printValidation(io: CliIO, v: Validation, options: ValidateOptions): void {
  if (options.json) return printJsonDocument(io, v);
  printHuman(io, v);
  if (options.ci) for (const a of annotations(v)) (io.annotate ?? io.out)(formatAnnotation(a));
}
