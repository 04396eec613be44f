/**
 * Errors are typed codes, mapped once to HTTP status and GraphQL extensions
 * (see registry-error.filter.ts). Services throw these, never HTTP exceptions.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  INVALID_PRODUCT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  PUBLISH_REJECTED: 422,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  code: string;
  path?: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
  fix?: string;
}

export class RegistryError extends Error {
  override name = 'RegistryError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
