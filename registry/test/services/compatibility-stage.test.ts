import { PublishPipeline } from '../../src/publish/publish.pipeline.js';
import { ADMIN, contract, publishRequest, refusal } from '../fixtures.js';
import { startServices, type Services } from '../service-harness.js';
import type { TestDatabase } from '../test-database.js';

let services: Services;
let db: TestDatabase;
let pipeline: PublishPipeline;

const v1 = contract(
  { customer_id: { type: 'string' }, email: { type: 'string' }, age: { type: ['integer', 'null'] } },
  ['customer_id'],
);

beforeAll(async () => {
  services = await startServices();
  db = services.db;
  pipeline = services.get(PublishPipeline);
  await pipeline.publish('customers.profiles', publishRequest({ schema: v1 }), ADMIN);
});
afterAll(() => services.close());

describe('compatibility stage', () => {
  it('rejects a breaking contract change released as a minor, with a verified counterexample and the version to use', async () => {
    const narrowed = contract(
      { customer_id: { type: 'string' }, email: { type: 'string' }, age: { type: 'integer' } },
      ['customer_id'],
    );
    const err = await refusal(
      pipeline.publish('customers.profiles', publishRequest({ version: '1.1.0', schema: narrowed }), ADMIN),
    );
    expect(err.code).toBe('PUBLISH_REJECTED');
    expect(err.details[0]).toMatchObject({
      code: 'BREAKING_CHANGE_NEEDS_MAJOR',
      fix: expect.stringContaining('2.0.0'),
    });
    const report = (
      err.extra.compatibility as Record<
        string,
        { changes: { breaking: boolean; counterexample?: { age?: unknown }; validUnder?: string; against?: string }[] }
      >
    ).profiles;
    const breaking = report.changes.filter((c) => c.breaking);
    expect(breaking.length).toBeGreaterThan(0);
    expect(breaking[0]).toMatchObject({ validUnder: 'previous', against: '1.0.0' });
    expect(breaking[0].counterexample).toMatchObject({ age: null });
  });

  it('accepts the same change as a new major', async () => {
    const narrowed = contract(
      { customer_id: { type: 'string' }, email: { type: 'string' }, age: { type: 'integer' } },
      ['customer_id'],
    );
    const result = await pipeline.publish(
      'customers.profiles',
      publishRequest({ version: '2.0.0', schema: narrowed }),
      ADMIN,
    );
    expect(result.outcome).toBe('published');
    expect(result.requiredBump).toBe('major');
    const [stored] = await db.dataSource.query(
      `SELECT compatibility_report FROM product_versions WHERE version = '2.0.0'`,
    );
    expect(stored.compatibility_report.requiredBump).toBe('major');
  });

  it('accepts a compatible widening as a minor and warns about a bump larger than needed', async () => {
    const widened = contract(
      { customer_id: { type: 'string' }, email: { type: 'string' }, age: { type: ['integer', 'null'] } },
      ['customer_id'],
    );
    const minor = await pipeline.publish(
      'customers.profiles',
      publishRequest({ version: '2.1.0', schema: widened }),
      ADMIN,
    );
    expect(minor.requiredBump).toBe('minor');
    expect(minor.issues.filter((i) => i.stage !== 'governance' || i.code !== 'POLICY_DOCUMENTATION')).toEqual([]);
    const docOnly = await pipeline.publish(
      'customers.profiles',
      publishRequest({ version: '2.2.0', schema: widened, description: 'Reworded.' }),
      ADMIN,
    );
    expect(docOnly.requiredBump).toBe('patch');
    expect(docOnly.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'VERSION_BUMP_MISMATCH' }),
    );
  });

  it('treats removing an output port as a major change', async () => {
    const request = publishRequest({ version: '2.3.0' });
    const withExtra = publishRequest({ version: '2.2.1' });
    withExtra.descriptor.spec.outputs.push({
      ...withExtra.descriptor.spec.outputs[0],
      name: 'extra',
      location: 's3://lake/customers/extra/',
    });
    await pipeline.publish(
      'customers.profiles',
      {
        ...withExtra,
        contracts: {
          ...withExtra.contracts,
          'contracts/profiles.schema.json': contract(
            { customer_id: { type: 'string' }, email: { type: 'string' }, age: { type: ['integer', 'null'] } },
            ['customer_id'],
          ),
        },
      },
      ADMIN,
    );
    const err = await refusal(
      pipeline.publish(
        'customers.profiles',
        {
          ...request,
          contracts: {
            'contracts/profiles.schema.json': contract(
              { customer_id: { type: 'string' }, email: { type: 'string' }, age: { type: ['integer', 'null'] } },
              ['customer_id'],
            ),
          },
        },
        ADMIN,
      ),
    );
    expect(err.details.map((d) => d.code)).toEqual(
      expect.arrayContaining(['BREAKING_CHANGE_NEEDS_MAJOR', 'PORT_REMOVED']),
    );
  });
});
