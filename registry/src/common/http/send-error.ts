import type { FastifyReply } from 'fastify';
import { toErrorResponse, type ErrorBody } from '../error-response.js';

/**
 * Answers with the common error body from outside Nest (Fastify hooks and
 * handlers), Retry-After included. At `/graphql` the same refusal is a GraphQL
 * response — `errors` with the extensions GraphQL errors carry everywhere else
 * (code, status, details, retryAfter) — so a GraphQL client reads a busy
 * bulkhead, a rate limit or a stopping registry like any other GraphQL error.
 */
export function sendError(reply: FastifyReply, exception: unknown): FastifyReply {
  const { status, body, retryAfter } = toErrorResponse(exception);
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  const graphql = reply.request?.routeOptions?.url === '/graphql';
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(graphql ? graphqlRefusal(status, body, retryAfter) : body);
}

function graphqlRefusal(status: number, body: ErrorBody, retryAfter?: number) {
  const { code, message, details, ...extra } = body;
  const extensions = { code, status, details, ...extra, ...(retryAfter !== undefined && { retryAfter }) };
  return { data: null, errors: [{ message, extensions }] };
}
