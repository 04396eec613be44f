import { createHash } from 'node:crypto';
import { realpathSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Which registry owns an embedded data folder. The lock is a local socket the
 * registry process listens on for as long as it runs: the kernel frees it the
 * moment the process ends, however it ends (kill -9 included), so a
 * PostgreSQL found running in a folder whose lock is free was left behind by
 * a registry that is gone, and may be stopped. Taking it is atomic, so two
 * registries never both own one folder.
 *
 * On Linux it is an abstract socket (no file, nothing stale); on Windows a
 * named pipe; elsewhere a socket file in the temporary folder, which a crash
 * leaves behind and the next start removes when nothing answers on it.
 */
export interface DataDirLock {
  release(): Promise<void>;
}

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const address = lockAddress(dataDir);
  const server = createServer((socket) => socket.end(`${process.pid}\n`));
  server.on('error', () => undefined);
  try {
    await listen(server, address);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    const holder = await lockOwner(address);
    if (!holder.listening && address.startsWith('/')) {
      rmSync(address, { force: true }); // a socket file nobody listens on: its registry is gone
      await listen(server, address);
    } else {
      throw new DataDirLockedError(
        `another dmesh registry${holder.pid ? ` (pid ${holder.pid})` : ''} uses the data folder ${dataDir}; ` +
          'stop it first, or set DMESH_DATA_DIR to another folder',
      );
    }
  }
  server.unref();
  const pidFile = join(dataDir, 'registry.pid'); // for people: the lock itself is the socket
  writeFileSync(pidFile, `${process.pid}\n`);
  return {
    release: async () => {
      rmSync(pidFile, { force: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function lockAddress(dataDir: string): string {
  const hash = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 32);
  if (process.platform === 'linux') return `\0dmesh-registry-${hash}`;
  if (process.platform === 'win32') return `\\\\?\\pipe\\dmesh-registry-${hash}`;
  return join(tmpdir(), `dmesh-registry-${hash}.sock`);
}

function listen(server: Server, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => reject(err);
    server.once('error', fail);
    server.listen(address, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

/** Whether a registry listens on the lock, and the pid it answers with. */
function lockOwner(address: string): Promise<{ listening: boolean; pid?: number }> {
  return new Promise((resolve) => {
    let text = '';
    let connected = false;
    const socket = connect(address, () => (connected = true));
    socket.setTimeout(2_000, () => socket.destroy());
    socket.on('data', (chunk) => (text += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ listening: connected, ...(Number(text) > 0 && { pid: Number(text) }) }));
  });
}
