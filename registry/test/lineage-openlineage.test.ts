import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { PublishPipeline } from '../src/publish/publish.pipeline.js';
import { seedDomains } from '../src/seed/seed-domains.js';
import { startRegistry, type RunningRegistry } from './app-harness.js';

const DOMAINS = fileURLToPath(new URL('../../domains', import.meta.url));
const fixture = (kind: 'valid' | 'invalid', name: string) =>
  parse(
    readFileSync(
      new URL(`../../contracts/fixtures/${kind}/openlineage-run-event-${name}.yaml`, import.meta.url),
      'utf8',
    ),
  );
let registry: RunningRegistry;

const post = async (body: unknown, token: string | null = registry.token) => {
  const res = await fetch(`${registry.url}/v1/lineage/openlineage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};
const get = async (path: string) => (await fetch(`${registry.url}${path}`)).json() as Promise<any>;

beforeAll(async () => {
  registry = await startRegistry();
  await seedDomains(registry.app.get(PublishPipeline), DOMAINS, () => undefined);
});
afterAll(() => registry.close());

describe('observed lineage from OpenLineage', () => {
  it('ingests a Spark event, mapping datasets to ports by location (s3a, JDBC three-part names) and keeping unknown ones', async () => {
    const { status, body } = await post(fixture('valid', 'spark'));
    expect(status).toBe(201);
    expect(body.inputs).toEqual([
      {
        namespace: 'postgres://warehouse:5432',
        name: 'warehouse.customers.profiles_v2',
        location: 'postgres://warehouse/customers.profiles_v2',
        port: 'customers.profiles/profiles',
      },
      { namespace: 's3a://raw-zone', name: 'crm/order_exports', location: 's3://raw-zone/crm/order_exports' },
    ]);
    expect(body.outputs).toEqual([
      {
        namespace: 's3a://lake',
        name: '/sales/orders',
        location: 's3://lake/sales/orders',
        port: 'sales.orders/orders',
      },
    ]);
    expect(body).toMatchObject({ edges: 2, columnEdges: 3 });
  });

  it('ingests Airflow (a Kafka topic on any broker) and dbt events', async () => {
    const airflow = await post(fixture('valid', 'airflow'));
    expect(airflow.status).toBe(201);
    expect(airflow.body.inputs.map((d: { port?: string }) => d.port)).toEqual([
      'sales.orders/orders',
      'sales.order-lines/order-lines',
      'sales.orders/order-events',
    ]);
    expect(airflow.body.outputs[0].port).toBe('finance.revenue/daily-revenue');
    const dbt = await post(fixture('valid', 'dbt'));
    expect(dbt.status).toBe(201);
    expect(dbt.body.inputs[0].port).toBe('finance.revenue/daily-revenue');
    expect(dbt.body.outputs[0]).toEqual({
      namespace: 'postgres://warehouse:5432',
      name: 'analytics.finance.revenue_by_country',
      location: 'postgres://warehouse/analytics.finance.revenue_by_country',
    });
  });

  it('reports declared vs observed differences per product (REST and GraphQL)', async () => {
    const orders = await get('/v1/lineage/products/sales.orders/drift');
    expect(orders).toMatchObject({
      product: 'sales.orders',
      observed: true,
      declared: ['customers.profiles/profiles'],
      declaredNotObserved: [],
    });
    expect(orders.observedNotDeclared.map((o: { input: string }) => o.input)).toEqual([
      'external:s3://raw-zone/crm/order_exports',
    ]);
    const { data, errors } = await registry.graphql(
      `{ lineageDrift(product: "finance.revenue") { observed declaredNotObserved observedNotDeclared { input jobs runs } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.lineageDrift[0]).toEqual({
      observed: true,
      declaredNotObserved: ['finance.fx-rates/rates'],
      observedNotDeclared: [
        { input: 'sales.orders/order-events', jobs: ['airflow-prod/finance_daily.revenue_load'], runs: 1 },
      ],
    });
    const all = await get('/v1/lineage/drift');
    expect(all.map((d: { product: string }) => d.product)).toEqual(['finance.revenue', 'sales.orders']);
    const never = await get('/v1/lineage/products/marketing.campaigns/drift');
    expect(never).toMatchObject({ observed: false, declaredNotObserved: [], observedNotDeclared: [] });
  });

  it('shows unknown datasets as external nodes in lineage, upstream and downstream', async () => {
    const up = await get('/v1/lineage/products/sales.orders?direction=UPSTREAM&depth=1');
    expect(up.nodes).toEqual(
      expect.arrayContaining([
        {
          id: 'external:s3://raw-zone/crm/order_exports',
          kind: 'EXTERNAL',
          location: 's3://raw-zone/crm/order_exports',
          level: -1,
        },
      ]),
    );
    expect(up.edges).toEqual(
      expect.arrayContaining([
        { from: 'external:s3://raw-zone/crm/order_exports', to: 'sales.orders', kind: 'OBSERVED' },
      ]),
    );
    const down = await get('/v1/lineage/products/finance.revenue?direction=DOWNSTREAM');
    expect(down.edges).toEqual(
      expect.arrayContaining([
        {
          from: 'finance.revenue',
          to: 'external:postgres://warehouse/analytics.finance.revenue_by_country',
          kind: 'OBSERVED',
        },
      ]),
    );
  });

  it('counts a run once however many events it sends', async () => {
    const again = { ...fixture('valid', 'airflow'), eventType: 'RUNNING' };
    await post(again);
    const [row] = await registry.db.dataSource.query(
      `SELECT runs FROM lineage_observed_edges WHERE job_name = 'finance_daily.revenue_load' AND input_key = 'kafka://sales.order-events.v1'`,
    );
    expect(row.runs).toBe(1);
    await post({ ...again, run: { runId: '0193f3c1-18aa-7d2e-b1f7-000000000002' } });
    const [next] = await registry.db.dataSource.query(
      `SELECT runs FROM lineage_observed_edges WHERE job_name = 'finance_daily.revenue_load' AND input_key = 'kafka://sales.order-events.v1'`,
    );
    expect(next.runs).toBe(2);
  });

  it.each([
    ['no-run-id', '/run/runId'],
    ['bad-event-type', '/eventType'],
    ['dataset-no-name', '/inputs/1/name'],
    ['bad-column-lineage', '/outputs/0/facets/columnLineage/fields/customer_id/inputFields/0/field'],
  ])('answers a malformed event (%s) with 400 naming %s, and stores nothing', async (name, path) => {
    const before = await registry.db.dataSource.query('SELECT count(*)::int AS n FROM lineage_run_events');
    const { status, body } = await post(fixture('invalid', name));
    expect(status).toBe(400);
    expect(body.code).toBe('BAD_REQUEST');
    expect(body.message).toContain(path);
    expect(body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await registry.db.dataSource.query('SELECT count(*)::int AS n FROM lineage_run_events')).toEqual(before);
  });

  it('needs a token', async () => {
    const { status } = await post(fixture('valid', 'dbt'), null);
    expect(status).toBe(401);
  });
});
