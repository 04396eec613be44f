import type { CompatibilityChange } from '@dmesh/sdk';
import type { EntityManager } from 'typeorm';
import type { ImpactChange, ImpactReport } from '../common/impact.types.js';
import type { ProductsService } from '../products/products.service.js';
import {
  judgeDirectConsumers,
  readerBreak,
  type DirectReader,
  type DirectVerdict,
  type ReaderFindings,
} from './direct-impact.js';
import { fieldOfPath } from './field-of-path.js';
import { propagateBreak, unique, withOwners, type Propagation } from './impact-propagation.js';
import { fieldReaders } from './operations/field-readers.js';

/** The port and versions an impact is computed for. */
export interface PortImpactRequest {
  product: string;
  port: string;
  /** The version whose contract is the current one. */
  against: string;
  proposedVersion: string;
  /** YYYY-MM-DD: registrations of consumers outside the mesh that lapsed before it no longer count. */
  today: string;
}

/** The worker's answer (cpu-tasks.ts readerImpact): the mode's verdict and breaking changes, and what readers meet. */
export interface Findings extends ReaderFindings {
  compatible: boolean;
  requiredBump: string;
  /** Changes that break the port's mode (the publish gate). */
  changes: CompatibilityChange[];
}

/**
 * Who the proposed contract breaks: the direct consumers (products, and
 * consumers outside the mesh) judged from their side (judgeDirectConsumers), then, per read field that breaks, whoever
 * reads what those consumers derive from it (propagateBreak). Each change
 * lists the consumers it reaches; each direct consumer says which field it
 * reads breaks and why, with a counterexample.
 */
export async function consumerImpact(
  manager: EntityManager,
  sources: { products: Pick<ProductsService, 'cards'> },
  req: PortImpactRequest,
  readers: DirectReader[],
  found: Findings,
): Promise<Pick<ImpactReport, 'changes' | 'consumers' | 'unaffected' | 'truncated'>> {
  const direct = judgeDirectConsumers(readers, found, `${req.product}/${req.port}`, req.proposedVersion);
  const out: Propagation = {
    affected: new Map(direct.affected.map((a) => [a.product, a])),
    unaffected: [...direct.unaffected],
    truncated: false,
    reached: new Set(),
  };
  const reachedBy = await followDerived(manager, req, direct, found, out);
  const consumers = (await withOwners(manager, sources.products, [...out.affected.values()])).sort(
    (a, b) => a.depth - b.depth || a.product.localeCompare(b.product),
  );
  return {
    changes: impactChanges(found, direct, reachedBy),
    consumers,
    unaffected: out.unaffected.filter(
      (u, i, all) => !out.affected.has(u.product) && all.findIndex((v) => v.product === u.product) === i,
    ),
    truncated: out.truncated,
  };
}

/**
 * Per read field that breaks: the direct consumers reading it, their output
 * fields derived from it, and whoever reads those in turn.
 */
async function followDerived(
  manager: EntityManager,
  req: PortImpactRequest,
  direct: DirectVerdict,
  found: Findings,
  out: Propagation,
): Promise<Map<string, Set<string>>> {
  const reachedBy = new Map<string, Set<string>>();
  const broken = unique([...direct.brokenReads.values()].flat(), (f) => f);
  if (!broken.length) return reachedBy;
  const derivations = await fieldReaders(
    manager,
    broken.map((field) => ({ product: req.product, port: req.port, field })),
  );
  for (const field of broken) {
    const readers = [...direct.brokenReads].filter(([, fields]) => fields.includes(field)).map(([p]) => p);
    const derived = derivations.filter((d) => d.upstream_field === field && readers.includes(d.product_id));
    for (const d of derived) {
      const consumer = out.affected.get(d.product_id)!;
      consumer.fields = unique([...consumer.fields, `${d.port}#${d.field}`], (f) => f);
    }
    const finding = found.readers.find((r) => r.path === field);
    const code = finding ? readerBreak(finding).code : 'UNSUPPORTED_KEYWORD';
    const local: Propagation = { ...out, truncated: false, reached: new Set(readers) };
    const start = derived.map((d) => ({ product: d.product_id, port: d.port, field: d.field }));
    await propagateBreak(manager, start, [code], local, req.today);
    out.truncated ||= local.truncated;
    reachedBy.set(field, local.reached);
  }
  return reachedBy;
}

const changeKey = (c: CompatibilityChange) => `${c.code} ${c.path}`;
const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * The changes that break the port's mode or a reader, each with the consumers
 * it reaches: the readers of a broken field it touches; a FORWARD-breaking
 * change also every consumer without field lineage, and, when it concerns the
 * record as a whole (`/required`), the readers of every broken field. A change
 * that touches no broken field and is FORWARD-compatible reaches no one.
 */
function impactChanges(found: Findings, direct: DirectVerdict, reachedBy: Map<string, Set<string>>): ImpactChange[] {
  const forward = new Set(found.forward.map(changeKey));
  const blind = direct.affected.filter((a) => !a.fieldLineage).map((a) => a.product);
  const listed = unique([...found.changes, ...found.forward], changeKey);
  const changes = listed.map((c): ImpactChange => {
    const field = fieldOfPath(c.path);
    const affected = new Set<string>(forward.has(changeKey(c)) ? blind : []);
    for (const [read, who] of reachedBy)
      if (field ? overlaps(read, field) : forward.has(changeKey(c))) who.forEach((p) => affected.add(p));
    return {
      code: c.code,
      path: c.path,
      message: c.message,
      ...(field && { field }),
      affected: [...affected].sort(),
      ...(c.counterexample !== undefined && { counterexample: c.counterexample }),
      ...(c.validUnder && { validUnder: c.validUnder }),
    };
  });
  const touches = (read: string) =>
    listed.some((c) => {
      const changed = fieldOfPath(c.path);
      return changed ? overlaps(read, changed) : forward.has(changeKey(c));
    });
  return [...changes, ...uncovered(found, reachedBy, touches)];
}

/** A broken read field no listed change touches (a cautious verdict of readerImpact) is listed on its own. */
function uncovered(
  found: Findings,
  reachedBy: Map<string, Set<string>>,
  touches: (field: string) => boolean,
): ImpactChange[] {
  return [...reachedBy]
    .filter(([field]) => !touches(field))
    .map(([field, who]) => {
      const finding = found.readers.find((x) => x.path === field);
      const why = finding
        ? readerBreak(finding)
        : { code: 'UNSUPPORTED_KEYWORD', message: `readers of \`${field}\` break` };
      return {
        code: why.code,
        path: '',
        message: why.message,
        field,
        ...('counterexample' in why && why.counterexample !== undefined && { counterexample: why.counterexample }),
        affected: [...who].sort(),
      };
    });
}
