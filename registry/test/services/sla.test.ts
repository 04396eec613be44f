import { slaStatusAt } from '@dmesh/sdk';
import { PublishPipeline } from '../../src/publish/publish.pipeline.js';
import { SlaService } from '../../src/sla/sla.service.js';
import { ADMIN, publishRequest, refusal } from '../fixtures.js';
import { startServices, type Services } from '../service-harness.js';

let s: Services;
let sla: SlaService;
const T0 = new Date('2026-03-02T10:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const observation = (time: Date, lagMinutes = 0) => ({
  time: time.toISOString(),
  lastUpdate: new Date(time.getTime() - lagMinutes * 60_000).toISOString(),
  rowCount: 100,
  completeness: 100,
  quality: [],
  availability: true,
});

beforeAll(async () => {
  s = await startServices(T0);
  sla = s.get(SlaService);
  const request = publishRequest({ domain: 'sales', name: 'orders' });
  (request.descriptor.spec.outputs[0] as Record<string, unknown>).sla = { freshness: 'PT1H' };
  await s.get(PublishPipeline).publish('sales.orders', request, ADMIN);
});
afterAll(() => s.close());

describe('SLA status (service)', () => {
  it('takes the promise from the latest version and computes the status with the clock', async () => {
    const { sla: reported } = await sla.report({ productId: 'sales.orders', port: 'orders' }, observation(T0), ADMIN);
    expect(reported.promise).toEqual({ freshness: 'PT1H' });
    expect(reported.evaluation.status).toBe('met');
    s.clock.set(at(61));
    const now = (await sla.statuses([{ productId: 'sales.orders', port: 'orders' }])).get('sales.orders/orders')!;
    expect(now.evaluation.status).toBe('breached');
  });

  it('records a breach once however many reads see it, and its timeline says breached now', async () => {
    await Promise.all([1, 2, 3].map(() => sla.statuses([{ productId: 'sales.orders', port: 'orders' }])));
    expect(await s.rows("SELECT count(*)::int AS n FROM events WHERE action = 'sla.breach'")).toEqual([{ n: 1 }]);
    const key = { productId: 'sales.orders', port: 'orders', promise: { freshness: 'PT1H' } };
    const timeline = (await sla.timelines([key], s.db.dataSource.manager)).get('sales.orders/orders')!;
    expect(slaStatusAt(timeline, s.clock.now().getTime())).toBe('breached');
  });

  it('leaves out ports no version has, and answers 404 naming the ports there are', async () => {
    expect((await sla.statuses([{ productId: 'sales.orders', port: 'nope' }])).size).toBe(0);
    const err = await refusal(sla.status({ productId: 'sales.orders', port: 'nope' }));
    expect([err.code, err.details[0].fix]).toEqual(['NOT_FOUND', 'use one of: orders']);
  });

  it('refuses an observation from a publisher of another domain, storing nothing', async () => {
    const ops = { name: 'ops-ci', role: 'publisher' as const, domains: ['ops'] };
    const err = await refusal(sla.report({ productId: 'sales.orders', port: 'orders' }, observation(at(62)), ops));
    expect(err.code).toBe('FORBIDDEN');
    expect(await s.rows('SELECT count(*)::int AS n FROM sla_observations')).toEqual([{ n: 1 }]);
  });
});
