import type { ChangeCode } from './codes.js';
import { escapePointer, type Schema } from './nodes.js';

/** `narrow`: a = previous, b = next (a failure rejects old records); `widen`: a = next, b = previous. */
export type Dir = 'narrow' | 'widen';
export type Seg = string | number;

/** A reason why some instance of `a` may be invalid under `b`, found at one place of the schemas. */
export interface Issue {
  code: ChangeCode;
  path: string;
  /** The sentence without any quoted record (check.ts quotes one only once the validator confirmed it). */
  message: string;
  /** What changed, for re-wording the sentence around a confirmed record. */
  what: string;
  aLabel: string;
  bLabel: string;
  dir: Dir;
  /** Where in the instance the offending value sits. */
  ip: Seg[];
  /** Values (for that position) believed valid under a and invalid under b: counterexample seeds. */
  samples: unknown[];
  /** The a-side schema at `ip`, to generate more seeds from. */
  aNode?: Schema;
  /** The seed is "the property at `ip` is missing". */
  absent?: boolean;
}

interface Shared {
  active: Map<string, number>;
  budget: number;
}

export interface ReportOptions {
  samples?: unknown[];
  aNode?: Schema;
  ip?: Seg[];
  absent?: boolean;
}

const LIMIT = 200_000;

/** The comparison state at one place: direction, labels, schema and instance paths. */
export class Cmp {
  readonly out: Issue[] = [];
  /** The a-side schema at this place, to generate counterexample seeds from. */
  aNode?: Schema;

  constructor(
    readonly dir: Dir,
    readonly aLabel: string,
    readonly bLabel: string,
    readonly lp: string = '',
    readonly ip: Seg[] = [],
    readonly shared: Shared = { active: new Map(), budget: LIMIT },
  ) {}

  /** A child comparison (fresh issue list) one step down the schema and possibly the instance. */
  child(lpSeg: string, ipSeg?: Seg): Cmp {
    const ip = ipSeg === undefined ? this.ip : [...this.ip, ipSeg];
    return new Cmp(this.dir, this.aLabel, this.bLabel, this.lp + lpSeg, ip, this.shared);
  }

  /** The comparison the other way round (b ⊆ a), used for `not`. */
  flipped(): Cmp {
    return new Cmp(this.dir === 'narrow' ? 'widen' : 'narrow', this.bLabel, this.aLabel, this.lp, this.ip, this.shared);
  }

  pick(narrow: ChangeCode, widen: ChangeCode): ChangeCode {
    return this.dir === 'narrow' ? narrow : widen;
  }

  /** Orders an (a, b) pair of keyword values as (previous, next). */
  pv<T>(aVal: T, bVal: T): { prev: T; next: T } {
    return this.dir === 'narrow' ? { prev: aVal, next: bVal } : { prev: bVal, next: aVal };
  }

  get field(): string {
    return fieldName(this.ip);
  }

  report(code: ChangeCode, keyword: string, what: string, opts: ReportOptions = {}): Issue {
    const ip = opts.ip ?? this.ip;
    const issue: Issue = {
      code,
      path: keyword ? `${this.lp}/${keyword}` : this.lp || '/',
      message: `${fieldName(ip)}: ${what}; ${consequence(this.dir, this.aLabel, this.bLabel, ip, opts.absent)}`,
      what,
      aLabel: this.aLabel,
      bLabel: this.bLabel,
      dir: this.dir,
      ip,
      samples: opts.samples ?? [],
      ...((opts.aNode ?? this.aNode) !== undefined && { aNode: opts.aNode ?? this.aNode }),
      ...(opts.absent && { absent: true }),
    };
    this.out.push(issue);
    return issue;
  }

  /** Spends one step of the comparison budget; false when the schemas are too large to compare fully. */
  spend(): boolean {
    return --this.shared.budget > 0;
  }
}

export function propSeg(name: string): string {
  return `/properties/${escapePointer(name)}`;
}

export function fieldName(ip: Seg[]): string {
  if (ip.length === 0) return 'the record';
  const text = ip.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  return `\`${text}\``;
}

export function short(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function consequence(
  dir: Dir,
  aLabel: string,
  bLabel: string,
  ip: Seg[],
  absent?: boolean,
  quoted?: { value: unknown },
): string {
  const records = dir === 'narrow' ? `records from ${aLabel}` : `records written under ${aLabel}`;
  if (absent) return `${records} without ${fieldName(ip)} are rejected by ${bLabel}`;
  if (quoted !== undefined) {
    const where = ip.length ? `${fieldName(ip).slice(0, -1)}: ${short(quoted.value)}\`` : short(quoted.value);
    return `${records} with ${where} are rejected by ${bLabel}`;
  }
  return `some ${records} are rejected by ${bLabel}`;
}

/**
 * The issue's sentence quoting `record` (a whole record the validator
 * confirmed: valid under one side, rejected by the other) at the issue's
 * place. Without such a record the sentence quotes none.
 */
export function quotedMessage(issue: Issue, record: unknown): string {
  if (issue.absent) return issue.message;
  const value = valueAt(record, issue.ip);
  if (value === undefined) return issue.message;
  return `${fieldName(issue.ip)}: ${issue.what}; ${consequence(issue.dir, issue.aLabel, issue.bLabel, issue.ip, false, { value })}`;
}

/** The value at an instance path, or undefined when the record has nothing there. */
export function valueAt(record: unknown, ip: Seg[]): unknown {
  let cur: unknown = record;
  for (const seg of ip) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}
