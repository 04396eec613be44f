import { benchDatabase } from './bench-db.js';
import { benchPublishRequest, newTally, p99, round, timedPublish, type Tally } from './bench-product.js';
import { startRegistryProcess, type RegistryProcess } from './registry-process.js';

type Figure = { value: number; unit: string; baseline?: number; ratio?: number; scale: string };

const WRITERS = 20;

/** Writers publishing new versions back to back until the deadline; `next(w, k)` is writer w's k-th publish. */
async function race(
  r: RegistryProcess,
  seconds: number,
  next: (writer: number, k: number) => { id: string; body: unknown },
): Promise<Tally & { perSecond: number }> {
  const tally = newTally();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let k = 1; performance.now() < deadline; k++) {
        const { id, body } = next(w, k);
        await timedPublish(r.url, r.token, id, body, tally);
      }
    }),
  );
  return { ...tally, perSecond: tally.ok / ((performance.now() - started) / 1000) };
}

/** Version 1.0.0 of each writer's product, and majors 1..20 of the one hot product (each writer its own line). */
async function setUp(r: RegistryProcess): Promise<void> {
  const tally = newTally();
  for (let w = 0; w < WRITERS; w++) {
    await timedPublish(r.url, r.token, `bench.p${w}`, benchPublishRequest('bench', `p${w}`, '1.0.0'), tally);
    await timedPublish(r.url, r.token, 'bench.hot', benchPublishRequest('bench', 'hot', `${w + 1}.0.0`), tally);
  }
  if (tally.ok !== 2 * WRITERS) throw new Error(`the benchmark's setup publishes failed (${JSON.stringify(tally)})`);
}

async function deletePolicies(r: RegistryProcess): Promise<void> {
  const listed = await fetch(`${r.url}/v1/policies`, { headers: { authorization: `Bearer ${r.token}` } });
  if (!listed.ok) throw new Error(`GET /v1/policies answered ${listed.status}: ${await listed.text()}`);
  const policies = (await listed.json()) as { id: string }[];
  for (const { id } of policies) {
    // Built-in error policies are deleted only by an admin with a reason.
    const res = await fetch(`${r.url}/v1/policies/${id}?reason=publish%20benchmark%20baseline`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${r.token}` },
    });
    if (res.status !== 204) throw new Error(`DELETE /v1/policies/${id} answered ${res.status}: ${await res.text()}`);
  }
}

/**
 * Publishing through a registry process (DATABASE_URL, default pool) with
 * compatibility and the eight default global policies: 20 writers on 20
 * products, then 20 writers racing on one product (each on its own major
 * line, so every publish is valid and they contend only on the product's
 * lock). Baseline: the 20 writers again with every policy deleted.
 */
export async function runPublishBench(scale: 'full' | 'quick'): Promise<Record<string, Figure>> {
  const seconds = scale === 'full' ? 10 : 3;
  const s = `${WRITERS} writers, ${seconds} s each run, 12-field contracts, registry process over HTTP`;
  const bench = await benchDatabase();
  // No rate limit: the 20 writers share one token, and the figure is publishing, not the limiter (1,200 a minute).
  const r = await startRegistryProcess({ DATABASE_URL: bench.url, DMESH_RATE_LIMIT: '0' });
  try {
    await setUp(r);
    let minor = 0;
    const spread = await race(r, seconds, (w, k) => ({
      id: `bench.p${w}`,
      body: benchPublishRequest('bench', `p${w}`, `1.${(minor = Math.max(minor, k))}.0`),
    }));
    const hot = await race(r, seconds, (w, k) => ({
      id: 'bench.hot',
      body: benchPublishRequest('bench', 'hot', `${w + 1}.${k}.0`),
    }));
    await deletePolicies(r);
    const from = minor;
    const bare = await race(r, seconds, (w, k) => ({
      id: `bench.p${w}`,
      body: benchPublishRequest('bench', `p${w}`, `1.${from + k}.0`),
    }));
    return {
      'publish.per_s_20_writers': figure(spread.perSecond, '/s', bare.perSecond, s),
      'publish.p99_ms': figure(p99(spread.latencies), 'ms', p99(bare.latencies), s),
      'publish.hot_product_per_s': figure(hot.perSecond, '/s', undefined, `${s}; one product`),
      'publish.hot_product_5xx': figure(hot.failed + spread.failed, 'responses', undefined, `${s}; 5xx of both runs`),
    };
  } finally {
    await r.stop();
    await bench.close();
  }
}

function figure(value: number, unit: string, baseline: number | undefined, scale: string): Figure {
  return {
    value: round(value),
    unit,
    ...(baseline !== undefined && { baseline: round(baseline), ratio: round(value / baseline) }),
    scale,
  };
}
