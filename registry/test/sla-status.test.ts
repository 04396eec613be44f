import { jest } from '@jest/globals';
import { SlaService } from '../src/sla/sla.service.js';
import { HOUR, T0, observation, publishWithSla, startSlaRegistry, type SlaRegistry } from './sla-harness.js';

let r: SlaRegistry;

const PORT_STATUS = `query($id: String!) { product(id: $id) { version { ports {
  id name slaStatus { status reasons { measure level message observed limit } evaluatedAt window { from to duration }
  measures { observations freshnessAgeSeconds availability completeness } breachStart } } } } }`;

async function statuses(productId: string): Promise<Record<string, any>> {
  const res = await r.graphql(PORT_STATUS, { id: productId });
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(res.data.product.version.ports.map((p: any) => [p.name, p.slaStatus]));
}
const report = (productPort: string, body: unknown, token?: string | null) => {
  const [product, port] = productPort.split('/');
  return r.post(`/v1/products/${product}/ports/${port}/observations`, body, token);
};

beforeAll(async () => {
  r = await startSlaRegistry();
  await publishWithSla(r, 'sales', 'orders', { freshness: 'PT1H', availability: 90, completeness: 95 }, [
    'order-events',
  ]);
  await publishWithSla(r, 'ops', 'probes', { availability: 90 });
  await publishWithSla(r, 'ops', 'batches', { completeness: 95 });
});
afterAll(() => r.close());

describe('SLA observations over REST', () => {
  it('refuses bad bodies naming the path, unknown products and ports, and requests without a token', async () => {
    const bad = await report('sales.orders/orders', { ...observation(r), completeness: 120 });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ code: 'OBSERVATION_INVALID', path: '/completeness' })]);
    const missing = await report('sales.orders/orders', { time: T0.toISOString() });
    expect(missing.body.details.map((d: { path: string }) => d.path)).toEqual(['/availability']);
    const future = await report('sales.orders/orders', {
      ...observation(r),
      time: new Date(T0.getTime() + HOUR).toISOString(),
    });
    expect(future).toMatchObject({
      status: 400,
      body: { details: [{ code: 'OBSERVATION_IN_FUTURE', path: '/time' }] },
    });
    expect((await report('sales.nothing/orders', observation(r))).status).toBe(404);
    const port = await report('sales.orders/nope', observation(r));
    expect(port.status).toBe(404);
    expect(port.body.details[0].fix).toBe('use one of: order-events, orders');
    expect((await report('sales.orders/orders', observation(r), null)).status).toBe(401);
    expect((await r.get('/v1/products/sales.orders/ports/nope/sla')).status).toBe(404);
    expect(await r.db.dataSource.query('SELECT count(*)::int AS n FROM sla_observations')).toEqual([{ n: 0 }]);
  });

  it('is unknown without observations', async () => {
    const s = await statuses('sales.orders');
    expect(s.orders).toMatchObject({
      status: 'UNKNOWN',
      reasons: [{ measure: 'observations', level: 'unknown' }],
      measures: { observations: 0 },
      window: { duration: 'P7D', to: T0.toISOString() },
    });
  });
});

describe('freshness lapsing, as GraphQL reads it with a test clock', () => {
  it('is met after an observation, at_risk past 80 % of the limit, then breached', async () => {
    r.clock.set(T0);
    const posted = await report('sales.orders/orders', observation(r, { lagMinutes: 0 }));
    expect(posted).toMatchObject({ status: 201, body: { port: 'sales.orders/orders', sla: { status: 'met' } } });

    r.clock.set(new Date(T0.getTime() + 30 * 60_000));
    expect((await statuses('sales.orders')).orders).toMatchObject({
      status: 'MET',
      measures: { observations: 1, freshnessAgeSeconds: 1800, availability: 100, completeness: 100 },
    });
    r.clock.set(new Date(T0.getTime() + 49 * 60_000));
    expect((await statuses('sales.orders')).orders).toMatchObject({
      status: 'AT_RISK',
      reasons: [{ measure: 'freshness', level: 'at_risk' }],
    });
    expect(await r.events('sla.breach')).toEqual([]);

    r.clock.set(new Date(T0.getTime() + 61 * 60_000));
    const breached = (await statuses('sales.orders')).orders;
    expect(breached).toMatchObject({
      status: 'BREACHED',
      breachStart: new Date(T0.getTime() + HOUR).toISOString(),
      reasons: [{ measure: 'freshness', level: 'breached', limit: HOUR }],
    });
    const events = await r.events('sla.breach', 'sales.orders/orders');
    expect(events).toHaveLength(1);
    expect(events[0].detail).toMatchObject({
      startedAt: new Date(T0.getTime() + HOUR).toISOString(),
      reasons: [{ measure: 'freshness' }],
    });

    await statuses('sales.orders');
    expect((await r.get('/v1/products/sales.orders/ports/orders/sla')).body).toMatchObject({
      sla: { status: 'breached' },
      promise: { freshness: 'PT1H' },
      history: [{ rowCount: 1000, availability: true }],
    });
    expect(await r.events('sla.breach')).toHaveLength(1);
  });

  it('records one breach event when several replicas read at once', async () => {
    r.clock.set(T0);
    await report('sales.orders/order-events', observation(r));
    r.clock.set(new Date(T0.getTime() + 2 * HOUR));
    const reads = await Promise.all([
      ...Array.from({ length: 4 }, () => statuses('sales.orders')),
      ...Array.from({ length: 4 }, () => r.get('/v1/products/sales.orders/ports/order-events/sla')),
    ]);
    expect(reads.slice(0, 4).map((s: any) => s['order-events'].status)).toEqual([
      'BREACHED',
      'BREACHED',
      'BREACHED',
      'BREACHED',
    ]);
    expect(await r.events('sla.breach', 'sales.orders/order-events')).toHaveLength(1);
    expect(
      await r.db.dataSource.query(`SELECT count(*)::int AS n FROM sla_breaches WHERE port = 'order-events'`),
    ).toEqual([{ n: 1 }]);
  });

  it('records a second event after a recovery and a new breach', async () => {
    r.clock.set(new Date(T0.getTime() + 3 * HOUR));
    const fresh = await report('sales.orders/orders', observation(r, { lagMinutes: 5 }));
    expect(fresh.body.sla.status).toBe('met');
    expect(await r.events('sla.recovered', 'sales.orders/orders')).toHaveLength(1);
    expect(await r.events('sla.breach', 'sales.orders/orders')).toHaveLength(1);

    r.clock.set(new Date(T0.getTime() + 5 * HOUR));
    expect((await statuses('sales.orders')).orders.status).toBe('BREACHED');
    await statuses('sales.orders');
    const events = await r.events('sla.breach', 'sales.orders/orders');
    expect(events.map((e) => e.detail.startedAt)).toEqual([
      new Date(T0.getTime() + HOUR).toISOString(),
      new Date(T0.getTime() + 3 * HOUR + 55 * 60_000).toISOString(),
    ]);
  });

  it('is unknown again once every observation left the 7-day window', async () => {
    r.clock.set(new Date(T0.getTime() + 8 * 24 * HOUR));
    expect((await statuses('sales.orders')).orders.status).toBe('UNKNOWN');
    const res = await r.graphql(
      `{ product(id: "sales.orders") { version { ports { name slaHistory(from: "2026-03-02T00:00:00Z", to: "2026-03-02T12:00:00Z") { time rowCount availability reportedBy } } } } }`,
    );
    const history = res.data.product.version.ports.find((p: any) => p.name === 'orders').slaHistory;
    expect(history).toEqual([{ time: T0.toISOString(), rowCount: 1000, availability: true, reportedBy: 'test-admin' }]);
  });
});

