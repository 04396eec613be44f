import { Injectable } from '@nestjs/common';
import { checkVersionOrder } from '@dmesh/sdk';
import semver from 'semver';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { ContractsService } from '../../contracts/contracts.service.js';
import { compatibilityReports } from '../../publish/publish-result.js';
import { PublishError } from '../../publish/publish.errors.js';
import {
  AsPublishStage,
  type PublishAttempt,
  type PublishStage,
  type StageOutcome,
} from '../../publish/publish-stage.js';
import type { PublishIssue } from '../../publish/stage-results.js';
import { loadVersions } from '../operations/load-versions.js';
import { storeVersion } from '../operations/store-version.js';
import { domainExists } from '../operations/upsert-domain.js';

/**
 * ARCHITECTURE.md "Versions", in order: identical content to a stored version →
 * idempotent success; same version with different content → conflict; then
 * ordering. A product in an unregistered domain needs its domain.yaml. Its
 * store writes the accepted version with everything the later stages decided.
 */
@Injectable()
@AsPublishStage()
export class VersionsStage implements PublishStage<'versions'> {
  readonly name = 'versions';

  constructor(
    private readonly contracts: ContractsService,
    private readonly audit: AuditService,
  ) {}

  async check(attempt: PublishAttempt, tx: EntityManager): Promise<StageOutcome<'versions'>> {
    const existing = await loadVersions(tx, attempt.productId);
    const unchanged = existing.find((v) => v.contentHash === attempt.contentHash);
    if (unchanged) return { result: { existing, unchanged } };
    const { version, domain } = attempt.bundle.descriptor.metadata;
    if (existing.some((v) => v.version === version)) throw conflict(attempt.productId, version);
    const issues: PublishIssue[] = [];
    const verdict = checkVersionOrder(
      existing.map((v) => v.version),
      version,
    );
    if (!verdict.ok) {
      const { code, message, fix } = verdict;
      issues.push({ ...this.issue('/metadata/version', 'dataproduct.yaml'), code, message, fix });
    }
    if (!attempt.domainDoc && !(await domainExists(tx, domain))) {
      issues.push({
        ...this.issue('/', 'domain.yaml'),
        code: 'DOMAIN_UNKNOWN',
        message: `domain "${domain}" is not registered`,
        fix: 'create ../domain.yaml next to the product folder (dmesh init writes one) and publish again',
      });
    }
    return { result: { existing }, issues };
  }

  async store(attempt: PublishAttempt, tx: EntityManager): Promise<void> {
    const { productId, bundle, principal } = attempt;
    const d = bundle.descriptor;
    await this.contracts.store(
      tx,
      d.spec.outputs.map((p) => bundle.contracts[p.contract]),
    );
    const { existing } = attempt.result('versions');
    const { domainChange } = await storeVersion(tx, {
      productId,
      descriptor: d,
      contracts: bundle.contracts,
      contentHash: attempt.contentHash,
      publishedBy: principal.name,
      highest: existing.every((e) => semver.gt(d.metadata.version, e.version)),
      inputs: attempt.result('inputs').inputs,
      compatibilityReport: {
        requiredBump: attempt.result('compatibility').requiredBump,
        ports: compatibilityReports(attempt.result('compatibility')),
      },
      governanceReport: attempt.result('governance').report,
      ...(attempt.domainDoc && { domainDoc: attempt.domainDoc }),
    });
    if (domainChange === 'created' || domainChange === 'updated') await this.auditDomain(attempt, domainChange, tx);
  }

  private async auditDomain(attempt: PublishAttempt, change: 'created' | 'updated', tx: EntityManager): Promise<void> {
    const domain = attempt.bundle.descriptor.metadata.domain;
    await this.audit.record(
      {
        actor: attempt.principal.name,
        action: `domain.${change}`,
        subject: `domain:${domain}`,
        outcome: 'accepted',
        detail: { domain: attempt.domainDoc },
      },
      tx,
    );
  }

  private issue(path: string, file: string): Pick<PublishIssue, 'severity' | 'stage' | 'path' | 'file'> {
    return { severity: 'error', stage: this.name, path, file };
  }
}

function conflict(productId: string, version: string): PublishError {
  return new PublishError('VERSION_CONFLICT', `${productId}@${version} is already published with different content`, [
    {
      code: 'VERSION_EXISTS',
      path: '/metadata/version',
      file: 'dataproduct.yaml',
      message: `${productId}@${version} exists and versions are immutable`,
      fix: `raise metadata.version (e.g. to the next patch) and publish again`,
    },
  ]);
}
