import { HttpException } from '@nestjs/common';
import { fromDatabaseError } from './database-errors.js';
import { fromFastifyError, isFastifyError } from './http/fastify-errors.js';
import { RegistryError } from './registry-error.js';

export interface ErrorBody {
  code: string;
  message: string;
  details: unknown[];
  [k: string]: unknown;
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** Seconds for the Retry-After header (every 503, and any error that carries `retryAfter`). */
  retryAfter?: number;
  /** False for errors the registry did not expect: the filter logs them. */
  expected: boolean;
}

/** How long a client should wait before retrying each kind of 503. */
const RETRY_AFTER: Record<string, number> = { UNAVAILABLE: 5, BUSY: 1, TIMEOUT: 5 };

/**
 * The one mapping of anything thrown to the common error body: typed registry
 * errors as declared, database failures as 503/400 (database-errors.ts),
 * Nest's HTTP exceptions by status, the rest as 500 INTERNAL.
 */
export function toErrorResponse(exception: unknown): ErrorResponse {
  const known: RegistryError | undefined = exception instanceof RegistryError ? exception : fromKnownCause(exception);
  if (known) {
    const carried = (exception as { retryAfter?: unknown }).retryAfter;
    const retryAfter = typeof carried === 'number' ? carried : RETRY_AFTER[known.code];
    return {
      status: known.status,
      body: { code: known.code, message: known.message, details: known.details, ...known.extra },
      ...(retryAfter !== undefined && { retryAfter }),
      expected: true,
    };
  }
  if (exception instanceof HttpException) return fromHttpException(exception);
  return {
    status: 500,
    body: { code: 'INTERNAL', message: 'internal error; see the registry log', details: [] },
    expected: false,
  };
}

/** A database failure, or one of Fastify's refusals (as is, or as the cause Nest wrapped it in). */
function fromKnownCause(exception: unknown): RegistryError | undefined {
  const cause = exception instanceof HttpException ? exception.cause : exception;
  if (isFastifyError(cause)) return fromFastifyError(cause);
  return fromDatabaseError(exception);
}

function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
  const code = status === 404 ? 'NOT_FOUND' : status === 400 ? 'BAD_REQUEST' : `HTTP_${status}`;
  return { status, body: { code, message, details: [] }, expected: status < 500 };
}
