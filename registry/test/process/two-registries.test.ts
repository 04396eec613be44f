import { publishRequest } from '../fixtures.js';
import { createTestDatabase, type TestDatabase } from '../test-database.js';
import { answered, call } from './http-client.js';
import { accepted, endedCleanly, expectWholeVersions, publishBurst } from './publish-burst.js';
import { startRegistryProcess, type RegistryProcess } from './registry-process.js';

/**
 * Two registry processes on one PostgreSQL (DATABASE_URL), as two replicas
 * behind a load balancer: racing writers on one product through both, and
 * one of them stopped with SIGTERM while publishes are in flight.
 */
let db: TestDatabase;
let a: RegistryProcess;
let b: RegistryProcess;

beforeAll(async () => {
  db = await createTestDatabase();
  [a, b] = await Promise.all([
    startRegistryProcess({ DATABASE_URL: db.url }),
    startRegistryProcess({ DATABASE_URL: db.url }),
  ]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
});

const publish = (r: RegistryProcess, request: ReturnType<typeof publishRequest>) =>
  call(`${r.url}/v1/products/customers.hot/versions`, 'POST', request, r.token);

describe('two registry processes on one PostgreSQL', () => {
  it('store one version for 50 identical publishes sent to both at once', async () => {
    const request = publishRequest({ name: 'hot', version: '1.0.0' });
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => publish(i % 2 ? a : b, request)));
    const statuses = outcomes.map((o) => (answered(o) ? o.status : o.error));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49); // unchanged: identical content
    const rows = await db.dataSource.query(`SELECT version FROM product_versions WHERE product_id = 'customers.hot'`);
    expect(rows).toEqual([{ version: '1.0.0' }]);
  });

  it('never answer 5xx nor store a version twice when 20 writers race on one product through both', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        publish(i % 2 ? a : b, publishRequest({ name: 'hot', version: `1.${i + 1}.0`, description: `writer ${i}` })),
      ),
    );
    expect(outcomes.filter((o) => !answered(o) || o.status >= 500)).toEqual([]);
    const rows: { version: string }[] = await db.dataSource.query(
      `SELECT version FROM product_versions WHERE product_id = 'customers.hot'`,
    );
    expect(new Set(rows.map((r) => r.version)).size).toBe(rows.length);
    expect(rows.length).toBe(1 + outcomes.filter((o) => answered(o) && o.status === 201).length);
  });

  it('on SIGTERM to one, answers or refuses each of 40 publishes in flight and exits 0; the other serves on', async () => {
    const burst = await publishBurst(a.url, a.token, 40, { products: 8, onFirstAnswer: () => a.child.kill('SIGTERM') });
    expect(burst.filter((s) => !endedCleanly(s.outcome))).toEqual([]);
    expect(accepted(burst).length).toBeGreaterThan(1);
    expect(await a.exited).toEqual({ code: 0, signal: null });
    expect(a.output()).not.toMatch(/embedded/i); // DATABASE_URL: nothing embedded was loaded or started
    expect(await expectWholeVersions(b.url, b.token, burst)).toBeGreaterThanOrEqual(accepted(burst).length);
  });
});
