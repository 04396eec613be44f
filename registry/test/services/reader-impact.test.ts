import type { ImpactReport, PortImpact } from '../../src/common/impact.types.js';
import { ExternalConsumersService } from '../../src/lineage/external/external-consumers.service.js';
import { LineageService } from '../../src/lineage/lineage.service.js';
import { PublishPipeline } from '../../src/publish/publish.pipeline.js';
import { ADMIN, publishRequest } from '../fixtures.js';
import { startServices, type Services } from '../service-harness.js';

/**
 * Impact judged from the consumers' side whatever the port's mode (issue 11):
 * app.events/events is BACKWARD and open, so removing a required field passes
 * the gate — yet whoever reads that field breaks.
 *
 * app.events/events ← ana.sessions (reads user_id, derives sessions#user) ← bi.report (reads sessions#user);
 * ← ana.names (reads name); ← ana.amounts (reads amount); ← ops.audit (no field lineage);
 * ← old.pinned (reads user_id, pins ~1.0.0).
 */
let services: Services;
let pipeline: PublishPipeline;
let lineage: LineageService;

const EVENTS = {
  user_id: { type: 'string', description: 'Who.' },
  name: { type: 'string', description: 'What.' },
  amount: { type: 'integer', description: 'How much.' },
  note: { type: 'string', description: 'Free text.' },
};
/** Open (no additionalProperties: false): removing a property keeps old records valid, BACKWARD holds. */
const events = (properties: Record<string, unknown> = EVENTS, required = ['user_id', 'name']) => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties,
  required: required.filter((r) => r in properties),
});
const { user_id: _removed, ...withoutUserId } = EVENTS;
const str = { type: 'string', description: 'Derived.' };
const consumer = (id: string, lineage?: Record<string, string[]>, range = '^1.0.0') => {
  const [domain, name] = id.split('.');
  const request = publishRequest({
    domain,
    name,
    schema: { type: 'object', properties: Object.fromEntries(Object.keys(lineage ?? { x: [] }).map((f) => [f, str])) },
    inputs: [
      {
        product: id === 'bi.report' ? 'ana.sessions' : 'app.events',
        port: id === 'bi.report' ? 'sessions' : 'events',
        version: range,
      },
    ],
    ...(lineage && { lineage }),
  });
  return pipeline.publish(id, request, ADMIN);
};

beforeAll(async () => {
  services = await startServices();
  pipeline = services.get(PublishPipeline);
  lineage = services.get(LineageService);
  await pipeline.publish('app.events', publishRequest({ domain: 'app', name: 'events', schema: events() }), ADMIN);
  await consumer('ana.sessions', { user: ['app.events/events#user_id'] });
  await consumer('bi.report', { owner: ['ana.sessions/sessions#user'] });
  await consumer('ana.names', { label: ['app.events/events#name'] });
  await consumer('ana.amounts', { total: ['app.events/events#amount'] });
  await consumer('ops.audit');
  await consumer('old.pinned', { who: ['app.events/events#user_id'] }, '~1.0.0');
  // A dashboard outside the mesh reading user_id, judged as a direct reader like a product.
  const read = { kind: 'dashboard', versionRange: '^1.0.0', fields: ['user_id'] };
  await services
    .get(ExternalConsumersService)
    .register({ domain: 'ana', name: 'kpis' }, 'app.events/events', read, ADMIN);
});
afterAll(() => services.close());

const impactOf = (schema: unknown) => lineage.impact('app.events/events', { schema });
const byProduct = (r: Pick<ImpactReport, 'consumers'>) => Object.fromEntries(r.consumers.map((c) => [c.product, c]));
const reasons = (r: Pick<ImpactReport, 'unaffected'>) =>
  Object.fromEntries(r.unaffected.map((u) => [u.product, u.reason]));

