import semver from 'semver';
import { canonicalJson } from '../contract/canonical.js';
import type { DataProduct, OutputPort } from './types.js';

export type Bump = 'major' | 'minor' | 'patch' | 'none';
const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function maxBump(...bumps: Bump[]): Bump {
  return bumps.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'none');
}

export interface DescriptorChange {
  bump: Exclude<Bump, 'none'>;
  code: string;
  path: string;
  message: string;
}

const CLASSIFICATION = ['public', 'internal', 'confidential', 'restricted'];

/** ISO-8601 duration in seconds (months as 30 days, years as 365), for comparing freshness promises. */
export function durationSeconds(text: string): number {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    text,
  );
  if (!m) return NaN;
  const [y, mo, w, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
  return (((y * 365 + mo * 30 + w * 7 + d) * 24 + h) * 60 + mi) * 60 + s;
}

function slaChanges(prev: OutputPort, next: OutputPort, at: string): DescriptorChange[] {
  const out: DescriptorChange[] = [];
  const a = prev.sla ?? {};
  const b = next.sla ?? {};
  const compare = (
    key: 'availability' | 'completeness' | 'freshness',
    looser: (x: number, y: number) => boolean,
    value: (v: unknown) => number,
  ) => {
    const x = a[key];
    const y = b[key];
    if (x === undefined && y === undefined) return;
    if (y === undefined)
      return out.push({
        bump: 'major',
        code: 'SLA_REMOVED',
        path: `${at}/sla/${key}`,
        message: `port "${next.name}" no longer promises ${key} (was ${String(x)})`,
      });
    if (x === undefined)
      return out.push({
        bump: 'minor',
        code: 'SLA_ADDED',
        path: `${at}/sla/${key}`,
        message: `port "${next.name}" now promises ${key} ${String(y)}`,
      });
    if (value(x) === value(y)) return;
    if (looser(value(x), value(y)))
      out.push({
        bump: 'major',
        code: 'SLA_LOWERED',
        path: `${at}/sla/${key}`,
        message: `port "${next.name}" lowers its ${key} promise from ${String(x)} to ${String(y)}`,
      });
    else
      out.push({
        bump: 'minor',
        code: 'SLA_TIGHTENED',
        path: `${at}/sla/${key}`,
        message: `port "${next.name}" tightens its ${key} promise from ${String(x)} to ${String(y)}`,
      });
  };
  compare('availability', (x, y) => y < x, Number);
  compare('completeness', (x, y) => y < x, Number);
  compare(
    'freshness',
    (x, y) => y > x,
    (v) => durationSeconds(String(v)),
  );
  return out;
}

function portChanges(prev: OutputPort, next: OutputPort, at: string): DescriptorChange[] {
  const out: DescriptorChange[] = [];
  for (const key of ['kind', 'format', 'location'] as const) {
    if (prev[key] !== next[key])
      out.push({
        bump: 'major',
        code: `PORT_${key.toUpperCase()}_CHANGED`,
        path: `${at}/${key}`,
        message: `port "${next.name}" changes its ${key} from ${prev[key]} to ${next[key]}; consumers read the old one`,
      });
  }
  out.push(...slaChanges(prev, next, at));
  const rules = (p: OutputPort) => new Set((p.quality ?? []).map((r) => canonicalJson(r)));
  const before = rules(prev);
  const after = rules(next);
  if ([...after].some((r) => !before.has(r)))
    out.push({
      bump: 'minor',
      code: 'QUALITY_RULE_ADDED',
      path: `${at}/quality`,
      message: `port "${next.name}" adds quality rules`,
    });
  // Dropping a rule withdraws a promise consumers may rely on.
  if ([...before].some((r) => !after.has(r)))
    out.push({
      bump: 'major',
      code: 'QUALITY_RULE_REMOVED',
      path: `${at}/quality`,
      message: `port "${next.name}" drops quality rules it promised`,
    });
  if (canonicalJson(prev.lineage ?? {}) !== canonicalJson(next.lineage ?? {}))
    out.push({
      bump: 'minor',
      code: 'LINEAGE_CHANGED',
      path: `${at}/lineage`,
      message: `port "${next.name}" changes its field lineage`,
    });
  if ((prev.compatibility ?? 'BACKWARD') !== (next.compatibility ?? 'BACKWARD'))
    out.push({
      bump: 'minor',
      code: 'COMPATIBILITY_MODE_CHANGED',
      path: `${at}/compatibility`,
      message: `port "${next.name}" changes its compatibility mode to ${next.compatibility ?? 'BACKWARD'}`,
    });
  return out;
}

