import semver from 'semver';
import type { EntityManager } from 'typeorm';
import { isCompatibilityMode, type CompatibilityMode } from '@dmesh/sdk';
import type { CpuPool } from '../common/cpu/cpu-pool.js';
import type { ImpactReport } from '../common/impact.types.js';
import { RequestError } from '../common/registry-error.js';
import { contractError } from '../contracts/contract.errors.js';
import type { ContractsService } from '../contracts/contracts.service.js';
import type { ProductsService } from '../products/products.service.js';
import type { PortVersion } from '../products/products.types.js';
import { consumerImpact, type Findings, type PortImpactRequest } from './consumer-impact.js';
import { unique } from './impact-propagation.js';
import { externalReader, productReader } from './direct-impact.js';
import { consumersOfPorts } from './operations/consumers-of-ports.js';
import { externalReadsOfPorts } from './operations/external-reads.js';

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
 * Impact of a proposed contract for one port against its current contract
 * (the latest below the proposed version): the port mode's verdict, and the
 * consumers it breaks, judged from their side (portImpact).
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
  const current = (await sources.contracts.schemasByHashes([base.contractHash], manager)).get(base.contractHash);
  const at = { product: req.product, port: req.port, against: base.version, proposedVersion, mode, today: req.today };
  const impact = await portImpact(manager, sources, { ...at, current, proposed: req.schema });
  return {
    port: `${req.product}/${req.port}`,
    against: base.version,
    proposedVersion,
    versionRule: req.version ? 'given' : 'next-minor-of-latest',
    mode,
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

/**
 * What a proposed contract for a port means for its consumers, whatever the
 * port's mode (which only gives `compatible` and `requiredBump`, the publish
 * gate): the direct consumers' read fields are checked on a worker thread
 * (cpu-tasks.ts readerImpact), then consumerImpact says who breaks and why.
 * Shared by the impact query and the publish dry-run.
 */
export async function portImpact(
  manager: EntityManager,
  sources: Pick<ImpactSources, 'products' | 'cpu'>,
  req: PortImpactRequest & { current: unknown; proposed: unknown; mode: CompatibilityMode; offload?: boolean },
): Promise<Omit<ImpactReport, 'port' | 'against' | 'proposedVersion' | 'versionRule' | 'mode'>> {
  const port = [{ product: req.product, port: req.port }];
  // One after another: inside a publish dry-run the manager is one transaction's connection.
  const rows = await consumersOfPorts(manager, port);
  const externals = await externalReadsOfPorts(manager, port);
  const readers = [...rows.map(productReader), ...externals.map((r) => externalReader(r, req.today))];
  const readPaths = unique(
    readers.flatMap((c) => c.fieldsRead),
    (f) => f,
  );
  const found = await findings(sources.cpu, req, readPaths);
  const { compatible, requiredBump } = found;
  return { compatible, requiredBump, ...(await consumerImpact(manager, sources, req, readers, found)) };
}

async function findings(
  cpu: ImpactSources['cpu'],
  req: {
    current: unknown;
    proposed: unknown;
    mode: CompatibilityMode;
    against: string;
    proposedVersion: string;
    offload?: boolean;
  },
  readPaths: string[],
): Promise<Findings> {
  const labels = { previous: req.against, next: req.proposedVersion };
  try {
    return await cpu.run('readerImpact', [req.current, req.proposed, req.mode, labels, readPaths], req.offload ?? true);
  } catch (err) {
    if (err instanceof RequestError) throw err;
    const refused = contractError(err, 'the proposed contract', '/schema');
    if (refused) throw refused;
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
