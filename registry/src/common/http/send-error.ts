import type { FastifyReply } from 'fastify';
import { toErrorResponse } from '../error-response.js';

/** Answers with the common error body from outside Nest (Fastify hooks and handlers), Retry-After included. */
export function sendError(reply: FastifyReply, exception: unknown): FastifyReply {
  const { status, body, retryAfter } = toErrorResponse(exception);
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
