import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/database/embedded-postgres.js';
import { publishRequest } from '../fixtures.js';
import { answered, call, hasCommonBody, type Outcome } from './http-client.js';
import { dataFolder, startRegistryProcess, type RegistryProcess } from './registry-process.js';

/**
 * A PostgreSQL that goes away under a running registry (DATABASE_URL) and
 * comes back on the same port: meanwhile every request that needs it is a
 * 503 with Retry-After and /health/ready fails; afterwards the same registry
 * process serves again, without a restart.
 */
const dir = dataFolder();
let pg: EmbeddedDatabase;
let registry: RegistryProcess;

beforeAll(async () => {
  pg = await startEmbeddedPostgres({ dataDir: dir });
  registry = await startRegistryProcess({ DATABASE_URL: pg.url });
});

afterAll(async () => {
  await registry?.stop();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => call(`${registry.url}${path}`, 'GET', undefined, registry.token);
const publish = (version: string) =>
  call(
    `${registry.url}/v1/products/customers.profiles/versions`,
    'POST',
    publishRequest({ version, description: `v${version}` }),
    registry.token,
  );
const status = (o: Outcome) => (answered(o) ? o.status : o.error);

function expectUnavailable(o: Outcome): void {
  expect(status(o)).toBe(503);
  expect(hasCommonBody(o)).toBe(true);
  expect((o as { body: { code: string } }).body.code).toBe('UNAVAILABLE');
  expect(Number((o as { headers: Record<string, string> }).headers['retry-after'])).toBeGreaterThan(0);
}

describe('a PostgreSQL restart under a running registry', () => {
  it('answers 503 with Retry-After while it is down, and serves again once it is back', async () => {
    expect(status(await publish('1.0.0'))).toBe(201);
    expect(status(await get('/health/ready'))).toBe(200);

    await pg.stop();
    expectUnavailable(await get('/health/ready'));
    expectUnavailable(await get('/v1/products/customers.profiles'));
    expectUnavailable(await publish('1.1.0'));
    expect(status(await get('/health/live'))).toBe(200); // the process itself is fine

    pg = await startEmbeddedPostgres({ dataDir: dir, port: pg.port });
    let ready = await get('/health/ready');
    for (let i = 0; i < 100 && status(ready) !== 200; i++, ready = await get('/health/ready')) await sleep(100);
    expect(status(ready)).toBe(200);
    expect(status(await get('/v1/products/customers.profiles'))).toBe(200);
    expect(status(await publish('1.1.0'))).toBe(201);
    expect(registry.child.exitCode).toBeNull(); // the same process throughout
  });
});
