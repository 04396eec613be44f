import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { checkRuntimeRole } from '../src/database/roles.js';
import { call, createToken } from './access-harness.js';
import { publishRequest } from './fixtures.js';
import { startSlaRegistry, type SlaRegistry } from './sla-harness.js';

const HOUR = 3_600_000;
let r: SlaRegistry;

beforeAll(async () => {
  r = await startSlaRegistry(new Date('2026-05-01T08:00:00Z'));
  for (const domain of ['sales', 'lab'])
    expect(
      (await r.post(`/v1/products/${domain}.orders/versions`, publishRequest({ domain, name: 'orders' }))).status,
    ).toBe(201);
});
afterAll(() => r.close());

describe('tokens', () => {
  it('are shown once, stored hashed, and refused at once when revoked', async () => {
    const { id, token } = await createToken(r, 'sales-ops', 'publisher', ['sales'], '30d');
    expect(token).toMatch(/^dmesh_[A-Za-z0-9_-]{43}$/);
    const [row] = await r.db.dataSource.query('SELECT token_hash FROM api_tokens WHERE id = $1', [id]);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(token);
    expect((await call(r, 'GET', '/v1/whoami', token)).body).toEqual({
      id,
      name: 'sales-ops',
      role: 'publisher',
      domains: ['sales'],
    });
    expect((await call(r, 'DELETE', `/v1/tokens/${id}`, token)).status).toBe(204);
    const after = await call(r, 'GET', '/v1/whoami', token);
    expect([after.status, after.body.message]).toEqual([401, expect.stringContaining('revoked')]);
  });

  it('expire', async () => {
    const { token } = await createToken(r, 'short-lived', 'reader', [], '2h');
    expect((await call(r, 'GET', '/v1/whoami', token)).status).toBe(200);
    r.clock.advance(2 * HOUR + 1);
    const after = await call(r, 'GET', '/v1/whoami', token);
    r.clock.advance(-(2 * HOUR + 1));
    expect([after.status, after.body.message]).toEqual([401, expect.stringContaining('expired')]);
  });

  it('a publisher creates expiring tokens for its own domains only, never "*", never outliving itself', async () => {
    const { token: sales } = await createToken(r, 'sales-lead', 'publisher', ['sales'], '10d');
    const ask = (body: object) => call(r, 'POST', '/v1/tokens', sales, { role: 'publisher', ...body });
    const ci = await ask({ name: 'sales-ci', domains: ['sales'], expires: '7d' });
    expect(ci.status).toBe(201);
    expect(ci.body.expiresAt).toBe('2026-05-08T08:00:00.000Z');
    expect(
      (
        await call(
          r,
          'POST',
          '/v1/products/sales.orders/versions?dryRun=true',
          ci.body.token,
          publishRequest({ domain: 'sales', name: 'orders' }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          r,
          'POST',
          '/v1/products/lab.orders/versions?dryRun=true',
          ci.body.token,
          publishRequest({ domain: 'lab', name: 'orders' }),
        )
      ).status,
    ).toBe(403);
    expect((await ask({ name: 'lab-ci', domains: ['lab'] })).status).toBe(403);
    expect((await ask({ name: 'all-ci', domains: ['*'] })).status).toBe(403);
    expect((await ask({ name: 'long-ci', domains: ['sales'], expires: '30d' })).body.message).toContain('outlive');
    expect((await call(r, 'POST', '/v1/tokens', sales, { name: 'x', role: 'admin' })).status).toBe(403);
    expect((await ask({ name: 'no-domains' })).body.details[0]).toMatchObject({ path: '/domains' });
  });

  it('a publisher token always names its domains; every domain only by an admin\'s explicit "*"', async () => {
    expect((await call(r, 'POST', '/v1/tokens', r.token, { name: 'p', role: 'publisher' })).status).toBe(400);
    const all = await createToken(r, 'everywhere', 'publisher', ['*'], '1d');
    expect(
      (
        await call(
          r,
          'POST',
          '/v1/products/lab.orders/versions?dryRun=true',
          all.token,
          publishRequest({ domain: 'lab', name: 'orders' }),
        )
      ).status,
    ).toBe(200);
    await r.app
      .get((await import('../src/auth/auth.service.js')).AuthService)
      .ensureToken('dmesh_legacy_publisher_token', 'legacy', 'publisher');
    expect(
      (
        await call(
          r,
          'POST',
          '/v1/products/lab.orders/versions?dryRun=true',
          'dmesh_legacy_publisher_token',
          publishRequest({ domain: 'lab', name: 'orders' }),
        )
      ).status,
    ).toBe(403);
  });

  it('everyone lists and revokes their own; admins every token', async () => {
    const a = await createToken(r, 'team-a', 'publisher', ['sales'], '5d');
    const b = await createToken(r, 'team-b', 'publisher', ['lab'], '5d');
    const child = await call(r, 'POST', '/v1/tokens', a.token, {
      name: 'team-a-ci',
      role: 'publisher',
      domains: ['sales'],
      expires: '1d',
    });
    const mine = await call(r, 'GET', '/v1/tokens', a.token);
    expect(mine.body.map((t: { name: string }) => t.name)).toEqual(['team-a', 'team-a-ci']);
    expect(mine.body.every((t: object) => !('token' in t) && !('tokenHash' in t))).toBe(true);
    expect((await call(r, 'DELETE', `/v1/tokens/${child.body.id}`, b.token)).status).toBe(404);
    expect((await call(r, 'DELETE', `/v1/tokens/${child.body.id}`, a.token)).status).toBe(204);
    const all = await call(r, 'GET', '/v1/tokens', r.token);
    expect(all.body.find((t: { id: string }) => t.id === child.body.id)).toMatchObject({
      active: false,
      createdBy: a.id,
    });
    expect((await call(r, 'DELETE', `/v1/tokens/${b.id}`, r.token)).status).toBe(204);
    expect((await call(r, 'POST', '/v1/tokens', r.token, { name: 'team-a', role: 'reader' })).status).toBe(409);
  });
});

describe('OpenLineage ingest', () => {
  const event = () => ({
    eventType: 'COMPLETE',
    eventTime: '2026-05-01T06:00:00Z',
    producer: 'https://example.com/scheduler',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: randomUUID() },
    job: { namespace: 'scheduler', name: 'orders_load' },
    inputs: [{ namespace: 's3://lake', name: 'lab/orders' }],
    outputs: [{ namespace: 's3://lake', name: 'sales/orders' }],
  });

  it("by a reader: 403 naming the product; by the product's publisher: 201; reading it is not writing it", async () => {
    const reader = await createToken(r, 'ol-reader', 'reader');
    const refused = await call(r, 'POST', '/v1/lineage/openlineage', reader.token, event());
    expect(refused.status).toBe(403);
    const lab = await createToken(r, 'ol-lab', 'publisher', ['lab'], '1d');
    const notOwner = await call(r, 'POST', '/v1/lineage/openlineage', lab.token, event());
    expect([notOwner.status, notOwner.body.message]).toEqual([403, expect.stringContaining('sales.orders')]);
    expect(notOwner.body.details[0]).toMatchObject({ code: 'LINEAGE_FORBIDDEN', path: 'sales.orders' });
    const sales = await createToken(r, 'ol-sales', 'publisher', ['sales'], '1d');
    expect((await call(r, 'POST', '/v1/lineage/openlineage', sales.token, event())).status).toBe(201);
    const writer = await createToken(r, 'airflow', 'lineage-writer');
    expect((await call(r, 'POST', '/v1/lineage/openlineage', writer.token, event())).status).toBe(201);
  });
});

