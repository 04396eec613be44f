import { resolveRegistrySettings } from '../io/credentials.js';
import { createRegistryClient, type RegistryClient } from '../io/registry-client.js';
import { formatSeconds, RegistryConnectionError, RegistryTimeoutError } from '../io/registry-fetch.js';
import { ExitCode, UsageError } from './io.js';
import { exitCodeForStatus, RegistryCallError } from './registry-error.js';

export { printRegistryError, RegistryCallError } from './registry-error.js';

/** `--registry`, `--token` and `--timeout` as every registry command takes them. */
export interface RegistryFlags {
  registry?: string;
  token?: string;
  timeout?: string;
}

export interface OpenRegistry {
  registry: string;
  token?: string;
  client: RegistryClient;
}

/** `--timeout <seconds>`: a positive number, at most an hour (default 30). */
export function parseTimeout(text: string | undefined): number {
  if (text === undefined) return 30_000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600)
    throw new UsageError(`--timeout ${text}: give the seconds one registry request may take, e.g. --timeout 10`);
  return Math.round(seconds * 1000);
}

/**
 * The registry a command talks to (flags, else environment, else `dmesh login`)
 * and a client bounded by `--timeout`. `repeatable` marks calls that change
 * nothing (dry-runs, impact), so a dropped connection may be retried for them too.
 */
export function openRegistry(
  flags: RegistryFlags,
  env: Record<string, string | undefined>,
  repeatable = false,
): OpenRegistry {
  const timeoutMs = parseTimeout(flags.timeout);
  const settings = resolveRegistrySettings(flags, env);
  const client = createRegistryClient({
    baseUrl: settings.registry,
    timeoutMs,
    ...(settings.token && { token: settings.token }),
    ...(repeatable && { idempotent: () => true }),
  });
  return { ...settings, client };
}

const START_HINT =
  'Check that it runs at that address, or pass --registry <url> / set DMESH_REGISTRY_URL (in the dmesh repository, `npm start` runs one).';

/** Timeouts and connection failures as the CLI says them: exit 3, what happened, what to do. */
function unreachable(registry: string, err: unknown): RegistryCallError {
  if (err instanceof RegistryTimeoutError || (err as Error)?.name === 'TimeoutError') {
    const within = err instanceof RegistryTimeoutError ? ` within ${formatSeconds(err.timeoutMs)}` : ' in time';
    return new RegistryCallError(
      `the registry at ${registry} did not answer${within}. Check that it is healthy, or allow more time with --timeout <seconds>.`,
      ExitCode.unreachable,
      undefined,
      undefined,
      'REGISTRY_TIMEOUT',
    );
  }
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const why =
    err instanceof RegistryConnectionError
      ? `${err.code}${err.attempts > 1 ? `, ${err.attempts} attempts` : ''}`
      : (cause?.code ?? cause?.message ?? (err as Error).message);
  return new RegistryCallError(
    `cannot reach the registry at ${registry} (${why}). ${START_HINT}`,
    ExitCode.unreachable,
    undefined,
    undefined,
    'REGISTRY_UNREACHABLE',
  );
}

interface ErrorBody {
  code?: string;
  message?: string;
}

/**
 * Runs one generated-client call. Network failures and 5xx become exit 3 with
 * the URL; other HTTP errors carry the registry's code, message and details.
 */
export async function callRegistry<T>(
  registry: string,
  call: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call();
  } catch (err) {
    throw unreachable(registry, err);
  }
  const { response } = result;
  if (response.ok) return result.data as T;
  const body = (result.error ?? {}) as ErrorBody;
  const hint = response.status === 401 ? ' Log in with: dmesh login --registry ' + registry + ' --token <token>' : '';
  throw new RegistryCallError(
    `${registry} answered ${response.status}${body.code ? ` ${body.code}` : ''}: ${body.message ?? response.statusText}.${hint}`,
    exitCodeForStatus(response.status),
    response.status,
    result.error,
  );
}
