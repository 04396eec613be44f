import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { RateLimitAudit } from '../audit/rate-limit-audit.js';
import { RefusalAudit } from '../audit/refusal-audit.js';
import { resolvePrincipal, type AuthedRequest } from '../auth/auth.guard.js';
import { AuthService } from '../auth/auth.service.js';
import { installHttpHooks } from './http-hooks.js';
import { Metrics } from './metrics.js';
import type { RateLimitConfig } from './ops-config.js';
import { installRateLimit } from './rate-limit.js';

export interface OpsOptions {
  /** Absent: no rate limit (tests; benchmarks pass a limit they never reach). */
  rateLimit?: RateLimitConfig;
}

const OPS_OPTIONS = 'dmesh:opsOptions';

/**
 * Wires operations into the Fastify instance Nest runs on: request context,
 * authentication and rate limiting first, the refusal audit, one access log
 * line per request, and Prometheus metrics at /metrics. Fastify resolves a
 * route's hooks when it becomes ready, so hooks added here cover Nest's routes.
 */
@Module({})
export class OpsModule implements OnModuleInit {
  constructor(
    private readonly host: HttpAdapterHost,
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly refusals: RefusalAudit,
    private readonly rateLimitAudit: RateLimitAudit,
    private readonly metrics: Metrics,
    @Inject(OPS_OPTIONS) private readonly options: OpsOptions,
  ) {}

  static register(options: OpsOptions = {}): DynamicModule {
    return {
      module: OpsModule,
      providers: [
        { provide: OPS_OPTIONS, useValue: options },
        { provide: Metrics, useFactory: (dataSource: DataSource) => new Metrics(dataSource), inject: [DataSource] },
      ],
      exports: [Metrics],
    };
  }

  async onModuleInit(): Promise<void> {
    const fastify = this.host.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const authenticate = async (req: AuthedRequest) => {
      await resolvePrincipal(req, this.auth);
      if (req.authFailure) this.metrics.authFailures.inc({ reason: req.authFailure });
    };
    const guard = this.options.rateLimit
      ? await installRateLimit(fastify, this.options.rateLimit, {
          authenticate,
          audit: this.rateLimitAudit,
          metrics: this.metrics,
        })
      : authenticate;
    installHttpHooks(fastify, { metrics: this.metrics, refusals: this.refusals, guard });
    fastify.get('/metrics', async (_req, reply) =>
      reply.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics()),
    );
  }
}