describe('the database roles', () => {
  it('the registry connects as a role that cannot UPDATE, DELETE or TRUNCATE the audit', async () => {
    expect(await checkRuntimeRole(r.db.dataSource)).toEqual({ role: 'dmesh_runtime', problems: [] });
    for (const sql of [
      'TRUNCATE events',
      'UPDATE events SET actor = $$x$$',
      'DELETE FROM events',
      'ALTER TABLE events DISABLE TRIGGER ALL',
    ])
      await expect(r.db.dataSource.query(sql)).rejects.toThrow(/permission denied|must be owner/);
    await r.db.dataSource.query(`INSERT INTO events (actor, action, subject, outcome) VALUES ('t', 't', 't', 'info')`);
  });

  it('even the owner cannot edit events (the trigger), and the owner URL is the only one that could drop it', async () => {
    const owner = new pg.Client({ connectionString: r.db.ownerUrl });
    await owner.connect();
    try {
      await expect(owner.query(`UPDATE events SET actor = 'x'`)).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });
});

describe('the audit', () => {
  it('records accepted observations, and refusals that never reach a handler: parse errors and oversized bodies', async () => {
    const observed = await call(r, 'POST', '/v1/products/sales.orders/ports/orders/observations', r.token, {
      time: '2026-05-01T07:00:00Z',
      availability: true,
    });
    expect(observed.status).toBe(201);
    const [event] = (await call(r, 'GET', `/v1/events?requestId=${observed.headers.get('x-request-id')}`, r.token)).body
      .events;
    expect(event).toMatchObject({
      action: 'sla.observation',
      subject: 'sales.orders/orders',
      outcome: 'accepted',
      actor: 'test-admin',
    });
    const send = async (body: string) => {
      const res = await fetch(`${r.url}/v1/products/sales.orders/versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` },
        body,
      });
      return { status: res.status, id: res.headers.get('x-request-id')! };
    };
    for (const [body, status] of [
      ['{"descriptor":', 400],
      [`{"x":"${'a'.repeat(9 * 1024 * 1024)}"}`, 413],
    ] as const) {
      const answer = await send(body);
      expect(answer.status).toBe(status);
      const [refusal] = (await call(r, 'GET', `/v1/events?requestId=${answer.id}`, r.token)).body.events;
      expect(refusal).toMatchObject({
        outcome: 'rejected',
        action: 'POST /v1/products/:id/versions',
        detail: { status },
      });
    }
  });
});
