import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { startRegistry, type RunningRegistry } from '../app-harness.js';
import { publishRequest } from '../fixtures.js';
import { answered, call, hasCommonBody, type Outcome } from '../process/http-client.js';
import { mutate, mutation } from './mutations.js';
import { badQuery, ENDPOINTS, encodePathSegment } from './queries.js';

/**
 * Malformed and adversarial requests of every kind a client can send —
 * descriptors, contracts, schemas for impact, OpenLineage events, query
 * strings and path ids — each answered with a 4xx and the common error body;
 * afterwards the registry is healthy and has stored none of it.
 */
let registry: RunningRegistry;
const RUNS = { numRuns: 40 };

beforeAll(async () => {
  registry = await startRegistry();
  // The one product stored: what impact requests are checked against.
  const base = await post('/v1/products/fuzz.base/versions', JSON.stringify(baseProduct()));
  expect(answered(base) && base.status).toBe(201);
});
afterAll(() => registry.close());

function expectRefused(o: Outcome, what: string): void {
  const status = answered(o) ? o.status : o.error;
  if (!answered(o) || o.status < 400 || o.status >= 500 || !hasCommonBody(o))
    throw new Error(`${what} was answered ${String(status)}: ${JSON.stringify(answered(o) ? o.body : o)}`);
}

const post = (path: string, text: string, token: string | undefined = registry.token) =>
  call(`${registry.url}${path}`, 'POST', text, token);

const DESCRIPTOR_STRINGS = ['domain', 'name', 'version', 'title', 'description'].map((k) => [
  'descriptor',
  'metadata',
  k,
]);
const OPENLINEAGE = parse(
  readFileSync(new URL('../../../contracts/fixtures/valid/openlineage-run-event-spark.yaml', import.meta.url), 'utf8'),
);

describe('malformed and adversarial input', () => {
  it('publishes of broken descriptors and contracts are 4xx with the common body', async () => {
    const valid = publishRequest({ domain: 'fuzz', name: 'target', version: '1.0.0' });
    const required = [
      ['descriptor'],
      ['contracts'],
      ['descriptor', 'spec'],
      ['descriptor', 'spec', 'outputs'],
      ...DESCRIPTOR_STRINGS,
    ];
    const typed = [['descriptor', 'apiVersion'], ['descriptor', 'kind'], ...DESCRIPTOR_STRINGS];
    const unmutated = await post('/v1/products/fuzz.target/versions?dryRun=true', JSON.stringify(valid));
    expect(answered(unmutated) && unmutated.status).toBe(200); // so each refusal below is the mutation's
    await fc.assert(
      fc.asyncProperty(mutation(required, typed), fc.boolean(), async (m, dryRun) => {
        const path = `/v1/products/fuzz.target/versions${dryRun ? '?dryRun=true' : ''}`;
        expectRefused(await post(path, mutate(valid, m)), `publish with ${JSON.stringify(m).slice(0, 200)}`);
      }),
      RUNS,
    );
  });

  it('impact of broken schemas is 4xx with the common body', async () => {
    const schema = baseProduct().contracts['contracts/base.schema.json'];
    const unmutated = await post('/v1/lineage/products/fuzz.base/ports/base/impact', JSON.stringify({ schema }));
    expect(answered(unmutated) && unmutated.status).toBe(200);
    const notSchemas = fc.oneof(
      fc.constant({ type: 'strng' }),
      fc.constant({ properties: 5 }),
      fc.constant({ required: 'id' }),
      fc.integer(),
      fc.string(),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutation([['schema']], [['schema']]).map((m) => mutate({ schema }, m)),
          notSchemas.map((s) => JSON.stringify({ schema: s })),
        ),
        async (body) => {
          expectRefused(
            await post('/v1/lineage/products/fuzz.base/ports/base/impact', body, undefined),
            `impact ${body.slice(0, 200)}`,
          );
        },
      ),
      RUNS,
    );
  });

  it('broken OpenLineage events are 4xx with the common body', async () => {
    const required = [['run'], ['job'], ['eventTime'], ['run', 'runId'], ['job', 'name']];
    const typed = [['eventType'], ['eventTime'], ['run', 'runId'], ['job', 'namespace'], ['job', 'name']];
    await fc.assert(
      fc.asyncProperty(mutation(required, typed), async (m) => {
        expectRefused(await post('/v1/lineage/openlineage', mutate(OPENLINEAGE, m)), `event ${JSON.stringify(m)}`);
      }),
      RUNS,
    );
  });

  it('query strings with a bad parameter, and path ids of any text, are 4xx with the common body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ENDPOINTS).chain((e) => badQuery(e).map((q) => `${e.path}?${q}`)),
        async (url) => {
          expectRefused(await call(`${registry.url}${url}`, 'GET'), `GET ${url.slice(0, 200)}`);
        },
      ),
      { numRuns: 120 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }), async (id) => {
        const url = `/v1/products/${encodePathSegment(id)}/versions`;
        expectRefused(await call(`${registry.url}${url}`, 'GET'), `GET ${url.slice(0, 200)}`);
      }),
      RUNS,
    );
  });

  it('leave the registry healthy, with nothing stored', async () => {
    for (const path of ['/health/live', '/health/ready']) {
      const health = await call(`${registry.url}${path}`, 'GET');
      expect(answered(health) && health.status).toBe(200);
    }
    const count = async (table: string) =>
      Number((await registry.db.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
    expect(await count('product_versions')).toBe(1); // fuzz.base, stored before
    expect(await count('contracts')).toBe(1);
    expect(await count('lineage_run_events')).toBe(0);
  });
});

function baseProduct() {
  return publishRequest({ domain: 'fuzz', name: 'base', version: '1.0.0' });
}
