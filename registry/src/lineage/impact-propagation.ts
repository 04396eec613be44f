import semver from 'semver';
import type { EntityManager } from 'typeorm';
import type { AffectedConsumer, Owner, UnaffectedConsumer } from '../common/impact.types.js';
import type { ProductsService } from '../products/products.service.js';
import { visitExternalReaders } from './external/external-impact.js';
import { consumersOfPorts, type ConsumerRow } from './operations/consumers-of-ports.js';
import { externalReadsOfPorts } from './operations/external-reads.js';
import { fieldReaders, type FieldReaderRow } from './operations/field-readers.js';

/** A field (or `*`: a change to the record as a whole) that breaks. */
interface Broken {
  product: string;
  port: string;
  field: string;
}

const MAX_DEPTH = 20;
const MAX_AFFECTED = 5000;

/** An affected consumer before its owner is looked up (once, for all products: withOwners); external ones carry theirs. */
export type Reached = Omit<AffectedConsumer, 'owner'> & { owner?: Owner };

export interface Propagation {
  affected: Map<string, Reached>;
  unaffected: UnaffectedConsumer[];
  truncated: boolean;
  /** Consumers this change reached (the map is shared across changes). */
  reached: Set<string>;
}

/**
 * Who breaks when `start` breaks, level by level (two indexed queries per
 * level). Direct consumers count only when their range admits
 * `proposedVersion`; further down, the data they already read breaks whatever
 * they pin. A consumer with field lineage for the port breaks only through the
 * fields it reads, and the walk continues through the fields it derives from
 * them. A consumer without field lineage for the port is affected (it may read
 * anything) but the walk stops there: what it derives is unknown, so it is
 * reported with `fieldLineage: false` (and `certain: false` beyond the direct
 * consumers) instead of flooding the answer with its whole downstream cone.
 */
export async function propagateBreak(
  manager: EntityManager,
  start: Broken,
  proposedVersion: string,
  code: string,
  into: Propagation,
  today: string,
): Promise<void> {
  let frontier: Broken[] = [start];
  const seen = new Set([key(start)]);
  for (let depth = 1; depth <= MAX_DEPTH && frontier.length; depth++) {
    if (into.affected.size >= MAX_AFFECTED) {
      into.truncated = true;
      return;
    }
    const ports = unique(
      frontier.map((b) => ({ product: b.product, port: b.port })),
      (p) => `${p.product}/${p.port}`,
    );
    // One after another: inside a publish the manager is one transaction's connection, which runs one query at a time.
    const consumers = await consumersOfPorts(manager, ports);
    const readers = await fieldReaders(manager, frontier);
    const externals = await externalReadsOfPorts(manager, ports);
    const step: Step = { depth, proposedVersion, code, field: start.field };
    visitExternalReaders(into, externals, frontier, { depth, proposedVersion, code, today });
    const next = consumers.flatMap((c) => visit(into, c, readers, step));
    frontier = next.filter((b) => !seen.has(key(b)) && (seen.add(key(b)), true));
  }
  if (frontier.length) into.truncated = true;
}

interface Step {
  depth: number;
  proposedVersion: string;
  code: string;
  /** The field whose change started the walk (for the "does not read it" message). */
  field: string;
}

/** Records one consumer as affected or unaffected; returns the fields through which the break goes on. */
function visit(into: Propagation, c: ConsumerRow, readers: FieldReaderRow[], step: Step): Broken[] {
  const portId = `${c.upstream_product_id}/${c.upstream_port}`;
  if (step.depth === 1 && !admits(c.version_range, step.proposedVersion)) {
    into.unaffected.push({
      product: c.product_id,
      versionRange: c.version_range,
      reason: 'RANGE_EXCLUDES_VERSION',
      message: `${c.product_id} pins ${portId} ${c.version_range}, which does not admit ${step.proposedVersion}`,
    });
    return [];
  }
  if (c.fields_read.length === 0) {
    record(into, c, step.depth, [portId], [], step.code, false);
    return [];
  }
  const mine = readers.filter(
    (r) =>
      r.product_id === c.product_id &&
      r.upstream_product_id === c.upstream_product_id &&
      r.upstream_port === c.upstream_port,
  );
  if (!mine.length) {
    if (step.depth === 1)
      into.unaffected.push({
        product: c.product_id,
        versionRange: c.version_range,
        reason: 'DOES_NOT_READ_FIELD',
        message: `${c.product_id} reads ${c.fields_read.join(', ')} of ${portId}, not ${step.field}`,
      });
    return [];
  }
  const reads = unique(mine.map(upstreamRef), (s) => s);
  const fields = unique(
    mine.map((r) => `${r.port}#${r.field}`),
    (s) => s,
  );
  record(into, c, step.depth, reads, fields, step.code, true);
  return mine.map((r) => ({ product: r.product_id, port: r.port, field: r.field }));
}

function admits(range: string, version: string): boolean {
  try {
    return semver.satisfies(version, range, { includePrerelease: true });
  } catch {
    return true; // an unreadable range cannot protect its consumer
  }
}

function record(
  into: Propagation,
  c: ConsumerRow,
  depth: number,
  reads: string[],
  fields: string[],
  code: string,
  fieldLineage: boolean,
): void {
  into.reached.add(c.product_id);
  const existing = into.affected.get(c.product_id);
  if (!existing) {
    into.affected.set(c.product_id, {
      product: c.product_id,
      depth,
      certain: depth === 1 || fieldLineage,
      fieldLineage,
      versionRange: c.version_range,
      ...(c.resolved_version && { resolvedVersion: c.resolved_version }),
      reads,
      fields,
      changes: [code],
    });
    return;
  }
  existing.depth = Math.min(existing.depth, depth);
  existing.certain ||= depth === 1 || fieldLineage;
  existing.fieldLineage ||= fieldLineage;
  existing.reads = unique([...existing.reads, ...reads], (s) => s);
  existing.fields = unique([...existing.fields, ...fields], (s) => s);
  if (!existing.changes.includes(code)) existing.changes.push(code);
}

const upstreamRef = (r: FieldReaderRow) => `${r.upstream_product_id}/${r.upstream_port}#${r.upstream_field}`;
const key = (b: Broken) => `${b.product}/${b.port}#${b.field}`;

function unique<T>(items: T[], keyOf: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => !seen.has(keyOf(t)) && (seen.add(keyOf(t)), true));
}

/** The affected consumers with their owners, in one lookup. */
export async function withOwners(
  manager: EntityManager,
  products: Pick<ProductsService, 'cards'>,
  reached: Reached[],
): Promise<AffectedConsumer[]> {
  const ids = [...new Set(reached.filter((r) => !r.owner).map((r) => r.product))];
  const cards = new Map((await products.cards(ids, manager)).map((c) => [c.id, c]));
  return reached.map(({ product, owner, ...rest }) => {
    const card = cards.get(product);
    return { product, owner: owner ?? { team: card?.ownerTeam ?? '', email: card?.ownerEmail ?? '' }, ...rest };
  });
}
