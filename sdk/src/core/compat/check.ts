import { diffAnnotations } from './annotations.js';
import { Cmp, type Issue } from './context.js';
import { buildCounterexample } from './counterexample.js';
import { adopt, type Doc } from './nodes.js';
import { validatorFor } from './ajv-pool.js';
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

interface Side {
  raw: unknown;
  doc: Doc;
  label: string;
}

/**
 * Checks `next` against `previous` under a Confluent-style mode. `previous` is
 * one schema or, for _TRANSITIVE modes, the earlier versions oldest first;
 * non-transitive modes compare against the last one only.
 * Throws ContractCompileError when a schema is not valid JSON Schema.
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
  const nextLabel = options.labels?.next ?? 'next';
  const labels = list.map(
    (_, i) => options.labels?.previous?.[i] ?? (list.length === 1 ? 'previous' : `previous[${i}]`),
  );
  const nextCompiled = { validate: validatorFor(next) };
  const prevCompiled = list.map((s) => ({ validate: validatorFor(s) }));
  const nextDoc = adopt(next, nextLabel, 'next');
  const promise = modePromises(mode);
  const last = list.length - 1;
  const changes: CompatibilityChange[] = [];
  let narrowsLatest = false;
  let semantic = false;
  for (let i = 0; i <= last; i++) {
    const promised = promise.transitive || i === last;
    if (i !== last && !promised) continue;
    const prev: Side = { raw: list[i], doc: adopt(list[i], labels[i], 'previous'), label: labels[i] };
    for (const dir of ['narrow', 'widen'] as const) {
      const binding = promised && (dir === 'narrow' ? promise.backward : promise.forward);
      if (!binding && i !== last) continue;
      const issues =
        dir === 'narrow'
          ? subset(prev.doc.root, nextDoc.root, new Cmp('narrow', prev.label, nextLabel))
          : subset(nextDoc.root, prev.doc.root, new Cmp('widen', nextLabel, prev.label));
      if (i === last && issues.length) {
        semantic = true;
        if (dir === 'narrow') narrowsLatest = true;
      }
      for (const issue of issues) {
        const change = toChange(issue, binding, prev.label);
        if (binding && options.verify !== false) {
          const [aRoot, validA, validB] =
            dir === 'narrow'
              ? [prev.doc.root, prevCompiled[i].validate, nextCompiled.validate]
              : [nextDoc.root, nextCompiled.validate, prevCompiled[i].validate];
          const cx = buildCounterexample(issue, aRoot, validA, validB);
          if (cx !== undefined)
            Object.assign(change, { counterexample: cx, validUnder: dir === 'narrow' ? 'previous' : 'next' });
        }
        changes.push(change);
      }
    }
  }
  const prevLast = adopt(list[last], labels[last], 'previous');
  const docs = diffAnnotations(prevLast.root, nextDoc.root).map((d) => ({
    ...d,
    breaking: false,
    against: labels[last],
  }));
  const all = dedupe([...changes, ...docs]);
  const compatible = !all.some((c) => c.breaking);
  return { compatible, mode, requiredBump: bump(all, compatible, mode, narrowsLatest, semantic), changes: all };
}

function toChange(issue: Issue, breaking: boolean, against: string): CompatibilityChange {
  return { code: issue.code, path: issue.path, message: issue.message, breaking, against };
}

/**
 * major: something breaks under the mode. Under NONE nothing breaks, but a
 * change that would break BACKWARD against the latest version (old records
 * rejected) is still reported as `major`: the bump describes the change, the
 * mode only decides whether it is allowed.
 */
function bump(
  changes: CompatibilityChange[],
  compatible: boolean,
  mode: CompatibilityMode,
  narrows: boolean,
  semantic: boolean,
): RequiredBump {
  if (!compatible) return 'major';
  if (mode === 'NONE' && narrows) return 'major';
  if (semantic) return 'minor';
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
