import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { REGISTRY_NODE_FLAGS } from '../../node-flags.js';

/** The built registry entry point, run as users run it. */
export const REGISTRY_MAIN = fileURLToPath(new URL('../main.js', import.meta.url)).replace(
  /[\\/]src[\\/]main\.js$/,
  '/dist/main.js',
);

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
  /** Sends the signal (SIGTERM by default) and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

/** None of this process's registry settings, a free port, an admin token. */
function registryEnv(env: Record<string, string>, token: string): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('DMESH_') && k !== 'DATABASE_URL' && k !== 'NODE_OPTIONS',
    ),
  );
  return { ...base, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', DMESH_BOOTSTRAP_TOKEN: token, ...env };
}

/**
 * Starts `node <REGISTRY_NODE_FLAGS> registry/dist/main.js` and resolves once
 * it listens (with the URL it printed), or rejects with its output and exit
 * (`code`, `signal` on the error) when it exits first.
 */
export function startRegistryProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<RegistryProcess> {
  const token = `bench-${randomBytes(12).toString('hex')}`;
  const child = spawn(process.execPath, [...REGISTRY_NODE_FLAGS, REGISTRY_MAIN], {
    env: registryEnv(env, token),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the registry did not start in ${timeoutMs} ms:\n${text}`));
    }, timeoutMs);
    const onData = () => {
      const url = /dmesh registry listening on (http:\/\/\S+)/.exec(text)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({ url, pid: child.pid!, token, child, output: () => text, exited, stop });
    };
    child.stdout!.on('data', onData);
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(
        Object.assign(new Error(`the registry exited (${JSON.stringify(exit)}) before listening:\n${text}`), exit),
      );
    });
  });
}
