import { ExitCode, type CliIO } from './io.js';
import { printRegistryError, RegistryCallError } from './registry-error.js';

/** What `--json` prints on stdout when a command fails before it has an answer. */
export interface ErrorDocument {
  error: { code: string; message: string; fix?: string; details?: unknown[]; [key: string]: unknown };
}

interface Coded {
  exitCode?: unknown;
  code?: unknown;
  problems?: { message?: string; fix?: string }[];
}

/** The exit code an error carries (UsageError, RegistryCallError, data-file errors …), else 1. */
export function exitCodeOf(err: unknown): number {
  const code = (err as Coded | undefined)?.exitCode;
  return typeof code === 'number' ? code : ExitCode.no;
}

/** True for errors that say what went wrong and how to fix it; anything else is a bug in dmesh. */
export function isExpected(err: unknown): boolean {
  return typeof (err as Coded | undefined)?.exitCode === 'number';
}

export function errorDocument(err: unknown, expected = isExpected(err)): ErrorDocument {
  if (err instanceof RegistryCallError) {
    const body = err.body as ErrorDocument['error'] | undefined;
    return { error: body?.message ? body : { code: err.code, message: err.message } };
  }
  if (!expected) return { error: { code: 'INTERNAL', message: messageOf(err) } };
  const e = err as Coded & Error;
  const named = e.name && e.name !== 'Error' ? e.name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() : 'USAGE';
  const code = typeof e.code === 'string' && e.code ? e.code : named;
  return { error: { code, message: e.message, ...(e.problems && { details: e.problems }) } };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/**
 * The one place a failed command is reported: a JSON error document on stdout
 * under `--json`, one line (plus the registry's details) on stderr always. A
 * stack trace only with DMESH_DEBUG=1. Returns the exit code.
 */
export function reportFailure(io: CliIO, command: string, err: unknown, json: boolean, exitCode?: number): number {
  const expected = exitCode !== undefined || isExpected(err);
  if (json) io.out(JSON.stringify(errorDocument(err, expected), null, 2));
  const prefix = command ? `dmesh ${command}` : 'dmesh';
  if (err instanceof RegistryCallError) printRegistryError(io, command, err);
  else if (expected) io.err(io.color.red(`${prefix}: ${(err as Error).message}`));
  else {
    io.err(io.color.red(`${prefix}: unexpected error: ${messageOf(err).split('\n')[0]}`));
    io.err(
      io.env.DMESH_DEBUG
        ? String((err as Error)?.stack ?? err)
        : 'This is a bug in dmesh. Rerun with DMESH_DEBUG=1 to see where it happened, and report it with that output.',
    );
  }
  return exitCode ?? exitCodeOf(err);
}