describe('impact from the consumer side', () => {
  it('a required field removed under BACKWARD passes the gate but breaks whoever reads it', async () => {
    const r = await impactOf(events(withoutUserId));
    expect(r).toMatchObject({ mode: 'BACKWARD', compatible: true, proposedVersion: '1.1.0' });
    const c = byProduct(r);
    expect(c['ana.sessions']).toMatchObject({
      depth: 1,
      fieldLineage: true,
      reads: ['app.events/events#user_id'],
      fields: ['sessions#user'],
      breaks: [{ field: 'user_id', code: 'PROPERTY_REMOVED', exact: true }],
    });
    // The counterexample is a record the proposed contract accepts and the current one rejects: no user_id.
    const cx = c['ana.sessions'].breaks[0].counterexample as Record<string, unknown>;
    expect(cx).not.toHaveProperty('user_id');
    expect(c['ana.sessions'].breaks[0].message).toContain('user_id');
    expect(c['bi.report']).toMatchObject({ depth: 2, certain: true, reads: ['ana.sessions/sessions#user'] });
    expect(c['ops.audit']).toMatchObject({ depth: 1, fieldLineage: false, reads: ['app.events/events'] });
    expect(c['ana:dashboard/kpis']).toMatchObject({
      kind: 'dashboard',
      depth: 1,
      breaks: [{ field: 'user_id', code: 'PROPERTY_REMOVED', exact: true }],
    });
    expect(reasons(r)).toEqual({
      'ana.names': 'DOES_NOT_READ_FIELD',
      'ana.amounts': 'DOES_NOT_READ_FIELD',
      'old.pinned': 'RANGE_EXCLUDES_VERSION',
    });
    const required = r.changes.find((ch) => ch.code === 'REQUIRED_REMOVED');
    expect(required?.affected).toEqual(['ana.sessions', 'ana:dashboard/kpis', 'bi.report', 'ops.audit']);
  });

  it('a retyped field breaks its readers, with a record that shows the new type', async () => {
    const r = await impactOf(events({ ...EVENTS, amount: { type: 'number', description: 'How much.' } }));
    const amounts = byProduct(r)['ana.amounts'];
    expect(amounts.breaks).toEqual([
      expect.objectContaining({
        field: 'amount',
        code: 'TYPE_WIDENED',
        exact: true,
        counterexample: expect.objectContaining({ amount: expect.any(Number) }),
      }),
    ]);
    expect(Number.isInteger((amounts.breaks[0].counterexample as { amount: number }).amount)).toBe(false);
    expect(reasons(r)['ana.sessions']).toBe('DOES_NOT_READ_FIELD');
    expect(reasons(r)['ana:dashboard/kpis']).toBe('DOES_NOT_READ_FIELD');
  });

  it('a change to a field nobody reads affects only the consumer without field lineage, or no one', async () => {
    const retyped = await impactOf(events({ ...EVENTS, note: { type: ['string', 'integer'] } }));
    expect(retyped.consumers.map((x) => x.product)).toEqual(['ops.audit']);
    expect(byProduct(retyped)['ops.audit'].breaks[0]).toMatchObject({ field: 'note', code: expect.any(String) });
    const tightened = await impactOf(events({ ...EVENTS, note: { type: 'string', maxLength: 10 } }));
    expect(tightened.consumers).toEqual([]);
    expect(reasons(tightened)['ops.audit']).toBe('FORWARD_COMPATIBLE');
  });

  it('a range that excludes the proposed version protects its consumer', async () => {
    const r = await lineage.impact('app.events/events', { schema: events(withoutUserId), version: '1.3.0' });
    expect(reasons(r)['old.pinned']).toBe('RANGE_EXCLUDES_VERSION');
    expect(byProduct(r)['ana.sessions']).toBeDefined();
    const major = await lineage.impact('app.events/events', {
      schema: events(withoutUserId),
      version: '2.0.0',
    });
    expect(major.consumers).toEqual([]);
    expect(new Set(Object.values(reasons(major)))).toEqual(new Set(['RANGE_EXCLUDES_VERSION']));
  });

  it('the dry-run names the consumer and the field, and the publish itself is allowed (BACKWARD)', async () => {
    const request = publishRequest({ domain: 'app', name: 'events', version: '1.1.0', schema: events(withoutUserId) });
    const dry = await pipeline.publish('app.events', request, ADMIN, true);
    expect(dry.outcome).toBe('dry-run');
    const impact = (dry as { impact?: Record<string, PortImpact> }).impact?.events;
    // The direct consumers first, then those reached through field lineage.
    const names = impact!.consumers.map((x) => x.product);
    expect(names.slice(0, 3).sort()).toEqual(['ana.sessions', 'ana:dashboard/kpis', 'ops.audit']);
    expect(names.slice(3)).toEqual(['bi.report']);
    expect(byProduct(impact!)['ana.sessions'].breaks.map((b) => b.field)).toEqual(['user_id']);
    expect(reasons(impact!)['ana.names']).toBe('DOES_NOT_READ_FIELD');
    const published = await pipeline.publish('app.events', { ...request }, ADMIN);
    expect(published.outcome).toBe('published');
  });
});
