import { ExitCode, type CliIO } from './io.js';

/** An answer from (or the absence of) the registry, carrying the CLI exit code it maps to. */
export class RegistryCallError extends Error {
  override name = 'RegistryCallError';
  constructor(
    message: string,
    readonly exitCode: number,
    readonly status?: number,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

interface ErrorBody {
  code?: string;
  message?: string;
  details?: { code?: string; path?: string; file?: string; message?: string; fix?: string }[];
}

/** 400 is bad input (2); 401/403/404/409/422 are a "no" (1); 5xx means the registry could not answer (3). */
export function exitCodeForStatus(status: number): number {
  if (status >= 500) return ExitCode.unreachable;
  if (status === 400) return ExitCode.usage;
  return ExitCode.no;
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
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new RegistryCallError(
      `cannot reach the registry at ${registry} (${cause?.code ?? cause?.message ?? (err as Error).message}). ` +
        'Start one with `npm start` in the dmesh repository, or pass --registry <url> / set DMESH_REGISTRY_URL.',
      ExitCode.unreachable,
    );
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

/** Prints a registry error and its details (each with its fix). */
export function printRegistryError(io: CliIO, command: string, err: RegistryCallError): void {
  io.err(io.color.red(`dmesh ${command}: ${err.message}`));
  for (const d of (err.body as ErrorBody | undefined)?.details ?? []) {
    const where = [d.file, d.path].filter(Boolean).join(' ');
    io.err(
      `  ${io.color.red('✗')} ${d.code ? `[${d.code}] ` : ''}${where ? io.color.bold(where) + ': ' : ''}${d.message ?? d.code}`,
    );
    if (d.fix) io.err(`    ${io.color.dim('fix:')} ${d.fix}`);
  }
}
