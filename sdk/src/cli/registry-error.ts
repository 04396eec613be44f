import { ExitCode, type CliIO } from './io.js';
import { printVerdict, type VerdictContext, type VerdictView } from './render-verdict.js';

/** An answer from (or the absence of) the registry, carrying the CLI exit code it maps to. */
export class RegistryCallError extends Error {
  override name = 'RegistryCallError';
  constructor(
    message: string,
    readonly exitCode: number,
    readonly status?: number,
    readonly body?: unknown,
    /** REGISTRY_UNREACHABLE, REGISTRY_TIMEOUT, or the registry's own error code. */
    readonly code: string = (body as { code?: string } | undefined)?.code ?? `HTTP_${status ?? 0}`,
  ) {
    super(message);
  }
}

/** 400 is bad input (2); 401/403/404/409/422 are a "no" (1); 5xx means the registry could not answer (3). */
export function exitCodeForStatus(status: number): number {
  if (status >= 500) return ExitCode.unreachable;
  if (status === 400) return ExitCode.usage;
  return ExitCode.no;
}

/** Prints a registry error once: the answer in one line, then its contract changes, governance and other problems. */
export function printRegistryError(io: CliIO, command: string, err: RegistryCallError, ctx: VerdictContext = {}): void {
  io.err(io.color.red(`dmesh ${command}: ${err.message}`));
  if (err.body && typeof err.body === 'object') printVerdict(io, err.body as VerdictView, io.err, ctx);
}
