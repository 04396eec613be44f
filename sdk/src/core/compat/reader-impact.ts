import type { ValidateFunction } from 'ajv';
import { compileInternalSchema } from '../contract/compile.js';
import { internalValidator, validatorFor } from './ajv-pool.js';
import type { ChangeCode } from './codes.js';
import { Cmp, quotedMessage, type Issue, type Seg } from './context.js';
import { buildCounterexample } from './counterexample.js';
import { declaresField, fieldSegments } from './field-paths.js';
import { contractDoc, type Doc, type Schema } from './nodes.js';
import { pathTrie, project, type PathTrie } from './project.js';
import { standaloneSchema } from './standalone.js';
import { subset } from './subset.js';

/** What a change of contract means for a consumer that reads one field. */
export interface ReaderImpact {
  /** The field path as given: dotted JSON property names, array items add no segment (`lines.sku`). */
  path: string;
  /** A record valid under the proposed contract can present this field in a way the current one did not allow. */
  breaks: boolean;
  /** When it breaks: a CHANGE_CODES code (`PROPERTY_REMOVED`, `REQUIRED_REMOVED`, `TYPE_WIDENED`, …). */
  code?: ChangeCode;
  message?: string;
  /**
   * A whole record, valid under the proposed contract and rejected by the
   * current one, whose value at this field the current contract never allowed
   * (both checked by the validators).
   */
  counterexample?: unknown;
  /** False when the verdict is cautious (no record confirmed it; see DIFFERENCES.md). */
  exact: boolean;
  /** Whether the current contract declares the field at all (a misspelt read path is not declared). */
  declared: boolean;
  /**
   * The current contract declares the field and the proposed one does not. Its readers lose it even when no
   * record shows a value the current contract rejects (an optional field of a closed object: always absent now).
   */
  removed: boolean;
}

interface Context {
  cur: Doc;
  next: Doc;
  validProposed: ValidateFunction;
  validCurrent: ValidateFunction;
  /** Every read path, for the constraints between read fields that projections keep. */
  all: PathTrie;
  /** What FORWARD finds between the whole contracts (nothing: no reader can break). */
  forward: Issue[];
}

/** The comparison of the two projections onto one read path. */
interface PathComparison {
  issues: Issue[];
  inexact: Seg[][];
  /** Validator of the current contract's projection; undefined when it cannot be compiled. */
  validReader?: ValidateFunction;
}

/**
 * Consumer-aware impact: for each read field path, whether a record valid
 * under `proposed` can present the field in a way `current` did not allow
 * (removed, no longer required where it was required, its type or value set
 * widened or changed). That is FORWARD compatibility (current as reader)
 * restricted to the read fields: both contracts are projected onto the
 * paths (project.ts) and the proposed projection must be a subset of the
 * current one. Whatever the port's publishing mode. Contracts may be in any
 * accepted draft; throws ContractCompileError for an invalid one.
 */
export function readerImpact(current: unknown, proposed: unknown, readPaths: string[]): ReaderImpact[] {
  const paths = [...new Set(readPaths)];
  const cur = contractDoc(current);
  const next = contractDoc(proposed);
  const ctx: Context = {
    cur,
    next,
    validProposed: validatorFor(proposed),
    validCurrent: validatorFor(current),
    all: pathTrie(paths.map(fieldSegments)),
    forward: subset(next.root, cur.root, new Cmp('widen', 'proposed', 'current')),
  };
  return paths.map((path) => {
    const verdict = judge(ctx, path);
    return { ...verdict, removed: verdict.declared && !declaresField(next.root, path) };
  });
}

/** Both contracts projected onto one read path (keeping constraints with other read fields) and compared. */
function compareProjections(ctx: Context, path: string): PathComparison {
  const trie = pathTrie([fieldSegments(path)]);
  const inexact: Seg[][] = [];
  const current = project(ctx.cur.root, trie, { side: 'reader', inexact, active: new Set(), coupled: ctx.all });
  const proposed = project(ctx.next.root, trie, { side: 'writer', inexact: [], active: new Set(), coupled: ctx.all });
  const issues = subset(proposed, current, new Cmp('widen', 'proposed', 'current'));
  return { issues, inexact, validReader: issues.length ? readerValidator(current, ctx.cur) : undefined };
}

function readerValidator(projection: Schema, doc: Doc): ValidateFunction | undefined {
  try {
    if (typeof projection === 'boolean') return internalValidator(projection ? {} : { not: {} });
    return compileInternalSchema(standaloneSchema(projection, doc));
  } catch {
    return undefined;
  }
}

const names = (ip: Seg[]) => ip.filter((s): s is string => typeof s === 'string');
const isPrefix = (a: string[], b: string[]) => a.length <= b.length && a.every((s, i) => s === b[i]);

function judge(ctx: Context, path: string): Omit<ReaderImpact, 'removed'> {
  const segs = fieldSegments(path);
  const declared = declaresField(ctx.cur.root, path);
  if (ctx.forward.length === 0) return { path, breaks: false, exact: true, declared };
  const cmp = compareProjections(ctx, path);
  if (cmp.issues.length > 0) return breaking(ctx, cmp, path, declared, closest(cmp.issues, segs));
  const mark = cmp.inexact.find((m) => isPrefix(names(m), segs));
  if (mark && ctx.forward.some((f) => isPrefix(names(mark), names(f.ip)))) {
    return {
      path,
      breaks: true,
      code: 'UNSUPPORTED_KEYWORD',
      message: `readers of \`${path}\`: the current contract constrains it together with other fields in a way the impact check cannot project exactly (at ${names(mark).join('.') || 'the record'}), and the proposed contract changes there; treated as breaking`,
      exact: false,
      declared,
    };
  }
  return { path, breaks: false, exact: true, declared };
}

/** The finding nearest the read field itself (the field before its parents, the parents before the record). */
function closest(found: Issue[], segs: string[]): Issue {
  return found.reduce((best, i) =>
    Math.abs(names(i.ip).length - segs.length) < Math.abs(names(best.ip).length - segs.length) ? i : best,
  );
}

function breaking(
  ctx: Context,
  cmp: PathComparison,
  path: string,
  declared: boolean,
  issue: Issue,
): Omit<ReaderImpact, 'removed'> {
  const cx = cmp.validReader && confirmed(ctx, cmp.validReader, issue);
  const removed = declared && !declaresField(ctx.next.root, path);
  const message = removed
    ? `readers of \`${path}\`: the proposed contract no longer declares \`${path}\`; ${issue.message}`
    : `readers of \`${path}\`: ${cx === undefined ? issue.message : quotedMessage(issue, cx)}`;
  return {
    path,
    breaks: true,
    code: removed ? 'PROPERTY_REMOVED' : issue.code,
    message,
    ...(cx !== undefined && { counterexample: cx }),
    exact: cx !== undefined,
    declared,
  };
}

/** A record valid under the proposed contract, outside the reader's projection, and rejected by the current contract. */
function confirmed(ctx: Context, validReader: ValidateFunction, issue: Issue): unknown {
  const cx = buildCounterexample(issue, ctx.next.root, ctx.validProposed, validReader);
  return cx !== undefined && ctx.validCurrent(cx) !== true ? cx : undefined;
}
