/** How long one registry request may take, and how often a failed connection is tried again. */
export interface RegistryFetchOptions {
  /** Bound on one attempt: connecting, sending, and reading the whole answer (default 30 s). */
  timeoutMs?: number;
  /** Attempts for a request that may be repeated (default 3). */
  attempts?: number;
  /** Wait before the second attempt; doubled for each further one (default 250 ms). */
  backoffMs?: number;
  /** Methods safe to repeat after the request may have reached the server (default GET, HEAD, OPTIONS). */
  idempotent?: (request: Request) => boolean;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Thrown when the registry accepted the connection (or never completed it) and did not answer in time. */
export class RegistryTimeoutError extends Error {
  override name = 'RegistryTimeoutError';
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`no answer from ${url} within ${formatSeconds(timeoutMs)}`);
  }
}

/** The connection failed on every attempt; `code` is the last system error (ECONNREFUSED, ENOTFOUND, …). */
export class RegistryConnectionError extends Error {
  override name = 'RegistryConnectionError';
  constructor(
    readonly url: string,
    readonly code: string,
    readonly attempts: number,
  ) {
    super(`cannot connect to ${url} (${code}${attempts > 1 ? `, ${attempts} attempts` : ''})`);
  }
}

/** Errors raised before a byte of the request reached the server: any method may be retried. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** Errors after the request may have been received: only idempotent requests are retried. */
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** The system error code under a fetch failure (`TypeError: fetch failed` wraps it in `cause`). */
export function networkErrorCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

function retryable(code: string | undefined, request: Request, options: RegistryFetchOptions): boolean {
  if (!code) return false;
  if (NOT_SENT.has(code)) return true;
  return DROPPED.has(code) && (options.idempotent ?? ((r) => SAFE_METHODS.has(r.method)))(request);
}

/**
 * A `fetch` for the registry client: every attempt is bounded by `timeoutMs`
 * (an AbortSignal that also covers reading the body), and a connection error
 * is retried with exponential backoff when repeating the request is safe.
 * A timeout is not retried: the time the caller allowed is spent.
 */
export function registryFetch(options: RegistryFetchOptions = {}): typeof fetch {
  const base = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const attempts = Math.max(1, options.attempts ?? 3);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return async (input, init) => {
    const request = new Request(input, init);
    for (let attempt = 1; ; attempt++) {
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        return await base(request.clone(), { signal });
      } catch (err) {
        if (signal.aborted) throw new RegistryTimeoutError(request.url, timeoutMs);
        const code = networkErrorCode(err);
        if (attempt >= attempts || !retryable(code, request, options)) {
          if (code) throw new RegistryConnectionError(request.url, code, attempt);
          throw err;
        }
        await sleep((options.backoffMs ?? 250) * 2 ** (attempt - 1));
      }
    }
  };
}