/**
 * The descriptor's share of the required bump (ARCHITECTURE.md "Versions"):
 * contracts are judged separately by checkCompatibility, per port.
 */
export function descriptorChanges(prev: DataProduct, next: DataProduct): DescriptorChange[] {
  const out: DescriptorChange[] = [];
  const prevPorts = new Map(prev.spec.outputs.map((p) => [p.name, p]));
  next.spec.outputs.forEach((port, i) => {
    const before = prevPorts.get(port.name);
    if (!before)
      out.push({
        bump: 'minor',
        code: 'PORT_ADDED',
        path: `/spec/outputs/${i}`,
        message: `adds output port "${port.name}"`,
      });
    else out.push(...portChanges(before, port, `/spec/outputs/${i}`));
  });
  for (const name of prevPorts.keys()) {
    if (!next.spec.outputs.some((p) => p.name === name))
      out.push({
        bump: 'major',
        code: 'PORT_REMOVED',
        path: '/spec/outputs',
        message: `removes (or renames) output port "${name}"; its consumers lose it`,
      });
  }
  const rank = (c?: string) => CLASSIFICATION.indexOf(c ?? 'internal');
  if (rank(next.metadata.classification) > rank(prev.metadata.classification)) {
    out.push({
      bump: 'major',
      code: 'CLASSIFICATION_RAISED',
      path: '/metadata/classification',
      message: `classification rises from ${prev.metadata.classification ?? 'internal'} to ${next.metadata.classification}; some consumers may no longer read it`,
    });
  } else if (rank(next.metadata.classification) < rank(prev.metadata.classification)) {
    out.push({
      bump: 'minor',
      code: 'CLASSIFICATION_LOWERED',
      path: '/metadata/classification',
      message: `classification falls to ${next.metadata.classification}`,
    });
  }
  if (canonicalJson(prev.spec.inputs ?? []) !== canonicalJson(next.spec.inputs ?? []))
    out.push({ bump: 'minor', code: 'INPUTS_CHANGED', path: '/spec/inputs', message: 'changes its inputs' });
  const docs = (d: DataProduct) => canonicalJson({ ...d.metadata, version: undefined });
  if (docs(prev) !== docs(next))
    out.push({
      bump: 'patch',
      code: 'METADATA_CHANGED',
      path: '/metadata',
      message: 'changes title, description, tags, owner or tier',
    });
  return out;
}

/** The bump actually taken between two versions. In 0.x, semver lets a minor bump carry breaking changes. */
export function actualBump(from: string, to: string): { bump: Bump; breakingAllowed: boolean } {
  const a = semver.parse(from)!;
  const b = semver.parse(to)!;
  const bump: Bump =
    b.major !== a.major ? 'major' : b.minor !== a.minor ? 'minor' : b.patch !== a.patch ? 'patch' : 'none';
  return { bump, breakingAllowed: bump === 'major' || (a.major === 0 && b.major === 0 && bump === 'minor') };
}

export type BumpVerdict = { ok: true; warning?: string } | { ok: false; message: string; fix: string };

/** A breaking change needs a new major version; more bump than needed is allowed with a warning. */
export function judgeBump(required: Bump, from: string, to: string): BumpVerdict {
  const { bump, breakingAllowed } = actualBump(from, to);
  if (required === 'major' && !breakingAllowed) {
    const next =
      semver.major(from) === 0
        ? `0.${semver.minor(from) + 1}.0 or ${semver.major(from) + 1}.0.0`
        : `${semver.major(from) + 1}.0.0`;
    return {
      ok: false,
      message: `${to} carries breaking changes against ${from}, which need a new major version`,
      fix: `publish ${next}, or undo the breaking changes listed`,
    };
  }
  if (RANK[bump] > RANK[required] && !(required === 'major' && breakingAllowed)) {
    return {
      ok: true,
      warning: `${to} is a ${bump} bump from ${from}; the changes need only ${required === 'none' ? 'no new version' : `a ${required} bump`}`,
    };
  }
  if (RANK[bump] < RANK[required]) {
    return {
      ok: true,
      warning: `${to} is a ${bump} bump from ${from}, but the changes are ${required}-level; consider ${semver.inc(from, required as semver.ReleaseType)}`,
    };
  }
  return { ok: true };
}