describe('availability and completeness error budgets', () => {
  it('availability 90 %: 1 failure in 11 spends 91 % of the budget (at_risk), 2 in 12 breach, recorded at observation time', async () => {
    r.clock.set(T0);
    for (let i = 10; i > 0; i--)
      expect((await report('ops.probes/probes', observation(r, { minutesAgo: i }))).body.sla.status).toBe('met');
    const risk = await report('ops.probes/probes', observation(r, { availability: false }));
    expect(risk.body.sla).toMatchObject({
      status: 'at_risk',
      reasons: [{ measure: 'availability', level: 'at_risk', limit: 90 }],
    });
    const breach = await report('ops.probes/probes', observation(r, { availability: false }));
    expect(breach.body.sla.status).toBe('breached');
    expect(breach.body.sla.measures.availability).toBeCloseTo(83.333, 3);
    expect(await r.events('sla.breach', 'ops.probes/probes')).toHaveLength(1);
  });

  it('completeness 95 % is row-weighted: 96 % spends 80 % of the budget, 93 % breaches', async () => {
    r.clock.set(T0);
    await report('ops.batches/batches', observation(r, { minutesAgo: 2, rowCount: 1000, completeness: 100 }));
    const risk = await report(
      'ops.batches/batches',
      observation(r, { minutesAgo: 1, rowCount: 1000, completeness: 92 }),
    );
    expect(risk.body.sla).toMatchObject({ status: 'at_risk', measures: { completeness: 96 } });
    const breach = await report('ops.batches/batches', observation(r, { rowCount: 2000, completeness: 90 }));
    expect(breach.body.sla).toMatchObject({
      status: 'breached',
      measures: { completeness: 93 },
      reasons: [{ measure: 'completeness', level: 'breached' }],
    });
  });
});

describe('GraphQL batching and arguments', () => {
  it('resolves the status of every port of a query with one SLA lookup', async () => {
    const spy = jest.spyOn(r.app.get(SlaService), 'statuses');
    await r.graphql(
      `{ a: product(id: "sales.orders") { version { ports { slaStatus { status } } } } b: product(id: "ops.probes") { version { ports { slaStatus { status } } } } }`,
    );
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][0]).toHaveLength(3);
    spy.mockRestore();
  });

  it('rejects a slaHistory bound that is not a date-time, naming the argument', async () => {
    const res = await r.graphql(
      `{ product(id: "ops.probes") { version { ports { slaHistory(from: "last week") { time } } } } }`,
    );
    // Field resolvers bypass the exception filter (no fieldResolverEnhancers), so only the message and path are asserted.
    expect(res.errors?.[0]).toMatchObject({
      message: 'slaHistory(from: "last week") is not a date-time',
      path: ['product', 'version', 'ports', '0', 'slaHistory'],
    });
  });

  it('answers only the newest `last` observations of a range, oldest first, and refuses a last out of 1-1000', async () => {
    const range = 'from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z", last: 100';
    const times = async (args: string) => {
      const res = await r.graphql(
        `{ product(id: "ops.probes") { version { ports { slaHistory(${args}) { time } } } } }`,
      );
      return res.data.product.version.ports[0].slaHistory.map((o: { time: string }) => o.time);
    };
    const all = await times(range);
    expect(all.length).toBeGreaterThan(2);
    expect(await times(range.replace('last: 100', 'last: 2'))).toEqual(all.slice(-2));
    const res = await r.graphql(`{ product(id: "ops.probes") { version { ports { slaHistory(last: 0) { time } } } } }`);
    expect(res.errors?.[0].message).toBe('slaHistory(last: 0) is out of range');
  });
});
