import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built registry, run as users run it (`npm test` builds it first). */
const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RegistryProcess {
  url: string;
  pid: number;
  token: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<Exit>;
  /** Sends the signal and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

/** A folder for an embedded PostgreSQL that the postgres user can enter when the tests run as root. */
export function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dmesh-proc-'));
  chmodSync(dir, 0o755);
  return dir;
}

/** The environment of a registry process: none of the test process's registry settings, a free port, an admin token. */
function registryEnv(env: Record<string, string>, token: string): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('DMESH_') && k !== 'DATABASE_URL' && k !== 'NODE_OPTIONS',
    ),
  );
  return { ...base, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', DMESH_BOOTSTRAP_TOKEN: token, ...env };
}

/**
 * Starts `node registry/dist/main.js` and resolves once it listens (with the
 * URL it printed), or rejects with its output when it exits first.
 */
export function startRegistryProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<RegistryProcess> {
  const token = `test-${randomBytes(12).toString('hex')}`;
  const child = spawn(process.execPath, [MAIN], { env: registryEnv(env, token), stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the registry did not start in ${timeoutMs} ms:\n${text}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      text += chunk;
      const url = /dmesh registry listening on (http:\/\/\S+)/.exec(text)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stdout!.on('data', (more: Buffer) => (text += more));
      resolve({ url, pid: child.pid!, token, child, output: () => text, exited, stop: (s) => stop(child, exited, s) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk));
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(
        Object.assign(new Error(`the registry exited (${JSON.stringify(exit)}) before listening:\n${text}`), exit),
      );
    });
  });
}

function stop(child: ChildProcess, exited: Promise<Exit>, signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  return exited;
}

/** Runs the registry until it exits by itself (a refused start); resolves with its exit and output. */
export async function runToExit(env: Record<string, string>): Promise<Exit & { output: string }> {
  try {
    const started = await startRegistryProcess(env);
    await started.stop('SIGKILL');
    throw new Error(`the registry started though it should have refused:\n${started.output()}`);
  } catch (err) {
    const exit = err as Error & Partial<Exit>;
    if (exit.code === undefined) throw err;
    return { code: exit.code ?? null, signal: exit.signal ?? null, output: exit.message };
  }
}
