import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A registry killed with SIGKILL (or a crash the exit hook could not see)
 * leaves its embedded PostgreSQL running, and PostgreSQL then refuses a
 * second server on the folder. Called with the folder's lock held
 * (data-dir-lock.ts), so no living registry owns that server: it is stopped
 * with a fast shutdown (clients disconnected, a checkpoint written) and the
 * start goes on. A postmaster.pid whose process is gone, or is not this
 * folder's PostgreSQL, is stale and removed.
 */
export async function stopOrphanedPostgres(pgdata: string, log: (line: string) => void): Promise<void> {
  const lockFile = join(pgdata, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (!(pid > 0) || !isAlive(pid) || !runsOn(pid, pgdata)) {
    rmSync(lockFile, { force: true });
    return;
  }
  log(`stopping the PostgreSQL (pid ${pid}) that a stopped registry left running in ${pgdata} …`);
  if (await signalAndWait(pid, 'SIGINT', 30_000)) return;
  // Immediate shutdown: PostgreSQL recovers from its log at the next start.
  if (await signalAndWait(pid, 'SIGQUIT', 10_000)) return;
  throw new Error(`the PostgreSQL left running in ${pgdata} (pid ${pid}) did not stop; stop it with "kill ${pid}"`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process is a PostgreSQL of this folder (Linux tells by its command line; elsewhere assumed). */
function runsOn(pid: number, pgdata: string): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  if (process.platform !== 'linux' || !existsSync(cmdline)) return true;
  const args = readFileSync(cmdline, 'utf8').split('\0');
  return args.some((a) => a.includes('postgres')) && args.includes(pgdata);
}

async function signalAndWait(pid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch {
    return !isAlive(pid);
  }
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) if (!isAlive(pid)) return true;
  return false;
}
