import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_BULKHEAD, installBulkhead, type BulkheadOptions } from './bulkhead.js';
import { fromFastifyError, installFastifyErrors } from './fastify-errors.js';
import { installJsonBody, type TooDeepHook } from './json-body.js';
import { sendError } from './send-error.js';
import { installUrlGuard } from './url-guard.js';

/** The largest body accepted (a publish bundle: a descriptor and contracts of at most 1 MB each). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * An impact check's body is one proposed schema, and a schema over 1 MB never
 * compiles (the SDK's contract limit): such bodies are refused before they
 * are parsed, since anyone may send them.
 */
export const MAX_IMPACT_BODY_BYTES = 1024 * 1024;

const bodyLimitFor = (request: FastifyRequest) =>
  request.routeOptions.url?.endsWith('/impact') ? MAX_IMPACT_BODY_BYTES : MAX_BODY_BYTES;

/** Path parameters longer than this are refused with 414 (a product id is at most 127 characters). */
export const MAX_PARAM_LENGTH = 200;

/** The errors Fastify's router raises itself (bad URL, parameter too long), with the common body. */
const frameworkErrors = (err: FastifyError, _request: FastifyRequest, reply: FastifyReply) =>
  sendError(reply, fromFastifyError(err));

/**
 * Fastify's own options: limits, and its router errors answered with the
 * common error body. (Nest's body parsers are off: json-body.ts parses JSON.)
 */
export const FASTIFY_OPTIONS = {
  bodyLimit: MAX_BODY_BYTES,
  routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
  frameworkErrors,
  // Drain answers requests arriving while stopping itself, with the common body (lifecycle/drain.ts).
  return503OnClosing: false,
};

export interface HttpHooks {
  /** Installed after the URL guard, before the bulkhead: the stopping state (lifecycle/drain.ts). */
  drain?: { install(fastify: FastifyInstance): void };
  bulkhead?: BulkheadOptions;
  /** What a body nested too deep holds, by route and JSON pointer (contracts/contract.errors.ts contractTooDeep). */
  tooDeep?: TooDeepHook;
}

/**
 * The registry's Fastify error handler is set before Nest registers its
 * routes (they keep the handler set when they are registered). Nest sets its
 * own at init, after the routes — where it would only make Fastify warn of a
 * second handler — so that call is skipped.
 */
export function keepRegistryErrorHandler(adapter: { setErrorHandler: unknown }): void {
  adapter.setErrorHandler = () => undefined;
}

/** Every request passes, in order: the URL guard, the drain, the heavy-read bulkhead, then the body parser. */
export function configureHttp(fastify: FastifyInstance, hooks: HttpHooks = {}): void {
  installFastifyErrors(fastify, sendError);
  installUrlGuard(fastify);
  hooks.drain?.install(fastify);
  installBulkhead(fastify, hooks.bulkhead ?? DEFAULT_BULKHEAD);
  installJsonBody(fastify, MAX_BODY_BYTES, bodyLimitFor, hooks.tooDeep);
}
