import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchDatabase } from './bench-db.js';
import { p99, round } from './bench-product.js';
import { startRegistryProcess, type RegistryProcess } from './registry-process.js';

type Figure = { value: number; unit: string; baseline?: number; ratio?: number; scale: string };

const ABUSE_CLIENT = fileURLToPath(new URL('./abuse-client.js', import.meta.url));

/** Times GET /health/live and GET /v1/products/sales.orders, turn about, until `until()` says stop. */
async function sample(r: RegistryProcess, until: () => boolean): Promise<{ live: number[]; product: number[] }> {
  const live: number[] = [];
  const product: number[] = [];
  const time = async (path: string, into: number[]) => {
    const started = performance.now();
    const res = await fetch(`${r.url}${path}`);
    await res.arrayBuffer();
    into.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status} under the benchmark`);
  };
  while (!until()) {
    await time('/health/live', live);
    await time('/v1/products/sales.orders', product);
    await sleep(5);
  }
  return { live, product };
}

/** The abusive mix in its own process (abuse-client.ts), for `seconds`; resolves with what it sent. */
function abuse(url: string, seconds: number): { done: Promise<string>; running: () => boolean } {
  let running = true;
  const child = spawn(process.execPath, [ABUSE_CLIENT, url, String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const done = new Promise<string>((resolve) =>
    child.on('exit', () => {
      running = false;
      resolve(out.trim());
    }),
  );
  return { done, running: () => running };
}

/**
 * Liveness and a single-product read while another process sends anonymous
 * heavy and malformed requests (abuse-client.ts) to a registry process on
 * the demo catalog. Baseline: the same samples with no abuse, taken in turns
 * with the abused ones (quiet, abused, quiet, …), so that a noisy host
 * weighs on both alike.
 */
export async function runAbuseBench(scale: 'full' | 'quick'): Promise<Record<string, Figure>> {
  const [cycles, quietS, abuseS] = scale === 'full' ? [4, 3, 6] : [2, 2, 4];
  const bench = await benchDatabase();
  // The worst case for the threats filed: a public catalog (anonymous reads on), so the anonymous abuse reaches
  // the heavy handlers, and no rate limit (the abuser and the sampler are one address here; the figures are the
  // registry's own defences: caps, bulkhead, worker threads, statement timeout).
  const r = await startRegistryProcess({
    DATABASE_URL: bench.url,
    DMESH_SEED: '1',
    DMESH_ANONYMOUS_READ: '1',
    DMESH_RATE_LIMIT: '0',
  });
  const quiet = { live: [] as number[], product: [] as number[] };
  const loaded = { live: [] as number[], product: [] as number[] };
  const sent: string[] = [];
  try {
    for (let c = 0; c < cycles; c++) {
      const quietUntil = performance.now() + quietS * 1000;
      merge(quiet, await sample(r, () => performance.now() > quietUntil));
      const load = abuse(r.url, abuseS);
      await sleep(500); // the mix under way
      merge(loaded, await sample(r, () => !load.running()));
      sent.push(await load.done);
    }
    const s = `demo catalog, registry process (anonymous reads on, no rate limit); ${cycles} × (${quietS} s quiet, ${abuseS} s of abuse by another process); last mix sent: ${sent.at(-1)}`;
    return {
      'health.live_p99_ms_under_abuse': figure(
        p99(loaded.live),
        p99(quiet.live),
        `${loaded.live.length} samples; ${s}`,
      ),
      'products.get_p99_ms_under_abuse': figure(
        p99(loaded.product),
        p99(quiet.product),
        `${loaded.product.length} samples; ${s}`,
      ),
    };
  } finally {
    await r.stop();
    await bench.close();
  }
}

function merge(into: { live: number[]; product: number[] }, from: { live: number[]; product: number[] }): void {
  into.live.push(...from.live);
  into.product.push(...from.product);
}

function figure(value: number, baseline: number, scale: string): Figure {
  return { value: round(value), unit: 'ms', baseline: round(baseline), ratio: round(value / baseline), scale };
}
