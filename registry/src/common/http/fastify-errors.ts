import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { RegistryError, RequestError } from '../registry-error.js';

/**
 * Fastify refuses some requests itself, before a handler runs: a bad URL, a
 * path parameter over maxParamLength, a body over bodyLimit or of a type
 * nothing parses. Each becomes a typed request error, so the answer carries
 * the same body (code, message, details) as every other. Router errors come
 * through `frameworkErrors`; the others through Nest's Fastify error handler,
 * which hands them to RegistryErrorFilter as an HttpException caused by them.
 */
export function fromFastifyError(err: FastifyError): RegistryError {
  if (err instanceof RegistryError) return err;
  const detail = (code: string, fix: string) => [{ code, message: err.message, fix }];
  switch (err.code) {
    case 'FST_ERR_BAD_URL':
      return new RequestError('BAD_REQUEST', 'the URL is not valid percent-encoded UTF-8', [
        { code: 'BAD_URL', path: 'path', message: err.message, fix: 'percent-encode the URL as UTF-8' },
      ]);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new RequestError('URI_TOO_LONG', 'a path parameter is longer than the registry accepts', [
        { code: 'PARAM_TOO_LONG', path: 'path', message: err.message, fix: 'ids are at most 100 characters' },
      ]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new RequestError(
        'PAYLOAD_TOO_LARGE',
        'the body is larger than the registry accepts (4 MB)',
        detail('BODY_TOO_LARGE', 'send a smaller body'),
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new RequestError(
        'UNSUPPORTED_MEDIA_TYPE',
        'the body must be application/json',
        detail('UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'),
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new RequestError('BAD_REQUEST', 'the body is empty', detail('EMPTY_BODY', 'send a JSON object'));
    default:
      return fromStatus(err);
  }
}

/** Whether an error is one of Fastify's own (FST_ERR_* codes). */
export const isFastifyError = (err: unknown): err is FastifyError =>
  err instanceof Error &&
  typeof (err as FastifyError).code === 'string' &&
  (err as FastifyError).code.startsWith('FST_');

/** Any other error Fastify raises with a 4xx status is the client's; a 5xx stays an internal error. */
function fromStatus(err: FastifyError): RegistryError {
  const status = err.statusCode ?? 500;
  if (status === 413) return new RequestError('PAYLOAD_TOO_LARGE', err.message);
  if (status === 414) return new RequestError('URI_TOO_LONG', err.message);
  if (status === 415) return new RequestError('UNSUPPORTED_MEDIA_TYPE', err.message);
  if (status >= 400 && status < 500)
    return new RequestError('BAD_REQUEST', err.message, [
      { code: err.code ?? 'BAD_REQUEST', message: err.message, fix: 'check the request against /openapi.json' },
    ]);
  return new RegistryError('INTERNAL', 500, 'internal error; see the registry log');
}

/**
 * Fastify's error handler, for what it refuses before Nest's handler runs
 * (bodies over bodyLimit, bodies nothing parses, the JSON parser's refusals):
 * the same body as every other error.
 */
export function installFastifyErrors(
  fastify: FastifyInstance,
  send: (reply: FastifyReply, err: unknown) => FastifyReply,
): void {
  fastify.setErrorHandler((err: FastifyError, _request, reply) => send(reply, err));
}
