import type { EntityManager } from 'typeorm';
import type { AffectedConsumer, Owner, UnaffectedConsumer } from '../common/impact.types.js';
import type { ProductsService } from '../products/products.service.js';
import { visitExternalReaders } from './external/external-impact.js';
import { consumersOfPorts, type ConsumerRow } from './operations/consumers-of-ports.js';
import { externalReadsOfPorts } from './operations/external-reads.js';
import { fieldReaders, type FieldReaderRow } from './operations/field-readers.js';

/** A field of a product's output port that breaks. */
export interface Broken {
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
  /** Consumers outside the mesh the walk met that are not affected (lapsed, or reading other fields). */
  unaffected: UnaffectedConsumer[];
  truncated: boolean;
  /** Consumers this walk reached (the map is shared across walks). */
  reached: Set<string>;
}

/**
 * Who breaks beyond the direct consumers (direct-impact.ts judges those):
 * `frontier` holds the output fields of direct consumers derived from the
 * fields that break; level by level (three indexed queries per level), whoever
 * reads them breaks whatever range it pins — the data it already reads
 * changes. A consumer with field lineage for the port breaks only through the
 * fields it reads, and the walk continues through the fields it derives from
 * them. One without field lineage for the port is affected (it may read
 * anything) but the walk stops there: what it derives is unknown, so it is
 * reported with `fieldLineage: false` and `certain: false` instead of
 * flooding the answer with its whole downstream cone. Consumers outside the
 * mesh reading the frontier end the walk too (external-impact.ts).
 */
export async function propagateBreak(
  manager: EntityManager,
  start: Broken[],
  codes: string[],
  into: Propagation,
  today: string,
): Promise<void> {
  const seen = new Set(start.map(key));
  let frontier = start;
  for (let depth = 2; depth <= MAX_DEPTH && frontier.length; depth++) {
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
    // Beyond the direct consumers ranges do not matter (the data they read changes): no version to admit.
    visitExternalReaders(into, externals, frontier, { depth, proposedVersion: '', code: codes[0], today });
    const next = consumers.flatMap((c) => visit(into, c, readers, { depth, codes }));
    frontier = next.filter((b) => !seen.has(key(b)) && (seen.add(key(b)), true));
  }
  if (frontier.length) into.truncated = true;
}

/** Records one consumer as affected; returns the fields through which the break goes on. */
function visit(
  into: Propagation,
  c: ConsumerRow,
  readers: FieldReaderRow[],
  step: { depth: number; codes: string[] },
): Broken[] {
  const portId = `${c.upstream_product_id}/${c.upstream_port}`;
  if (c.fields_read.length === 0) {
    record(into, c, step, [portId], [], false);
    return [];
  }
  const mine = readers.filter(
    (r) =>
      r.product_id === c.product_id &&
      r.upstream_product_id === c.upstream_product_id &&
      r.upstream_port === c.upstream_port,
  );
  if (!mine.length) return [];
  const reads = unique(mine.map(upstreamRef), (s) => s);
  const fields = unique(
    mine.map((r) => `${r.port}#${r.field}`),
    (s) => s,
  );
  record(into, c, step, reads, fields, true);
  return mine.map((r) => ({ product: r.product_id, port: r.port, field: r.field }));
}

function record(
  into: Propagation,
  c: ConsumerRow,
  step: { depth: number; codes: string[] },
  reads: string[],
  fields: string[],
  fieldLineage: boolean,
): void {
  into.reached.add(c.product_id);
  const existing = into.affected.get(c.product_id);
  if (!existing) {
    into.affected.set(c.product_id, {
      product: c.product_id,
      depth: step.depth,
      certain: fieldLineage,
      fieldLineage,
      versionRange: c.version_range,
      ...(c.resolved_version && { resolvedVersion: c.resolved_version }),
      reads,
      fields,
      changes: [...step.codes],
      breaks: [],
    });
    return;
  }
  existing.depth = Math.min(existing.depth, step.depth);
  existing.certain ||= fieldLineage;
  existing.fieldLineage ||= fieldLineage;
  existing.reads = unique([...existing.reads, ...reads], (s) => s);
  existing.fields = unique([...existing.fields, ...fields], (s) => s);
  existing.changes = unique([...existing.changes, ...step.codes], (s) => s);
}

const upstreamRef = (r: FieldReaderRow) => `${r.upstream_product_id}/${r.upstream_port}#${r.upstream_field}`;
const key = (b: Broken) => `${b.product}/${b.port}#${b.field}`;

export function unique<T>(items: T[], keyOf: (t: T) => string): T[] {
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
