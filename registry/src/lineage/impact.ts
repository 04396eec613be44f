import semver from 'semver';
import type { EntityManager } from 'typeorm';
import { checkCompatibility, isCompatibilityMode, type CompatibilityChange, type CompatibilityMode } from '@dmesh/sdk';
import { RegistryError } from '../common/registry-error.js';
import { fieldOfPath } from './field-of-path.js';
import type { ImpactChange, ImpactReport } from './impact.types.js';
import { propagateBreak, type Propagation } from './impact-propagation.js';
import { portContracts, type PortContractRow } from './operations/port-contracts.js';
import { productCards } from './operations/product-cards.js';

export interface ImpactRequest {
  product: string;
  port: string;
  schema: unknown;
  /** The version the producer means to publish; default: the next minor of the latest version. */
  version?: string;
  mode?: string;
}

/**
 * Impact of a proposed contract for one port: the SDK's compatibility check
 * against the current contract, then, for each breaking change, the consumers
 * it reaches (see propagateBreak).
 */
export async function analyseImpact(manager: EntityManager, req: ImpactRequest): Promise<ImpactReport> {
  const portId = `${req.product}/${req.port}`;
  const [card] = await productCards(manager, [req.product]);
  if (!card)
    throw new RegistryError('NOT_FOUND', `product ${req.product} is not in the catalog`, [
      { code: 'PRODUCT_NOT_FOUND', message: `no product ${req.product}`, fix: 'check the id with dmesh search' },
    ]);
  if (req.version !== undefined && !semver.valid(req.version)) {
    throw new RegistryError('BAD_REQUEST', `version "${req.version}" is not a semantic version`, [
      {
        code: 'BAD_VERSION',
        path: 'version',
        message: 'not semver',
        fix: 'pass e.g. 2.1.0, or leave it out for the next minor',
      },
    ]);
  }
  const history = await portContracts(manager, req.product, req.port);
  if (!history.length)
    throw new RegistryError('NOT_FOUND', `${portId} is not a published output port`, [
      {
        code: 'PORT_NOT_FOUND',
        message: `no port ${req.port} on ${req.product}`,
        fix: `see the ports with: dmesh show ${req.product}`,
      },
    ]);
  const proposedVersion = req.version ?? semver.inc(card.latest_version, 'minor')!;
  const base = baseFor(history, proposedVersion);
  const mode = (req.mode ?? base.compatibility).toUpperCase();
  if (!isCompatibilityMode(mode))
    throw new RegistryError('BAD_REQUEST', `unknown compatibility mode "${req.mode}"`, [
      {
        code: 'BAD_MODE',
        path: 'mode',
        message: 'unknown mode',
        fix: 'use BACKWARD, FORWARD, FULL (optionally _TRANSITIVE) or NONE',
      },
    ]);
  let report;
  try {
    report = checkCompatibility(base.schema, req.schema, mode as CompatibilityMode, {
      labels: { previous: [base.version], next: proposedVersion },
    });
  } catch (err) {
    throw new RegistryError(
      'BAD_REQUEST',
      `the proposed contract is not a usable JSON Schema: ${(err as Error).message}`,
      [
        {
          code: 'BAD_SCHEMA',
          path: 'schema',
          message: (err as Error).message,
          fix: 'check the schema with dmesh diff',
        },
      ],
    );
  }
  const impact = await consumerImpact(manager, req.product, req.port, proposedVersion, report.changes);
  return {
    port: portId,
    against: base.version,
    proposedVersion,
    versionRule: req.version ? 'given' : 'next-minor-of-latest',
    mode,
    compatible: report.compatible,
    requiredBump: report.requiredBump,
    ...impact,
  };
}

/** The latest contract of the proposed version's major line below it, else the highest below it, else the latest. */
function baseFor(history: PortContractRow[], proposed: string): PortContractRow {
  const below = history.filter((h) => semver.lt(h.version, proposed));
  return below.filter((h) => h.major === semver.major(proposed)).at(-1) ?? below.at(-1) ?? history.at(-1)!;
}

/** The consumers each breaking change reaches; shared with the publish stage, which already has the changes. */
export async function consumerImpact(
  manager: EntityManager,
  product: string,
  port: string,
  proposedVersion: string,
  changes: CompatibilityChange[],
): Promise<Pick<ImpactReport, 'changes' | 'consumers' | 'unaffected' | 'truncated'>> {
  const out: Propagation = { affected: new Map(), unaffected: [], truncated: false, reached: new Set() };
  const impactChanges: ImpactChange[] = [];
  for (const change of changes.filter((c) => c.breaking)) {
    const field = fieldOfPath(change.path);
    const local: Propagation = { affected: out.affected, unaffected: [], truncated: false, reached: new Set() };
    await propagateBreak(manager, { product, port, field: field ?? '*' }, proposedVersion, change.code, local);
    out.unaffected.push(...local.unaffected);
    out.truncated ||= local.truncated;
    impactChanges.push({
      code: change.code,
      path: change.path,
      message: change.message,
      ...(field && { field }),
      affected: [...local.reached].sort(),
    });
  }
  const unaffected = out.unaffected.filter(
    (u, i, all) => !out.affected.has(u.product) && all.findIndex((v) => v.product === u.product) === i,
  );
  const consumers = [...out.affected.values()].sort((a, b) => a.depth - b.depth || a.product.localeCompare(b.product));
  return { changes: impactChanges, consumers, unaffected, truncated: out.truncated };
}
