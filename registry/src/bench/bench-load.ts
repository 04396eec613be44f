// Requests sent to a registry process (registry-process.ts) at a fixed rate
// from this process, whatever the answers' pace (an open loop: a slow answer
// delays no later request, so queueing shows in the latencies).

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
