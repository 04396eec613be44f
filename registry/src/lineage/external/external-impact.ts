import type { ExternalReadRow } from '../operations/external-reads.js';
import { consumerIdOf } from './external-view.js';
import { hasExpired, satisfies } from './resolve-read.js';
import type { Propagation, Reached } from '../impact-propagation.js';

/** A broken field of a port (`*`: the record as a whole). */
interface Broken {
  product: string;
  port: string;
  field: string;
}

export interface ExternalStep {
  depth: number;
  proposedVersion: string;
  code: string;
  today: string;
}

/** `a` and `b` touch: the same field, or one nested in the other (`address` and `address.city`). */
export function fieldsTouch(a: string, b: string): boolean {
  return a === '*' || b === '*' || a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/**
 * Consumers outside the mesh that read the broken fields of the frontier. They
 * derive nothing, so the walk ends at them: affected when they read a broken
 * field (or declare no fields), unaffected when their range excludes the
 * proposed version (direct reads only), their registration has lapsed, or they
 * read other fields.
 */
export function visitExternalReaders(
  into: Propagation,
  rows: ExternalReadRow[],
  frontier: Broken[],
  step: ExternalStep,
): void {
  for (const r of rows) {
    const portId = `${r.upstream_product_id}/${r.upstream_port}`;
    const broken = frontier.filter((b) => b.product === r.upstream_product_id && b.port === r.upstream_port);
    if (!broken.length) continue;
    const id = consumerIdOf(r);
    const unaffected = (
      reason: 'RANGE_EXCLUDES_VERSION' | 'DOES_NOT_READ_FIELD' | 'REGISTRATION_EXPIRED',
      message: string,
    ) => {
      if (!into.affected.has(id)) into.unaffected.push({ product: id, versionRange: r.version_range, reason, message });
    };
    if (hasExpired(r.expires, step.today)) {
      unaffected('REGISTRATION_EXPIRED', `${id} registered its read of ${portId} until ${r.expires}`);
      continue;
    }
    if (step.depth === 1 && !satisfies(step.proposedVersion, r.version_range)) {
      unaffected(
        'RANGE_EXCLUDES_VERSION',
        `${id} pins ${portId} ${r.version_range}, which does not admit ${step.proposedVersion}`,
      );
      continue;
    }
    const hit = r.fields.length
      ? r.fields.filter((f) => broken.some((b) => fieldsTouch(f, b.field)))
      : broken.map((b) => b.field);
    if (!hit.length) {
      unaffected(
        'DOES_NOT_READ_FIELD',
        `${id} reads ${r.fields.join(', ')} of ${portId}, not ${broken.map((b) => b.field).join(', ')}`,
      );
      continue;
    }
    record(
      into,
      r,
      id,
      step,
      hit.map((f) => (f === '*' ? portId : `${portId}#${f}`)),
    );
  }
}

function record(into: Propagation, r: ExternalReadRow, id: string, step: ExternalStep, reads: string[]): void {
  into.reached.add(id);
  const existing = into.affected.get(id);
  if (existing) {
    existing.depth = Math.min(existing.depth, step.depth);
    existing.reads = [...new Set([...existing.reads, ...reads])];
    if (!existing.changes.includes(step.code)) existing.changes.push(step.code);
    return;
  }
  const reached: Reached = {
    product: id,
    kind: r.kind,
    owner: { team: r.owner_team, email: r.owner_email },
    depth: step.depth,
    certain: true,
    fieldLineage: r.fields.length > 0,
    versionRange: r.version_range,
    reads,
    fields: [],
    changes: [step.code],
    breaks: [],
  };
  into.affected.set(id, reached);
}
