/**
 * Publish requests for the registry benchmarks: a small valid product that
 * passes the default global policies (documented fields, an owner, a
 * classification), as `dmesh publish` sends it.
 */
export function benchPublishRequest(domain: string, name: string, version: string, fields = 12) {
  const properties: Record<string, unknown> = {
    id: { type: 'string', description: 'Row key.' },
  };
  for (let i = 1; i < fields; i++)
    properties[`field_${i}`] = { type: i % 3 ? 'string' : 'integer', description: `Field ${i} of ${name}.` };
  return {
    descriptor: {
      apiVersion: 'dmesh.io/v1',
      kind: 'DataProduct',
      metadata: {
        domain,
        name,
        version,
        title: `${name} product`,
        description: `The ${name} of ${domain}, version ${version}.`,
        owner: { team: `${domain}-team`, email: `${domain}@example.com` },
        tags: [domain],
        classification: 'internal',
        tier: 'silver',
      },
      spec: {
        outputs: [
          {
            name,
            kind: 'table',
            format: 'parquet',
            location: `s3://lake/${domain}/${name}/`,
            contract: `contracts/${name}.schema.json`,
          },
        ],
      },
    },
    contracts: {
      [`contracts/${name}.schema.json`]: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        additionalProperties: false,
        properties,
        required: ['id'],
      },
    },
    domain: {
      apiVersion: 'dmesh.io/v1',
      kind: 'Domain',
      name: domain,
      description: `The ${domain} domain.`,
      owner: { team: `${domain}-team`, email: `${domain}@example.com` },
    },
  };
}

/** Answers to a batch of requests: how many of each status class, and the time of each. */
export interface Tally {
  ok: number;
  refused: number;
  failed: number;
  latencies: number[];
}

export const newTally = (): Tally => ({ ok: 0, refused: 0, failed: 0, latencies: [] });

/** One POST of a publish request with its time and the status class it counts under. */
export async function timedPublish(url: string, token: string, id: string, body: unknown, tally: Tally) {
  const started = performance.now();
  const res = await fetch(`${url}/v1/products/${id}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  }).catch(() => undefined);
  tally.latencies.push(performance.now() - started);
  await res?.arrayBuffer();
  if (!res || res.status >= 500) tally.failed++;
  else if (res.status >= 400) tally.refused++;
  else tally.ok++;
  return res?.status;
}

export const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.99) - 1)];
export const round = (x: number) => Math.round(x * 100) / 100;
