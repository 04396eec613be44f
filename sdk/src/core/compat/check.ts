import type { ValidateFunction } from 'ajv';
import { diffAnnotations } from './annotations.js';
import { validatorFor } from './ajv-pool.js';
import { Cmp, fieldName, quotedMessage, type Dir, type Issue } from './context.js';
import { buildCounterexample } from './counterexample.js';
import { contractDoc, type Doc } from './nodes.js';
import { subset } from './subset.js';
import {
  COMPATIBILITY_MODES,
  isCompatibilityMode,
  modePromises,
  type CompatibilityChange,
  type CompatibilityMode,
  type CompatibilityOptions,
  type CompatibilityReport,
  type RequiredBump,
} from './types.js';

/** One version in a comparison: its internal form, its own validator and its label. */
interface Side {
  doc: Doc;
  validate: ValidateFunction;
  label: string;
}

/** What comparing against the versions found: the changes, and whether the latest version is narrowed or changed at all. */
interface Findings {
  changes: CompatibilityChange[];
  narrowsLatest: boolean;
  semantic: boolean;
}

/**
 * Checks `next` against `previous` under a Confluent-style mode. `previous` is
 * one schema or, for _TRANSITIVE modes, the earlier versions oldest first;
 * non-transitive modes compare against the last one only. Each version may be
 * written in any accepted draft; all are compared in one internal form.
 * Throws ContractCompileError when a schema is not a valid contract.
 */
export function checkCompatibility(
  previous: unknown,
  next: unknown,
  mode: CompatibilityMode = 'BACKWARD',
  options: CompatibilityOptions = {},
): CompatibilityReport {
  if (!isCompatibilityMode(mode))
    throw new TypeError(`unknown compatibility mode "${String(mode)}"; use one of ${COMPATIBILITY_MODES.join(', ')}`);
  const list = Array.isArray(previous) ? previous : [previous];
  if (list.length === 0) return { compatible: true, mode, requiredBump: 'none', changes: [] };
  const nextSide = side(next, options.labels?.next ?? 'next');
  const prevSides = list.map((s, i) =>
    side(s, options.labels?.previous?.[i] ?? (list.length === 1 ? 'previous' : `previous[${i}]`)),
  );
  const found = compareVersions(prevSides, nextSide, mode, options.verify !== false);
  const latest = prevSides[prevSides.length - 1];
  const docs = diffAnnotations(latest.doc.root, nextSide.doc.root).map((d) => ({
    ...d,
    breaking: false,
    against: latest.label,
  }));
  const all = dedupe([...found.changes, ...docs]);
  const compatible = !all.some((c) => c.breaking);
  return { compatible, mode, requiredBump: bump(all, compatible, mode, found), changes: all };
}

function side(schema: unknown, label: string): Side {
  return { validate: validatorFor(schema), doc: contractDoc(schema), label };
}

/**
 * Both directions against the latest version (the non-binding one still
 * reports what loosened) and, under a transitive mode, the promised
 * directions against every earlier one.
 */
function compareVersions(prevs: Side[], next: Side, mode: CompatibilityMode, verify: boolean): Findings {
  const promise = modePromises(mode);
  const last = prevs.length - 1;
  const found: Findings = { changes: [], narrowsLatest: false, semantic: false };
  prevs.forEach((prev, i) => {
    if (i !== last && !promise.transitive) return;
    for (const dir of ['narrow', 'widen'] as const) {
      const binding = dir === 'narrow' ? promise.backward : promise.forward;
      if (!binding && i !== last) continue;
      const issues = compareOne(prev, next, dir);
      if (i === last && issues.length) {
        found.semantic = true;
        if (dir === 'narrow') found.narrowsLatest = true;
      }
      for (const issue of issues) found.changes.push(toChange(issue, prev, next, binding ? true : mode, verify));
    }
  });
  return found;
}

/** narrow: every record of previous must be valid under next; widen: the reverse. */
function compareOne(prev: Side, next: Side, dir: Dir): Issue[] {
  return dir === 'narrow'
    ? subset(prev.doc.root, next.doc.root, new Cmp('narrow', prev.label, next.label))
    : subset(next.doc.root, prev.doc.root, new Cmp('widen', next.label, prev.label));
}

/**
 * A change as reported. A breaking one carries a counterexample that the
 * contracts' own validators confirm, and its sentence quotes that record's
 * value; no other sentence quotes a record.
 */
/**
 * `promise`: true when the mode promises this direction (the change breaks),
 * else the mode, which a compatible change's sentence names instead of
 * reading like an error.
 */
function toChange(
  issue: Issue,
  prev: Side,
  next: Side,
  promise: true | CompatibilityMode,
  verify: boolean,
): CompatibilityChange {
  const breaking = promise === true;
  const change: CompatibilityChange = {
    code: issue.code,
    path: issue.path,
    message: breaking ? issue.message : allowedSentence(issue, promise as CompatibilityMode),
    breaking,
    against: prev.label,
  };
  if (!verify || !breaking) return change;
  const [a, b] = issue.dir === 'narrow' ? [prev, next] : [next, prev];
  const cx = buildCounterexample(issue, a.doc.root, a.validate, b.validate);
  if (cx === undefined) return change;
  change.message = quotedMessage(issue, cx);
  return Object.assign(change, { counterexample: cx, validUnder: issue.dir === 'narrow' ? 'previous' : 'next' });
}

/** What a change the mode allows does, and who would notice it: said as a note, not as an error. */
function allowedSentence(issue: Issue, mode: CompatibilityMode): string {
  const notice =
    issue.dir === 'widen'
      ? `readers still on ${issue.bLabel} may reject some records written under ${issue.aLabel}`
      : `some records from ${issue.aLabel} may not validate under ${issue.bLabel}`;
  return `${fieldName(issue.ip)}: ${issue.what} (allowed under ${mode}: ${notice})`;
}

/**
 * major: something breaks under the mode. Under NONE nothing breaks, but a
 * change that would break BACKWARD against the latest version (old records
 * rejected) is still reported as `major`: the bump describes the change, the
 * mode only decides whether it is allowed.
 */
function bump(changes: CompatibilityChange[], compatible: boolean, mode: CompatibilityMode, f: Findings): RequiredBump {
  if (!compatible) return 'major';
  if (mode === 'NONE' && f.narrowsLatest) return 'major';
  if (f.semantic) return 'minor';
  return changes.length ? 'patch' : 'none';
}

/** One entry per (code, path, version checked); a breaking finding wins over the same one that is not. */
function dedupe(changes: CompatibilityChange[]): CompatibilityChange[] {
  const byKey = new Map<string, CompatibilityChange>();
  for (const c of changes) {
    const key = `${c.code}|${c.path}|${c.against}`;
    const seen = byKey.get(key);
    if (
      !seen ||
      (c.breaking && !seen.breaking) ||
      (c.breaking === seen.breaking && c.counterexample !== undefined && seen.counterexample === undefined)
    )
      byKey.set(key, c);
  }
  return [...byKey.values()].sort((a, b) => Number(b.breaking) - Number(a.breaking));
}
