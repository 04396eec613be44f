import { publishRequest } from '../fixtures.js';
import { answered, call, hasCommonBody, type Outcome } from './http-client.js';

export interface Sent {
  product: string;
  version: string;
  outcome: Outcome;
}

/** The i-th publish of a burst: its own product (one of `products`), minor versions rising per product from `from`. */
export function burstRequest(i: number, products: number, from = 0) {
  const name = `p${i % products}`;
  const version = `1.${from + Math.floor(i / products)}.0`;
  return {
    product: `customers.${name}`,
    version,
    request: publishRequest({ name, version, description: `burst ${i}` }),
  };
}

/** Sends `count` publishes at once; `onFirstAnswer` runs when the first one is answered (to stop the registry then). */
export async function publishBurst(
  url: string,
  token: string,
  count: number,
  options: { products: number; fromMinor?: number; onFirstAnswer?: () => void },
): Promise<Sent[]> {
  let first = true;
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const { product, version, request } = burstRequest(i, options.products, options.fromMinor);
      const outcome = await call(`${url}/v1/products/${product}/versions`, 'POST', request, token);
      if (first && answered(outcome)) {
        first = false;
        options.onFirstAnswer?.();
      }
      return { product, version, outcome };
    }),
  );
}

/**
 * Whether a publish ended cleanly while the registry stopped: answered (2xx,
 * a 4xx or a 503 with the common error body), or its connection refused
 * because the registry no longer listened. A reset mid-answer or a 500 is not.
 */
export function endedCleanly(o: Outcome): boolean {
  if (!answered(o)) return o.error === 'ECONNREFUSED';
  if (o.status < 300) return true;
  return (o.status < 500 || o.status === 503) && hasCommonBody(o);
}

export const accepted = (sent: Sent[]) =>
  sent.filter((s) => answered(s.outcome) && (s.outcome.status === 201 || s.outcome.status === 200));

/**
 * Every stored version is whole — its descriptor, its one port and that
 * port's contract as sent — and every version acknowledged with 201/200 is
 * among them. Read through a registry's REST API.
 */
export async function expectWholeVersions(url: string, token: string, sent: Sent[]): Promise<number> {
  const products = [...new Set(sent.map((s) => s.product))];
  let stored = 0;
  for (const product of products) {
    const list = await call(`${url}/v1/products/${product}/versions`, 'GET', undefined, token);
    const versions: string[] = answered(list) && list.status === 200 ? list.body.map((v: any) => v.version) : [];
    for (const s of accepted(sent).filter((a) => a.product === product)) expect(versions).toContain(s.version);
    for (const version of versions) {
      const detail = await call(`${url}/v1/products/${product}/versions/${version}`, 'GET', undefined, token);
      expect(answered(detail) && detail.status).toBe(200);
      const body = (detail as { body: any }).body;
      expect(body.descriptor.metadata.version).toBe(version);
      expect(body.outputs).toHaveLength(1);
      expect(body.outputs[0].contract?.properties?.customer_id).toEqual({
        type: 'string',
        description: 'Customer key.',
      });
      stored++;
    }
  }
  return stored;
}
