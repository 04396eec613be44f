import { call, createToken } from './access-harness.js';
import { publishRequest } from './fixtures.js';
import { startSlaRegistry, type SlaRegistry } from './sla-harness.js';

/** The floor under global policy: built-in error policies are tightened or waived, never quietly lowered. */
let r: SlaRegistry;
let governance: string;

/** A version that removes a required field without a new major: breaking, so the compatibility floor refuses it. */
async function breakingDryRun(): Promise<number> {
  const next = publishRequest({ domain: 'floor', name: 'orders', version: '1.1.0' });
  const [path] = Object.keys(next.contracts);
  const schema = next.contracts[path] as { properties: Record<string, unknown>; required: string[] };
  delete schema.properties.email;
  schema.required = ['customer_id'];
  return (await call(r, 'POST', '/v1/products/floor.orders/versions?dryRun=true', r.token, next)).status;
}

const compatibility = (mode: string, severity = 'error') => ({
  title: 'Compatibility floor',
  scope: 'global',
  severity,
  rule: { type: 'compatibility', params: { mode, breakingNeedsMajor: true } },
});

beforeAll(async () => {
  r = await startSlaRegistry();
  governance = (await createToken(r, 'gov', 'governance')).token;
  expect(
    (await r.post('/v1/products/floor.orders/versions', publishRequest({ domain: 'floor', name: 'orders' }))).status,
  ).toBe(201);
});
afterAll(() => r.close());

describe('the policy floor', () => {
  it('governance may tighten a built-in, but neither loosen nor delete it', async () => {
    expect((await call(r, 'PUT', '/v1/policies/compatibility', governance, compatibility('FULL'))).status).toBe(200);
    for (const body of [compatibility('NONE'), compatibility('FULL', 'warning')]) {
      const answer = await call(r, 'PUT', '/v1/policies/compatibility', governance, body);
      expect([answer.status, answer.body.details[0].code]).toEqual([403, 'POLICY_BELOW_FLOOR']);
    }
    const del = await call(r, 'DELETE', '/v1/policies/compatibility?reason=cleanup', governance);
    expect([del.status, del.body.message]).toEqual([403, expect.stringContaining('admin')]);
    expect((await call(r, 'PUT', '/v1/policies/compatibility', governance, compatibility('BACKWARD'))).status).toBe(
      200,
    );
    expect(await breakingDryRun()).toBe(422);
  });

  it('an admin lowers it only with a reason, which the audit keeps; the deletion is soft and can be restored', async () => {
    const noReason = await call(r, 'DELETE', '/v1/policies/compatibility', r.token);
    expect([noReason.status, noReason.body.code]).toEqual([422, 'POLICY_BELOW_FLOOR']);
    const reason = 'migrating every product to a new registry this week';
    expect(
      (await call(r, 'DELETE', `/v1/policies/compatibility?reason=${encodeURIComponent(reason)}`, r.token)).status,
    ).toBe(204);
    expect(await breakingDryRun()).toBe(200);
    expect((await r.get('/v1/policies/compatibility')).status).toBe(404);
    const [event] = (await call(r, 'GET', '/v1/events?action=policy.deleted&subject=policy:compatibility', r.token))
      .body.events;
    expect(event).toMatchObject({ actor: 'test-admin', outcome: 'accepted', detail: { reason } });
    expect((await call(r, 'POST', '/v1/policies/compatibility/restore', governance)).status).toBe(200);
    expect(await breakingDryRun()).toBe(422);
    const loosened = await call(
      r,
      'PUT',
      `/v1/policies/compatibility?reason=${encodeURIComponent(reason)}`,
      r.token,
      compatibility('NONE'),
    );
    expect(loosened.status).toBe(200);
    const [put] = (await call(r, 'GET', '/v1/events?subject=policy:compatibility&first=1', r.token)).body.events;
    expect(put.action).toMatch(/^policy\.(updated|created)$/);
    expect(put.detail).toMatchObject({ reason, belowFloor: [expect.stringContaining('loosen')] });
  });

  it('other policies are soft-deleted by governance and restored; a waiver lifts a built-in for one product until a date', async () => {
    expect((await call(r, 'DELETE', '/v1/policies/naming', governance)).status).toBe(204);
    expect((await r.get('/v1/policies?scope=global')).body.map((p: { id: string }) => p.id)).not.toContain('naming');
    expect((await call(r, 'POST', '/v1/policies/naming/restore', governance)).status).toBe(200);
    expect((await call(r, 'POST', '/v1/policies/naming/restore', governance)).status).toBe(404);
    const waiver = {
      policy: 'pii-classification',
      product: 'floor.orders',
      until: '2026-12-31',
      reason: 'legacy feed',
    };
    expect((await call(r, 'POST', '/v1/waivers', governance, waiver)).status).toBe(201);
  });
});
