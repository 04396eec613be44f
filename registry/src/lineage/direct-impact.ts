import semver from 'semver';
import type { CompatibilityChange, ReaderImpact } from '@dmesh/sdk';
import type { ReaderBreak, UnaffectedConsumer } from '../common/impact.types.js';
import { fieldOfPath } from './field-of-path.js';
import type { Reached } from './impact-propagation.js';
import type { ConsumerRow } from './operations/consumers-of-ports.js';

/** What the CPU worker found between the current and the proposed contract of a port (cpu-tasks.ts readerImpact). */
export interface ReaderFindings {
  /** FORWARD-breaking changes: what a consumer without field lineage may meet. */
  forward: CompatibilityChange[];
  /** Per field some consumer reads through field lineage: whether it breaks, why, and a record that shows it. */
  readers: ReaderImpact[];
}

export interface DirectVerdict {
  affected: Reached[];
  unaffected: UnaffectedConsumer[];
  /** Per affected consumer with field lineage: the fields it reads that break (the transitive walk starts there). */
  brokenReads: Map<string, string[]>;
}

/**
 * The direct consumers of `port` a proposed contract breaks, judged from the
 * consumer's side whatever the port's publishing mode. A consumer whose range
 * does not admit the proposed version is not affected. One that reads field
 * `f` (field lineage) breaks when a record valid under the proposed contract
 * can present `f` in a way the current contract did not allow — removed, no
 * longer required, widened or retyped (the SDK's readerImpact: FORWARD
 * restricted to the fields read). One without field lineage may read
 * anything, so any FORWARD-breaking change breaks it.
 */
export function judgeDirectConsumers(
  rows: ConsumerRow[],
  findings: ReaderFindings,
  port: string,
  proposedVersion: string,
): DirectVerdict {
  const verdict: DirectVerdict = { affected: [], unaffected: [], brokenReads: new Map() };
  const byField = new Map(findings.readers.map((r) => [r.path, r]));
  for (const c of rows) {
    const unaffected = (reason: UnaffectedConsumer['reason'], message: string) =>
      verdict.unaffected.push({ product: c.product_id, versionRange: c.version_range, reason, message });
    if (!admits(c.version_range, proposedVersion)) {
      unaffected(
        'RANGE_EXCLUDES_VERSION',
        `${c.product_id} pins ${port} ${c.version_range}, which does not admit ${proposedVersion}`,
      );
      continue;
    }
    if (c.fields_read.length === 0) {
      if (!findings.forward.length)
        unaffected(
          'FORWARD_COMPATIBLE',
          `${c.product_id} reads ${port} without field lineage; every record of the proposed contract is valid under the current one`,
        );
      else verdict.affected.push(reached(c, [port], findings.forward.map(changeBreak), false));
      continue;
    }
    const broken = c.fields_read.map((f) => byField.get(f)).filter((r): r is ReaderImpact => breaks(r));
    if (!broken.length) {
      unaffected(
        'DOES_NOT_READ_FIELD',
        `${c.product_id} reads ${c.fields_read.join(', ')} of ${port}; none of them changes in a way it did not allow`,
      );
      continue;
    }
    verdict.affected.push(
      reached(
        c,
        broken.map((r) => `${port}#${r.path}`),
        broken.map(readerBreak),
        true,
      ),
    );
    verdict.brokenReads.set(c.product_id, [
      ...new Set([...(verdict.brokenReads.get(c.product_id) ?? []), ...broken.map((r) => r.path)]),
    ]);
  }
  return { ...verdict, affected: merged(verdict.affected), unaffected: settled(verdict) };
}

function reached(c: ConsumerRow, reads: string[], breaks: ReaderBreak[], fieldLineage: boolean): Reached {
  return {
    product: c.product_id,
    depth: 1,
    certain: true,
    fieldLineage,
    versionRange: c.version_range,
    ...(c.resolved_version && { resolvedVersion: c.resolved_version }),
    reads,
    fields: [],
    changes: [...new Set(breaks.map((b) => b.code))],
    breaks,
  };
}

/**
 * A read field breaks when the proposed contract can present it in a way the current one did not allow, or when it
 * no longer declares it at all: an optional field of a closed object shows no new value (it is only ever absent
 * now), yet whoever reads it loses it — the producer must know who to talk to.
 */
const breaks = (r: ReaderImpact | undefined): boolean => r !== undefined && (r.breaks || r.removed);

export function readerBreak(r: ReaderImpact): ReaderBreak {
  if (!r.breaks)
    return {
      field: r.path,
      code: 'PROPERTY_REMOVED',
      message: `readers of \`${r.path}\`: the proposed contract no longer declares \`${r.path}\`; no record carries it any more`,
      exact: true,
    };
  return {
    field: r.path,
    code: r.code ?? 'UNSUPPORTED_KEYWORD',
    message: r.message ?? `readers of \`${r.path}\` break`,
    ...(r.counterexample !== undefined && { counterexample: r.counterexample }),
    exact: r.exact,
  };
}

function changeBreak(c: CompatibilityChange): ReaderBreak {
  const field = fieldOfPath(c.path);
  return {
    ...(field && { field }),
    code: c.code,
    message: c.message,
    ...(c.counterexample !== undefined && { counterexample: c.counterexample }),
    exact: c.counterexample !== undefined,
  };
}

/** A consumer reading the port from two live major lines is one consumer: its reads and breaks together. */
function merged(all: Reached[]): Reached[] {
  const byProduct = new Map<string, Reached>();
  for (const r of all) {
    const seen = byProduct.get(r.product);
    if (!seen) byProduct.set(r.product, r);
    else {
      seen.reads = [...new Set([...seen.reads, ...r.reads])];
      seen.changes = [...new Set([...seen.changes, ...r.changes])];
      seen.breaks = [
        ...seen.breaks,
        ...r.breaks.filter((b) => !seen.breaks.some((s) => s.field === b.field && s.code === b.code)),
      ];
      seen.fieldLineage ||= r.fieldLineage;
    }
  }
  return [...byProduct.values()];
}

/** Unaffected once: not when another of its major lines is affected. */
function settled(v: DirectVerdict): UnaffectedConsumer[] {
  const affected = new Set(v.affected.map((a) => a.product));
  return v.unaffected.filter(
    (u, i, all) => !affected.has(u.product) && all.findIndex((w) => w.product === u.product) === i,
  );
}

function admits(range: string, version: string): boolean {
  try {
    return semver.satisfies(version, range, { includePrerelease: true });
  } catch {
    return true; // an unreadable range cannot protect its consumer
  }
}
