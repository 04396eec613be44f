import { PublishPipeline } from '../../src/publish/publish.pipeline.js';
import { ADMIN, contract, publishRequest, refusal } from '../fixtures.js';
import { startServices, type Services } from '../service-harness.js';
import type { TestDatabase } from '../test-database.js';

let services: Services;
let db: TestDatabase;
let pipeline: PublishPipeline;

beforeAll(async () => {
  services = await startServices();
  db = services.db;
  pipeline = services.get(PublishPipeline);
});
afterAll(() => services.close());

const count = async (table: string): Promise<number> =>
  Number((await db.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

describe('publish pipeline', () => {
  it('stores a version with its ports, fields, contract and major line', async () => {
    const result = await pipeline.publish('customers.profiles', publishRequest(), ADMIN);
    expect(result.outcome).toBe('published');
    expect(await count('product_versions')).toBe(1);
    expect(await db.dataSource.query('SELECT path FROM port_fields ORDER BY path')).toEqual([
      { path: 'customer_id' },
      { path: 'email' },
    ]);
    expect(await db.dataSource.query('SELECT state FROM major_lines')).toEqual([{ state: 'active' }]);
  });

  it('treats identical content as idempotent, even with keys reordered', async () => {
    const request = publishRequest();
    const reordered = {
      domain: request.domain,
      contracts: request.contracts,
      descriptor: {
        spec: request.descriptor.spec,
        metadata: request.descriptor.metadata,
        kind: 'DataProduct',
        apiVersion: 'dmesh.io/v1',
      },
    };
    const result = await pipeline.publish('customers.profiles', reordered, ADMIN);
    expect(result.outcome).toBe('unchanged');
    expect(await count('product_versions')).toBe(1);
  });

  it('refuses different content for an existing version with a conflict naming it', async () => {
    const err = await refusal(
      pipeline.publish('customers.profiles', publishRequest({ description: 'Changed.' }), ADMIN),
    );
    expect(err.code).toBe('VERSION_CONFLICT');
    expect(err.status).toBe(409);
    expect(err.message).toContain('customers.profiles@1.0.0');
  });

  it('orders versions per major line', async () => {
    await pipeline.publish(
      'customers.profiles',
      publishRequest({ version: '2.0.0', schema: contract({ customer_id: { type: 'string' } }) }),
      ADMIN,
    );
    // 1.1.0 raises the latest 1.x, which may follow 2.0.0
    expect(
      (
        await pipeline.publish(
          'customers.profiles',
          publishRequest({ version: '1.1.0', description: 'Patch line.' }),
          ADMIN,
        )
      ).outcome,
    ).toBe('published');
    const behind = await refusal(
      pipeline.publish('customers.profiles', publishRequest({ version: '1.0.5', description: 'Older.' }), ADMIN),
    );
    expect(behind.details.map((d) => d.code)).toEqual(['VERSION_NOT_INCREASING']);
    expect(behind.details[0].message).toBe('1.0.5 does not raise the latest 1.x version 1.1.0');
  });

  it('refuses a new major line below an existing one', async () => {
    await pipeline.publish(
      'sales.orders',
      publishRequest({ domain: 'sales', name: 'orders', version: '3.0.0' }),
      ADMIN,
    );
    const err = await refusal(
      pipeline.publish('sales.orders', publishRequest({ domain: 'sales', name: 'orders', version: '1.0.0' }), ADMIN),
    );
    expect(err.details[0].code).toBe('MAJOR_LINE_BEHIND');
  });

  it('rejects an input that does not resolve, storing nothing but the audit event', async () => {
    const before = { versions: await count('product_versions'), events: await count('events') };
    const request = publishRequest({
      domain: 'sales',
      name: 'invoices',
      inputs: [{ product: 'customers.profiles', port: 'profiles', version: '^9.0.0' }],
    });
    const err = await refusal(pipeline.publish('sales.invoices', request, ADMIN));
    expect(err.code).toBe('PUBLISH_REJECTED');
    expect(err.details[0]).toMatchObject({ code: 'UPSTREAM_RANGE_UNSATISFIED', path: '/spec/inputs/0/version' });
    expect(await count('product_versions')).toBe(before.versions);
    expect(await count('products')).toBe(2);
    const [event] = await db.dataSource.query(`SELECT outcome, subject FROM events ORDER BY id DESC LIMIT 1`);
    expect(event).toEqual({ outcome: 'rejected', subject: 'sales.invoices' });
    expect(await count('events')).toBe(before.events + 1);
  });

  it('resolves inputs and records field lineage', async () => {
    const request = publishRequest({
      domain: 'sales',
      name: 'invoices',
      inputs: [{ product: 'customers.profiles', port: 'profiles', version: '^1.0.0' }],
      schema: contract({ customer_id: { type: 'string' } }),
      lineage: { customer_id: ['customers.profiles/profiles#customer_id'] },
    });
    const result = await pipeline.publish('sales.invoices', request, ADMIN);
    expect(result.inputs).toEqual([
      { product: 'customers.profiles', port: 'profiles', range: '^1.0.0', resolved: '1.1.0' },
    ]);
    expect(await db.dataSource.query('SELECT field, upstream_field FROM field_lineage')).toEqual([
      { field: 'customer_id', upstream_field: 'customer_id' },
    ]);
  });

  it('rejects lineage that reads a field the upstream does not have', async () => {
    const request = publishRequest({
      domain: 'sales',
      name: 'refunds',
      inputs: [{ product: 'customers.profiles', port: 'profiles', version: '^1.0.0' }],
      lineage: { customer_id: ['customers.profiles/profiles#customer_key'] },
    });
    const err = await refusal(pipeline.publish('sales.refunds', request, ADMIN));
    expect(err.details[0]).toMatchObject({
      code: 'LINEAGE_FIELD_NOT_FOUND',
      path: '/spec/outputs/0/lineage/customer_id/0',
    });
  });

  it('runs every check on a dry-run and stores nothing', async () => {
    const before = await count('product_versions');
    const result = await pipeline.publish(
      'customers.profiles',
      publishRequest({ version: '2.1.0', schema: contract({ customer_id: { type: 'string' } }) }),
      ADMIN,
      true,
    );
    expect(result.outcome).toBe('dry-run');
    expect(await count('product_versions')).toBe(before);
  });

  it('refuses an invalid descriptor with the path and the fix', async () => {
    const request = publishRequest({ version: '2.2.0' });
    delete (request.descriptor.metadata as Partial<typeof request.descriptor.metadata>).owner;
    const err = await refusal(pipeline.publish('customers.profiles', request, ADMIN));
    expect(err.status).toBe(400);
    expect(err.details[0]).toMatchObject({ path: '/metadata/owner', fix: 'add "owner" to /metadata' });
  });

  it('audits a domain when a publish creates or changes it, and only then', async () => {
    const events = async () =>
      (await db.dataSource.query(`SELECT action FROM events WHERE subject = 'domain:billing' ORDER BY id`)).map(
        (e: { action: string }) => e.action,
      );
    const ledger = (version: string, description?: string) => {
      const request = publishRequest({ domain: 'billing', name: 'ledger', version });
      return description ? { ...request, domain: { ...request.domain, description } } : request;
    };
    await pipeline.publish('billing.ledger', ledger('1.0.0'), ADMIN);
    expect(await events()).toEqual(['domain.created']);
    await pipeline.publish('billing.ledger', ledger('1.0.1', 'Invoices and the ledger.'), ADMIN);
    expect(await events()).toEqual(['domain.created', 'domain.updated']);
    await pipeline.publish('billing.ledger', ledger('1.0.2', 'Invoices and the ledger.'), ADMIN);
    expect(await events()).toEqual(['domain.created', 'domain.updated']);
  });

  it('serialises concurrent publishes of the same product through the database', async () => {
    const versions = ['2.3.0', '2.4.0', '2.5.0', '2.6.0'];
    const results = await Promise.allSettled(
      versions.map((v) =>
        pipeline.publish(
          'customers.profiles',
          publishRequest({ version: v, schema: contract({ customer_id: { type: 'string' } }), description: `v${v}` }),
          ADMIN,
        ),
      ),
    );
    const stored: { version: string }[] = await db.dataSource.query(
      `SELECT version FROM product_versions WHERE product_id = 'customers.profiles' AND major = 2 AND minor >= 3`,
    );
    // Whatever order they ran in, each accepted publish raised the 2.x line; none was lost or duplicated.
    expect(stored.length).toBe(results.filter((r) => r.status === 'fulfilled').length);
    expect(new Set(stored.map((s) => s.version)).size).toBe(stored.length);
    expect(stored.length).toBeGreaterThanOrEqual(1);
  });
});
