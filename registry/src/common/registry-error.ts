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

/** A code's HTTP status and what it means to a client (both documented in the OpenAPI document and the SDL). */
export interface CodeSpec {
  status: number;
  meaning: string;
}

/** Every family declared with `errorCodes`, in declaration order, for the documentation and its test. */
export const ERROR_FAMILIES = new Map<string, Readonly<Record<string, CodeSpec>>>();

/** Declares a context's error codes and returns the error class its code throws. */
export function errorCodes<const S extends Record<string, CodeSpec>>(family: string, codes: S) {
  ERROR_FAMILIES.set(family, codes);
  return class extends RegistryError<Extract<keyof S, string>> {
    static readonly family = family;
    constructor(
      code: Extract<keyof S, string>,
      message: string,
      details: ErrorDetail[] = [],
      extra: Record<string, unknown> = {},
    ) {
      super(code, codes[code].status, message, details, extra);
    }
  };
}

/** Request-level refusals any context may answer. */
export class RequestError extends errorCodes('request', {
  BAD_REQUEST: { status: 400, meaning: 'the request is malformed; details name the parameter or path' },
  UNAUTHENTICATED: { status: 401, meaning: 'no token, or an unknown, expired or revoked one' },
  FORBIDDEN: { status: 403, meaning: "the token's role or domains do not allow this" },
  NOT_FOUND: { status: 404, meaning: 'no such product, version, port, policy or waiver' },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: 'the body, or a schema in it, is larger than the registry accepts' },
  URI_TOO_LONG: { status: 414, meaning: 'the URL, or a path parameter in it, is longer than the registry accepts' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, meaning: 'the body is not application/json' },
  UNAVAILABLE: { status: 503, meaning: 'the database cannot be reached, or the registry is stopping; retry later' },
  BUSY: { status: 503, meaning: 'too many heavy requests at once; retry after the Retry-After header' },
  TIMEOUT: { status: 503, meaning: 'the request needed more time than the registry allows; narrow it or retry later' },
}) {}

/** Every code with its status and meaning, by family: one line each, for API descriptions. */
export function describeErrorCodes(): string {
  const lines = [...ERROR_FAMILIES].flatMap(([family, codes]) =>
    Object.entries(codes).map(([code, spec]) => `${code} (${spec.status}, ${family}): ${spec.meaning}`),
  );
  return lines.join('\n');
}
