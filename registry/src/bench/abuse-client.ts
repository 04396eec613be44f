/**
 * The abusive mix, as a process of its own: `node abuse-client.js <registry
 * url> <seconds>`. Anonymous heavy reads and bad input in bounded loops until
 * the deadline, then one line of JSON: requests by kind and status.
 *
 * - search with the most words allowed, and with 3,000 words (refused)
 * - impact of an 18,000-property schema (CPU-heavy) on a demo port
 * - lineage walks at depth 50 with field level and the largest budget, drift
 * - GraphQL searches with nested fields
 * - malformed input: NUL, repeated parameters, bad JSON, a 4 MB body
 */
const [url, seconds] = [process.argv[2], Number(process.argv[3] ?? 10)];
const deadline = Date.now() + seconds * 1000;
const tally: Record<string, Record<string, number>> = {};

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}xyz`).join(' ');
const hugeSchema = () => {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < 18_000; i++) properties[`field_${i}`] = { type: 'string' };
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties };
};
const impactBody = JSON.stringify({ schema: hugeSchema() });
const graphql = JSON.stringify({
  query: `{ search(query: "order", first: 100) { edges { node { id versions { version ports { name contract { schema } } } } } } }`,
});
const json = { 'content-type': 'application/json' };

type Shot = () => Promise<Response>;
const MIX: Record<string, { loops: number; shot: Shot }> = {
  search: { loops: 8, shot: () => fetch(`${url}/v1/products?q=${encodeURIComponent(words(16))}`) },
  search3000: { loops: 2, shot: () => fetch(`${url}/v1/products?q=${encodeURIComponent(words(3000).slice(0, 7000))}`) },
  impact: {
    loops: 5,
    shot: () =>
      fetch(`${url}/v1/lineage/products/sales.orders/ports/orders/impact`, {
        method: 'POST',
        headers: json,
        body: impactBody,
      }),
  },
  lineage: {
    loops: 3,
    shot: () => fetch(`${url}/v1/lineage/products/customers.profiles?depth=50&fieldLevel=true&budget=50000`),
  },
  drift: { loops: 1, shot: () => fetch(`${url}/v1/lineage/drift`) },
  graphql: { loops: 2, shot: () => fetch(`${url}/graphql`, { method: 'POST', headers: json, body: graphql }) },
  malformed: {
    loops: 2,
    shot: () => {
      const bad = [
        () => fetch(`${url}/v1/products/%00`),
        () => fetch(`${url}/v1/products?q=a&q=b`),
        () =>
          fetch(`${url}/v1/lineage/products/sales.orders/ports/orders/impact`, {
            method: 'POST',
            headers: json,
            body: '{x',
          }),
        () =>
          fetch(`${url}/v1/lineage/products/sales.orders/ports/orders/impact`, {
            method: 'POST',
            headers: json,
            body: 'x'.repeat(4_200_000),
          }),
      ];
      return bad[Math.floor(Math.random() * bad.length)]();
    },
  },
};

async function loop(kind: string, shot: Shot): Promise<void> {
  while (Date.now() < deadline) {
    const status = await shot()
      .then(async (res) => (await res.arrayBuffer(), String(res.status)))
      .catch((err: Error) => err.name);
    tally[kind] ??= {};
    tally[kind][status] = (tally[kind][status] ?? 0) + 1;
  }
}

await Promise.all(
  Object.entries(MIX).flatMap(([kind, { loops, shot }]) => Array.from({ length: loops }, () => loop(kind, shot))),
);
process.stdout.write(`${JSON.stringify(tally)}\n`);
