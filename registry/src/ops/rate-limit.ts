import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RateLimitAudit } from '../audit/rate-limit-audit.js';
import { AccessError } from '../auth/access.errors.js';
import type { AuthedRequest } from '../auth/auth.guard.js';
import type { Metrics } from './metrics.js';
import type { RateLimitConfig } from './ops-config.js';
import { sendError } from '../common/http/send-error.js';

type Limited = AuthedRequest & { rateKey?: string };
type Limiter = (
  req: Limited,
  options?: { increment?: boolean },
) => Promise<{ isAllowed?: boolean; isExceeded: boolean; ttlInSeconds: number; current?: number }>;

/**
 * Per token (valid tokens) or per client address (anonymous requests), in
 * @fastify/rate-limit's store and windows. Failed authentication has a bucket
 * of its own per address, where each failure counts `failedAuthWeight` times;
 * once it is spent, no token from that address is even looked up until the
 * window ends, so guessing tokens is slow and costs no database work, while
 * anonymous reads from a shared address never lock out its valid tokens. The answer is 429 with
 * Retry-After and the common error body; the refusals are counted, not logged
 * one by one, in the audit (RateLimitAudit).
 */
export async function installRateLimit(
  fastify: FastifyInstance,
  config: RateLimitConfig,
  deps: { authenticate: (req: AuthedRequest) => Promise<void>; audit: RateLimitAudit; metrics: Metrics },
): Promise<(req: AuthedRequest, reply: FastifyReply) => Promise<void>> {
  await fastify.register(rateLimit, { global: false });
  const limiter = (fastify as unknown as { createRateLimit(o: object): Limiter }).createRateLimit({
    max: config.max,
    timeWindow: config.windowMs,
    keyGenerator: (req: Limited) => req.rateKey!,
  });
  const refuse = (req: Limited, reply: FastifyReply, retryAfter: number) => {
    const kind = req.rateKey!.split(':')[0];
    deps.metrics.rateLimited.inc({ kind });
    deps.audit.count(req.rateKey!, req.principal?.name ?? `anonymous ${req.ip}`);
    const err = new AccessError('RATE_LIMITED', `too many requests from this ${kind}; retry in ${retryAfter} s`);
    return sendError(reply, Object.assign(err, { retryAfter }));
  };
  return async (req: Limited, reply) => {
    const failures = `auth-failures:${req.ip}`;
    if (req.headers.authorization) {
      req.rateKey = failures;
      const state = await limiter(req, { increment: false });
      if (state.isExceeded) return refuse(req, reply, Math.max(1, state.ttlInSeconds));
    }
    await deps.authenticate(req);
    req.rateKey = req.authFailure ? failures : req.principal?.id ? `token:${req.principal.id}` : `address:${req.ip}`;
    let state = await limiter(req);
    for (let i = 1; req.authFailure && i < config.failedAuthWeight && !state.isExceeded; i++)
      state = await limiter(req);
    if (state.isExceeded) return refuse(req, reply, Math.max(1, state.ttlInSeconds));
  };
}
