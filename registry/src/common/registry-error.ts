/**
 * Errors are typed codes, mapped once to HTTP status and GraphQL
 * `extensions.code` (registry-error.filter.ts). Each context declares its own
 * codes with `errorCodes` next to its services; services throw those, never
 * HTTP exceptions. Codes are public surface: clients branch on them.
 */
export interface ErrorDetail {
  code: string;
  path?: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
  fix?: string;
}

export class RegistryError<C extends string = string> extends Error {
  override name = 'RegistryError';
  constructor(
    readonly code: C,
    readonly status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Every family declared with `errorCodes`, for the error body's documentation and its test. */
export const ERROR_FAMILIES = new Map<string, Readonly<Record<string, number>>>();

/** Declares a context's error codes with their HTTP statuses and returns the error class its code throws. */
export function errorCodes<const S extends Record<string, number>>(family: string, statuses: S) {
  ERROR_FAMILIES.set(family, statuses);
  return class extends RegistryError<Extract<keyof S, string>> {
    static readonly family = family;
    constructor(
      code: Extract<keyof S, string>,
      message: string,
      details: ErrorDetail[] = [],
      extra: Record<string, unknown> = {},
    ) {
      super(code, statuses[code], message, details, extra);
    }
  };
}

/** Request-level refusals any context may answer. */
export class RequestError extends errorCodes('request', {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
}) {}
