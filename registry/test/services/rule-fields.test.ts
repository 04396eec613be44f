import { PublishPipeline } from '../../src/publish/publish.pipeline.js';
import { ADMIN, contract, publishRequest, refusal } from '../fixtures.js';
import { startServices, type Services } from '../service-harness.js';

/**
 * Publish refuses a quality rule, a lineage mapping or an `x-primary-key`
 * naming a field the port's contract does not declare (issue 11), with
 * FIELD_UNKNOWN, the path in the file and a "did you mean" — the SDK's
 * checkRuleFields, run by the registry's bundle check.
 */
let services: Services;
let pipeline: PublishPipeline;

const schema = contract({
  order_id: { type: 'string', description: 'Key.' },
  status: { type: 'string', description: 'State.' },
  address: {
    type: 'object',
    description: 'Where to.',
    properties: { city: { type: 'string', description: 'City.' } },
    required: ['city'],
  },
});
type Request = ReturnType<typeof publishRequest>;
type Port = Request['descriptor']['spec']['outputs'][number] & { quality?: unknown[] };

/** A publish of sales.orders with its one port changed by `edit`. */
function orders(edit: (port: Port, contract: Record<string, unknown>) => void = () => undefined): Request {
  const request = publishRequest({ domain: 'sales', name: 'orders', schema: structuredClone(schema) });
  edit(request.descriptor.spec.outputs[0] as Port, request.contracts['contracts/orders.schema.json']);
  return request;
}

beforeAll(async () => {
  services = await startServices();
  pipeline = services.get(PublishPipeline);
});
afterAll(() => services.close());

async function fieldUnknown(request: Request) {
  const err = await refusal(pipeline.publish('sales.orders', request, ADMIN));
  expect(err).toMatchObject({ code: 'INVALID_PRODUCT', status: 400 });
  const detail = err.details.find((d) => d.code === 'FIELD_UNKNOWN');
  expect(detail).toBeDefined();
  return detail!;
}

describe('publish checks the fields rules name', () => {
  it('refuses a misspelt quality rule field, with the path and a did-you-mean', async () => {
    const detail = await fieldUnknown(
      orders((p) => (p.quality = [{ rule: 'accepted_values', field: 'stauts', values: ['open', 'shipped'] }])),
    );
    expect(detail).toMatchObject({ file: 'dataproduct.yaml', path: '/spec/outputs/0/quality/0/field' });
    expect(detail.message).toContain('"stauts"');
    expect(detail.fix).toContain('did you mean "status"?');
  });

  it('refuses a nested path that is not declared, and accepts the one that is', async () => {
    const detail = await fieldUnknown(
      orders((p) => (p.quality = [{ rule: 'not_null', fields: ['order_id', 'address.ctiy'] }])),
    );
    expect(detail).toMatchObject({ path: '/spec/outputs/0/quality/0/fields/1' });
    expect(detail.fix).toContain('did you mean "address.city"?');
    const ok = orders((p) => (p.quality = [{ rule: 'not_null', fields: ['address.city'] }]));
    expect((await pipeline.publish('sales.orders', ok, ADMIN, true)).outcome).toBe('dry-run');
  });

  it('refuses a lineage mapping and an x-primary-key naming a missing field (also on a dry-run)', async () => {
    const lineage = orders((p) => (p.lineage = { order_key: ['customers.profiles/profiles#customer_id'] }));
    lineage.descriptor.spec.inputs = [{ product: 'customers.profiles', port: 'profiles', version: '^1.0.0' }];
    const mapped = await fieldUnknown(lineage);
    expect(mapped).toMatchObject({ path: '/spec/outputs/0/lineage/order_key' });
    const keyed = orders((_p, c) => (c['x-primary-key'] = 'order_ld'));
    const err = await refusal(pipeline.publish('sales.orders', keyed, ADMIN, true));
    const detail = err.details.find((d) => d.code === 'FIELD_UNKNOWN');
    expect(detail).toMatchObject({ file: 'contracts/orders.schema.json', path: '/x-primary-key' });
    expect(detail?.fix).toContain('did you mean "order_id"?');
  });
});
