import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../database/embedded-postgres.js';

// Running a benchmark as users run the registry: its own process (node
// registry/dist/main.js, the registry's Node flags), and requests sent to it at
// a fixed rate from this process, whatever the answers' pace (an open loop:
// a slow answer delays no later request, so queueing shows in the latencies).

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../main.js');
/** registry/node-flags.js (outside the compiled sources): the flags `npm start` runs the registry with. */
const FLAGS = new URL('../../node-flags.js', import.meta.url).href;

export interface RegistryProcess {
  url: string;
  /** Milliseconds from spawn until it answered /health/ready (migrations and start-up indexing included). */
  startMs: number;
  stop(): Promise<void>;
}

/** `node registry/dist/main.js` on an external database, ready when /health/ready answers 200. */
export async function startRegistryProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<RegistryProcess> {
  const { REGISTRY_NODE_FLAGS } = (await import(FLAGS)) as { REGISTRY_NODE_FLAGS: string[] };
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...REGISTRY_NODE_FLAGS, MAIN], {
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the registry exited with ${child.exitCode} while starting`);
    const ready = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const startMs = performance.now() - started;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, startMs, stop };
}

/**
 * Sends `items` at `perSecond` (item k at start + k / perSecond) and returns
 * each one's latency, from when it was due until its answer was read.
 */
export async function openLoop<T>(
  items: readonly T[],
  perSecond: number,
  send: (item: T) => Promise<void>,
): Promise<number[]> {
  const start = performance.now() + 50;
  const latencies = new Array<number>(items.length);
  await Promise.all(
    items.map(async (item, k) => {
      const due = start + (k * 1000) / perSecond;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      await send(item);
      latencies[k] = performance.now() - due;
    }),
  );
  return latencies;
}

/** POSTs a GraphQL request and checks it was answered with data and no error. */
export async function graphql(url: string, query: string, variables: unknown): Promise<unknown> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
  if (res.status !== 200 || body.errors)
    throw new Error(
      `GraphQL answered ${res.status}: ${body.errors?.[0]?.message ?? ''} for ${JSON.stringify(variables)}`,
    );
  return body.data;
}
