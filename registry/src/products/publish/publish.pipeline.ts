import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bundleHash, validateDocument, validateProduct, type DataProduct, type ProductBundle } from '@dmesh/sdk';
import { AuditService } from '../../audit/audit.service.js';
import { CLOCK, type Clock } from '../../sla/clock.js';
import { mayPublish, type Principal } from '../../auth/auth.service.js';
import { RegistryError } from '../../common/registry-error.js';
import { loadVersions } from '../operations/load-versions.js';
import { storeVersion } from '../operations/store-version.js';
import { upsertDomain } from '../operations/upsert-domain.js';
import { PUBLISH_STAGES } from './stages.js';
import type { PublishContext, PublishResult } from './publish.types.js';

export interface PublishRequest {
  descriptor: unknown;
  contracts: Record<string, unknown>;
  domain?: Record<string, unknown>;
}

/**
 * The one publish path for the CLI, REST and the demo seeder:
 * parse → validate → resolve → checks → store, all in one transaction.
 * A dry-run runs every stage but the store; a rejection stores only an audit event.
 */
@Injectable()
export class PublishPipeline {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async publish(
    productId: string,
    request: PublishRequest,
    principal: Principal,
    dryRun = false,
  ): Promise<PublishResult> {
    try {
      const bundle = this.parse(productId, request, principal);
      return await this.dataSource.transaction(async (manager) => {
        // Publishes of one product are serialised by the database, whichever replica serves them.
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [productId]);
        const ctx: PublishContext = {
          productId,
          bundle,
          domainDoc: request.domain,
          contentHash: bundleHash(bundle),
          principal,
          dryRun,
          manager,
          now: this.clock.now(),
          upstreams: [],
          existing: await loadVersions(manager, productId),
          inputs: [],
          issues: [],
          compatibility: {},
          requiredBump: 'none',
        };
        for (const stage of PUBLISH_STAGES) {
          await stage.run(ctx);
          if (ctx.unchanged) break;
        }
        const errors = ctx.issues.filter((i) => i.severity === 'error');
        if (errors.length) {
          throw new RegistryError(
            'PUBLISH_REJECTED',
            `${productId}@${bundle.descriptor.metadata.version} was rejected: ${errors.length} problem(s)`,
            errors,
            {
              issues: ctx.issues,
              compatibility: ctx.compatibility,
              requiredBump: ctx.requiredBump,
              ...(ctx.impact && { impact: ctx.impact }),
              ...(ctx.governance && { governance: ctx.governance }),
            },
          );
        }
        if (!dryRun && !ctx.unchanged) {
          const domain = bundle.descriptor.metadata.domain;
          const domainChange = await upsertDomain(manager, domain, request.domain);
          if (domainChange !== 'unchanged') {
            await this.audit.record(
              {
                actor: principal.name,
                action: `domain.${domainChange}`,
                subject: `domain:${domain}`,
                outcome: 'accepted',
                detail: { domain: request.domain },
              },
              manager,
            );
          }
          await storeVersion(ctx);
          await this.audit.record(
            {
              actor: principal.name,
              action: 'publish',
              subject: `${productId}@${bundle.descriptor.metadata.version}`,
              outcome: 'accepted',
              detail: { contentHash: ctx.contentHash, requiredBump: ctx.requiredBump },
            },
            manager,
          );
        }
        return this.result(ctx);
      });
    } catch (err) {
      if (err instanceof RegistryError && !dryRun) {
        await this.audit.record({
          actor: principal.name,
          action: 'publish',
          subject: productId,
          outcome: 'rejected',
          detail: { code: err.code, message: err.message, details: err.details },
        });
      }
      throw err;
    }
  }

  private parse(
    productId: string,
    request: PublishRequest,
    principal: Principal,
  ): ProductBundle & { descriptor: DataProduct } {
    if (
      !request ||
      typeof request.descriptor !== 'object' ||
      request.descriptor === null ||
      typeof request.contracts !== 'object' ||
      request.contracts === null
    ) {
      throw new RegistryError(
        'BAD_REQUEST',
        'the body must be { "descriptor": {...}, "contracts": { "<path>": <JSON Schema> }, "domain"?: {...} }',
      );
    }
    const bundle = { descriptor: request.descriptor, contracts: request.contracts };
    const problems = validateProduct(bundle);
    if (problems.length) {
      throw new RegistryError(
        'INVALID_PRODUCT',
        `the product is invalid: ${problems[0].message}`,
        problems.map((p) => ({ code: p.code, path: p.path, file: p.file, message: p.message, fix: p.fix })),
      );
    }
    const d = bundle.descriptor as DataProduct;
    const declared = `${d.metadata.domain}.${d.metadata.name}`;
    if (declared !== productId) {
      throw new RegistryError('BAD_REQUEST', `the descriptor declares ${declared} but was sent to ${productId}`, [
        {
          code: 'ID_MISMATCH',
          path: '/metadata',
          message: `metadata.domain/name give ${declared}`,
          fix: `POST to /v1/products/${declared}/versions`,
        },
      ]);
    }
    if (request.domain !== undefined) {
      const domainProblems = validateDocument('domain', request.domain);
      if (domainProblems.length) {
        throw new RegistryError(
          'INVALID_PRODUCT',
          `domain.yaml is invalid: ${domainProblems[0].path} ${domainProblems[0].message}`,
          domainProblems.map((p) => ({
            code: 'DOMAIN_INVALID',
            file: 'domain.yaml',
            path: p.path,
            message: p.message,
          })),
        );
      }
      if ((request.domain as { name?: string }).name !== d.metadata.domain) {
        throw new RegistryError(
          'BAD_REQUEST',
          `domain.yaml names "${String((request.domain as { name?: string }).name)}" but the product is in "${d.metadata.domain}"`,
        );
      }
    }
    if (!mayPublish(principal, d.metadata.domain)) {
      throw new RegistryError(
        'FORBIDDEN',
        `${principal.name} (${principal.role}) may not publish to domain ${d.metadata.domain}`,
      );
    }
    return { descriptor: d, contracts: request.contracts };
  }

  private result(ctx: PublishContext): PublishResult {
    const stored = ctx.unchanged;
    return {
      outcome: stored ? 'unchanged' : ctx.dryRun ? 'dry-run' : 'published',
      product: ctx.productId,
      version: stored?.version ?? ctx.bundle.descriptor.metadata.version,
      contentHash: ctx.contentHash,
      requiredBump: ctx.requiredBump,
      inputs: ctx.inputs,
      compatibility: ctx.compatibility,
      issues: ctx.issues,
      ...(ctx.impact && { impact: ctx.impact }),
      ...(ctx.governance && { governance: ctx.governance }),
    };
  }
}
