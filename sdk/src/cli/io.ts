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
  /** The running dmesh script (process.argv[1]), to print hints that run as typed. */
  script?: string;
  /** Where `--ci` annotations go when stdout is otherwise silenced (`--quiet`); else `out`. */
  annotate?(text: string): void;
}

/**
 * Writes lines to a stream until the reader goes away: after EPIPE (`dmesh show … | head`)
 * the rest is dropped quietly and the command still ends with its own exit code.
 */
function lineWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let open = true;
  stream.on('error', () => (open = false));
  return (text) => {
    if (!open) return;
    try {
      stream.write(text.endsWith('\n') ? text : text + '\n');
    } catch {
      open = false;
    }
  };
}

export function processIO(): CliIO {
  const isTTY = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return {
    out: lineWriter(process.stdout),
    err: lineWriter(process.stderr),
    color: pc.createColors(isTTY),
    isTTY,
    env: process.env,
    cwd: process.cwd(),
    ...(process.argv[1] && { script: process.argv[1] }),
  };
}

/** `--quiet`: nothing on stdout but a `--json` document or `--ci` annotations; problems and errors still reach stderr. */
export function quietIO(io: CliIO, keepOut: boolean): CliIO {
  return keepOut ? io : { ...io, out: () => {}, annotate: io.out };
}

/** Thrown by commands for bad input (exit 2) with a message that names the file, path and fix. */
export class UsageError extends Error {
  readonly exitCode: number = ExitCode.usage;
  constructor(
    message: string,
    /** A machine code for `--json` error documents. */
    readonly code = 'USAGE',
  ) {
    super(message);
  }
}
