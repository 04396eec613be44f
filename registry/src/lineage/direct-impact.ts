import semver from 'semver';
import type { CompatibilityChange, ReaderImpact } from '@dmesh/sdk';
import type { Owner, ReaderBreak, UnaffectedConsumer } from '../common/impact.types.js';
import { consumerIdOf } from './external/external-view.js';
import { hasExpired } from './external/resolve-read.js';
import { fieldOfPath } from './field-of-path.js';
import type { Reached } from './impact-propagation.js';
import type { ConsumerRow } from './operations/consumers-of-ports.js';
import type { ExternalReadRow } from './operations/external-reads.js';

/** A direct consumer of the port: a product's input (per major line), or a consumer outside the mesh. */
export interface DirectReader {
  id: string;
  versionRange: string;
  resolvedVersion?: string;
  /** The port's fields it reads; empty when it declares none. */
  fieldsRead: string[];
  /** Outside the mesh: its kind and owner, and whether its registration has lapsed. */
  kind?: string;
  owner?: Owner;
  expired?: string;
}

export const productReader = (c: ConsumerRow): DirectReader => ({
  id: c.product_id,
  versionRange: c.version_range,
  ...(c.resolved_version && { resolvedVersion: c.resolved_version }),
  fieldsRead: c.fields_read,
});

export const externalReader = (r: ExternalReadRow, today: string): DirectReader => ({
  id: consumerIdOf(r),
  versionRange: r.version_range,
  fieldsRead: r.fields,
  kind: r.kind,
  owner: { team: r.owner_team, email: r.owner_email },
  ...(hasExpired(r.expires, today) && { expired: r.expires! }),
});

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
 * anything, so any FORWARD-breaking change breaks it. Consumers outside the
 * mesh are judged alike (their registered fields stand for field lineage),
 * and not at all once their registration has lapsed.
 */
export function judgeDirectConsumers(
  readers: DirectReader[],
  findings: ReaderFindings,
  port: string,
  proposedVersion: string,
): DirectVerdict {
  const verdict: DirectVerdict = { affected: [], unaffected: [], brokenReads: new Map() };
  const byField = new Map(findings.readers.map((r) => [r.path, r]));
  for (const c of readers) {
    const unaffected = (reason: UnaffectedConsumer['reason'], message: string) =>
      verdict.unaffected.push({ product: c.id, versionRange: c.versionRange, reason, message });
    if (c.expired) {
      unaffected('REGISTRATION_EXPIRED', `${c.id} registered its read of ${port} until ${c.expired}`);
      continue;
    }
    if (!admits(c.versionRange, proposedVersion)) {
      unaffected(
        'RANGE_EXCLUDES_VERSION',
        `${c.id} pins ${port} ${c.versionRange}, which does not admit ${proposedVersion}`,
      );
      continue;
    }
    if (c.fieldsRead.length === 0) {
      if (!findings.forward.length)
        unaffected(
          'FORWARD_COMPATIBLE',
          `${c.id} reads ${port} without field lineage; every record of the proposed contract is valid under the current one`,
        );
      else verdict.affected.push(reached(c, [port], findings.forward.map(changeBreak), false));
      continue;
    }
    const broken = c.fieldsRead.map((f) => byField.get(f)).filter((r): r is ReaderImpact => breaks(r));
    if (!broken.length) {
      unaffected(
        'DOES_NOT_READ_FIELD',
        `${c.id} reads ${c.fieldsRead.join(', ')} of ${port}; none of them changes in a way it did not allow`,
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
    verdict.brokenReads.set(c.id, [
      ...new Set([...(verdict.brokenReads.get(c.id) ?? []), ...broken.map((r) => r.path)]),
    ]);
  }
  return { ...verdict, affected: merged(verdict.affected), unaffected: settled(verdict) };
}

function reached(c: DirectReader, reads: string[], breaks: ReaderBreak[], fieldLineage: boolean): Reached {
  return {
    product: c.id,
    ...(c.kind && { kind: c.kind }),
    ...(c.owner && { owner: c.owner }),
    depth: 1,
    certain: true,
    fieldLineage,
    versionRange: c.versionRange,
    ...(c.resolvedVersion && { resolvedVersion: c.resolvedVersion }),
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
