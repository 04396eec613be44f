import pc from 'picocolors';

/** Exit codes from ARCHITECTURE.md ("Interfaces people touch"). */
export const ExitCode = { ok: 0, no: 1, usage: 2, unreachable: 3 } as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * What a command may touch besides files: output streams and colours. Commands
 * return an exit code; only the CLI entry point calls `process.exit`.
 */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** picocolors, with colours off when the stream is not a TTY. */
  color: ReturnType<typeof pc.createColors>;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIO(): CliIO {
  const isTTY = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    color: pc.createColors(isTTY),
    isTTY,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Thrown by commands for bad input (exit 2) with a message that names the file, path and fix. */
export class UsageError extends Error {
  readonly exitCode = ExitCode.usage;
}
