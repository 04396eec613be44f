import semver from 'semver';
import type { EntityManager } from 'typeorm';
import { isCompatibilityMode, type CompatibilityChange, type CompatibilityMode } from '@dmesh/sdk';
import type { CpuPool } from '../common/cpu/cpu-pool.js';
import type { ImpactChange, ImpactReport } from '../common/impact.types.js';
import { RequestError } from '../common/registry-error.js';
import type { ContractsService } from '../contracts/contracts.service.js';
import type { ProductsService } from '../products/products.service.js';
import type { PortVersion } from '../products/products.types.js';
import { fieldOfPath } from './field-of-path.js';
import { propagateBreak, withOwners, type Propagation } from './impact-propagation.js';

export interface ImpactRequest {
  product: string;
  port: string;
  schema: unknown;
  /** The version the producer means to publish; default: the next minor of the latest version. */
  version?: string;
  mode?: string;
  /** YYYY-MM-DD: registrations of consumers outside the mesh that lapsed before it no longer count. */
  today: string;
}

/** What impact analysis reads from other contexts. */
export interface ImpactSources {
  products: Pick<ProductsService, 'cards' | 'portHistory'>;
  contracts: Pick<ContractsService, 'schemasByHashes'>;
  /** The compatibility check runs on a worker thread: a proposed schema is anyone's, of any size. */
  cpu: Pick<CpuPool, 'run'>;
}

/**
 * Impact of a proposed contract for one port: the SDK's compatibility check
 * against the current contract, then, for each breaking change, the consumers
 * it reaches (see propagateBreak).
 */
export async function analyseImpact(
  manager: EntityManager,
  sources: ImpactSources,
  req: ImpactRequest,
): Promise<ImpactReport> {
  const [card] = await sources.products.cards([req.product], manager);
  if (!card)
    throw new RequestError('NOT_FOUND', `product ${req.product} is not in the catalog`, [
      { code: 'PRODUCT_NOT_FOUND', message: `no product ${req.product}`, fix: 'check the id with dmesh search' },
    ]);
  const proposedVersion = checkedVersion(req.version) ?? semver.inc(card.latestVersion, 'minor')!;
  const base = baseFor(await portHistoryOf(sources, req.product, req.port), proposedVersion);
  const mode = checkedMode(req.mode ?? base.compatibility);
  const previous = (await sources.contracts.schemasByHashes([base.contractHash], manager)).get(base.contractHash);
  const report = await compare(sources.cpu, [previous, req.schema, mode, base.version, proposedVersion]);
  const impact = await consumerImpact(
    manager,
    sources,
    { product: req.product, port: req.port, today: req.today },
    proposedVersion,
    report.changes,
  );
  return {
    port: `${req.product}/${req.port}`,
    against: base.version,
    proposedVersion,
    versionRule: req.version ? 'given' : 'next-minor-of-latest',
    mode,
    compatible: report.compatible,
    requiredBump: report.requiredBump,
    ...impact,
  };
}

function checkedVersion(version: string | undefined): string | undefined {
  if (version === undefined || semver.valid(version)) return version;
  throw new RequestError('BAD_REQUEST', `version "${version}" is not a semantic version`, [
    {
      code: 'BAD_VERSION',
      path: 'version',
      message: 'not semver',
      fix: 'pass e.g. 2.1.0, or leave it out for the next minor',
    },
  ]);
}

function checkedMode(mode: string): CompatibilityMode {
  const upper = mode.toUpperCase();
  if (isCompatibilityMode(upper)) return upper;
  throw new RequestError('BAD_REQUEST', `unknown compatibility mode "${mode}"`, [
    {
      code: 'BAD_MODE',
      path: 'mode',
      message: 'unknown mode',
      fix: 'use BACKWARD, FORWARD, FULL (optionally _TRANSITIVE) or NONE',
    },
  ]);
}

async function portHistoryOf(sources: ImpactSources, product: string, port: string): Promise<PortVersion[]> {
  const history = await sources.products.portHistory(product, port);
  if (history.length) return history;
  throw new RequestError('NOT_FOUND', `${product}/${port} is not a published output port`, [
    {
      code: 'PORT_NOT_FOUND',
      message: `no port ${port} on ${product}`,
      fix: `see the ports with: dmesh show ${product}`,
    },
  ]);
}

async function compare(
  cpu: ImpactSources['cpu'],
  [previous, next, mode, against, proposed]: [unknown, unknown, CompatibilityMode, string, string],
) {
  try {
    return await cpu.run('breakingChanges', [
      previous,
      next,
      mode,
      { labels: { previous: [against], next: proposed } },
    ]);
  } catch (err) {
    if (err instanceof RequestError) throw err;
    const message = (err as Error).message;
    throw new RequestError('BAD_REQUEST', `the proposed contract is not a usable JSON Schema: ${message}`, [
      { code: 'BAD_SCHEMA', path: 'schema', message, fix: 'check the schema with dmesh diff' },
    ]);
  }
}

/** The latest contract of the proposed version's major line below it, else the highest below it, else the latest. */
function baseFor(history: PortVersion[], proposed: string): PortVersion {
  const below = history.filter((h) => semver.lt(h.version, proposed));
  return below.filter((h) => h.major === semver.major(proposed)).at(-1) ?? below.at(-1) ?? history.at(-1)!;
}

/** The consumers each breaking change reaches; shared with the publish stage, which already has the changes. */
export async function consumerImpact(
  manager: EntityManager,
  sources: Pick<ImpactSources, 'products'>,
  target: { product: string; port: string; today: string },
  proposedVersion: string,
  changes: CompatibilityChange[],
): Promise<Pick<ImpactReport, 'changes' | 'consumers' | 'unaffected' | 'truncated'>> {
  const out: Propagation = { affected: new Map(), unaffected: [], truncated: false, reached: new Set() };
  const impactChanges: ImpactChange[] = [];
  for (const change of changes.filter((c) => c.breaking)) {
    const field = fieldOfPath(change.path);
    const local: Propagation = { affected: out.affected, unaffected: [], truncated: false, reached: new Set() };
    const start = { product: target.product, port: target.port, field: field ?? '*' };
    await propagateBreak(manager, start, proposedVersion, change.code, local, target.today);
    out.unaffected.push(...local.unaffected);
    out.truncated ||= local.truncated;
    impactChanges.push({
      code: change.code,
      path: change.path,
      message: change.message,
      ...(field && { field }),
      affected: [...local.reached].sort(),
      ...(change.counterexample !== undefined && { counterexample: change.counterexample }),
      ...(change.validUnder && { validUnder: change.validUnder }),
    });
  }
  const unaffected = out.unaffected.filter(
    (u, i, all) => !out.affected.has(u.product) && all.findIndex((v) => v.product === u.product) === i,
  );
  const consumers = (await withOwners(manager, sources.products, [...out.affected.values()])).sort(
    (a, b) => a.depth - b.depth || a.product.localeCompare(b.product),
  );
  return { changes: impactChanges, consumers, unaffected, truncated: out.truncated };
}
