import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RefusalAudit } from '../audit/refusal-audit.js';
import { requestContext, type RequestContext } from '../audit/request-context.js';
import type { AuthedRequest } from '../auth/auth.guard.js';
import type { Metrics } from './metrics.js';

type Req = AuthedRequest & { dmesh?: RequestContext };

const PUBLISH_ROUTE = '/v1/products/:id/versions';
/** Routes the limiter, the audit and the access log leave alone (probes and scrapes). */
export const QUIET_ROUTES = new Set(['/metrics', '/health/live', '/health/ready']);

const routeOf = (req: FastifyRequest) => req.routeOptions?.url ?? 'unmatched';

/** The GraphQL operation name a request asked for: its operationName, else the first named operation, else anonymous. */
export function graphqlOperation(body: unknown): string {
  const b = body as { operationName?: unknown; query?: unknown } | undefined;
  if (typeof b?.operationName === 'string' && b.operationName) return b.operationName;
  const named =
    typeof b?.query === 'string'
      ? /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(b.query)
      : null;
  return named?.[1] ?? 'anonymous';
}

function errorBody(payload: unknown): { code?: string; message?: string } | undefined {
  if (typeof payload !== 'string' || payload.length > 65_536 || !payload.startsWith('{')) return undefined;
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
}

/** Publish answers by outcome or error code, and the policies that failed in them. */
function countPublish(metrics: Metrics, payload: unknown): void {
  const body = errorBody(payload) as
    { outcome?: string; code?: string; governance?: { results?: { policy: string; status: string }[] } } | undefined;
  metrics.publishes.inc({ outcome: body?.outcome ?? body?.code ?? 'unknown' });
  for (const r of body?.governance?.results ?? [])
    if (r.status === 'failed') metrics.policyFailures.inc({ policy: r.policy });
}

/**
 * The request's life around Nest: its context (id, principal) for every async
 * call it makes, authentication and rate limiting before anything else, the
 * refusal audit before the answer leaves, then one access log line and the
 * metrics.
 */
export function installHttpHooks(
  fastify: FastifyInstance,
  deps: {
    metrics: Metrics;
    refusals: RefusalAudit;
    guard: (req: AuthedRequest, reply: FastifyReply) => Promise<void>;
  },
): void {
  fastify.addHook('onRequest', (req: Req, reply, done) => {
    req.dmesh = { requestId: String(req.id), address: req.ip, refusalRecorded: false };
    reply.header('x-request-id', String(req.id));
    requestContext.run(req.dmesh, done);
  });
  fastify.addHook('onRequest', async (req: Req, reply) => {
    if (QUIET_ROUTES.has(routeOf(req))) return;
    await deps.guard(req, reply);
    if (req.principal && req.dmesh) req.dmesh.actor = req.principal;
  });
  // Body parsing runs outside the request's async context; the handler gets it back here.
  fastify.addHook('preHandler', (req: Req, _reply, done) => (req.dmesh ? requestContext.run(req.dmesh, done) : done()));
  fastify.addHook('onSend', async (req: Req, reply, payload) => {
    const route = routeOf(req);
    if (route === PUBLISH_ROUTE && req.method === 'POST') countPublish(deps.metrics, payload);
    const finished = { method: req.method, status: reply.statusCode, refusal: req.refusal };
    if (
      QUIET_ROUTES.has(route) ||
      !req.dmesh ||
      !requestContext.run(req.dmesh, () => deps.refusals.shouldRecord(finished))
    )
      return payload;
    // The answer is already decided: a refusal the audit cannot store (the database is down) is logged, and the answer stands.
    await requestContext
      .run(req.dmesh, () =>
        deps.refusals.record({
          ...finished,
          route,
          path: req.url.split('?')[0],
          actor: req.principal?.name ?? `anonymous ${req.ip}`,
          error: errorBody(payload),
          ...(route === '/graphql' && { graphqlOperation: graphqlOperation(req.body) }),
        }),
      )
      .catch((err: Error) => req.log.warn({ err: err.message, route, status: finished.status }, 'refusal not audited'));
    return payload;
  });
  fastify.addHook('onResponse', (req: Req, reply) => accessLogAndMetrics(req, reply, deps.metrics));
}

/** One access log line per request (with its id and principal) and the request metrics. */
async function accessLogAndMetrics(req: Req, reply: FastifyReply, metrics: Metrics): Promise<void> {
  const route = routeOf(req);
  const seconds = reply.elapsedTime / 1000;
  const status = String(reply.statusCode);
  metrics.requests.inc({ method: req.method, route, status });
  metrics.latency.observe({ method: req.method, route }, seconds);
  const operation = route === '/graphql' ? metrics.operation(graphqlOperation(req.body)) : undefined;
  if (operation) metrics.graphql.observe({ operation, status }, seconds);
  if (QUIET_ROUTES.has(route)) return;
  req.log.info(
    {
      method: req.method,
      url: req.url,
      route,
      ...(operation && { operation }),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      principal: req.principal ? `${req.principal.name} (${req.principal.role})` : 'anonymous',
      address: req.ip,
    },
    'request',
  );
}
