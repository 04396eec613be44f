import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Drain } from './drain.js';

/** How long requests in flight get to finish once a stop is asked for. */
export const DEFAULT_DRAIN_MS = 10_000;

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

interface Closer {
  name: string;
  close(): Promise<void>;
}

/**
 * The registry's stop, in the reverse order of its start: what was opened
 * last is closed first — the HTTP server (drained), then the database pool,
 * then the embedded PostgreSQL and the data folder's lock. Listening from the
 * first line of the start, so a signal during start-up stops what was opened
 * so far instead of leaving a PostgreSQL behind.
 */
export class Shutdown {
  private readonly closers: Closer[] = [];
  private stopping: Promise<number> | undefined;

  constructor(private readonly log: (line: string) => void) {}

  /** Registers something to close at the stop; closed in the reverse order of registration. */
  add(name: string, close: () => Promise<void>): void {
    this.closers.push({ name, close });
  }

  /** SIGINT, SIGTERM and SIGHUP stop the registry, then `exit` with 0 (1 when something failed to close). */
  listen(exit: (code: number) => void = (code) => process.exit(code)): void {
    for (const signal of STOP_SIGNALS) process.on(signal, () => void this.stop(signal).then(exit));
  }

  /** Closes everything registered, once, however many times it is asked. */
  stop(reason: string): Promise<number> {
    this.stopping ??= this.closeAll(reason);
    return this.stopping;
  }

  private async closeAll(reason: string): Promise<number> {
    this.log(`${reason}: stopping the registry …`);
    let failed = false;
    for (const closer of [...this.closers].reverse()) {
      try {
        await closer.close();
      } catch (err) {
        failed = true;
        this.log(`  ${closer.name} did not close cleanly: ${(err as Error).message}`);
      }
    }
    this.log(failed ? 'registry stopped, with errors' : 'registry stopped');
    return failed ? 1 : 0;
  }
}

/**
 * Stops the HTTP server: new requests are refused (Drain) while the requests
 * in flight finish, within `drainMs`; only then does the server stop
 * listening (closing a connection whose request was not read yet would reset
 * it), and connections still open after the rest of the budget are closed.
 * Nest's shutdown hooks run last (worker threads stopped).
 */
export async function closeHttp(
  app: NestFastifyApplication,
  drain: Drain,
  drainMs: number,
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  drain.begin();
  if (drain.pending) log(`  draining ${drain.pending} request(s) in flight (at most ${drainMs / 1000} s) …`);
  await drain.settled(drainMs);
  const force = setTimeout(
    () => {
      log(`  ${drain.pending} request(s) still running after ${drainMs / 1000} s: closing their connections`);
      app.getHttpServer().closeAllConnections();
    },
    Math.max(0, drainMs - (Date.now() - started)),
  );
  try {
    await app.close();
  } finally {
    clearTimeout(force);
  }
}
