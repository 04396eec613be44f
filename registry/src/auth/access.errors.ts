import { errorCodes } from '../common/registry-error.js';

/** Refusals of token management and of the rate limiter (the request family has 401 and 403). */
export class AccessError extends errorCodes('access', {
  TOKEN_NAME_TAKEN: {
    status: 409,
    meaning: 'an active token already has this name; names identify actors in the audit',
  },
  RATE_LIMITED: {
    status: 429,
    meaning:
      'too many requests from this token or address (failed authentication counts more); wait Retry-After seconds',
  },
}) {}
