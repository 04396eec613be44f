import { readFileSync } from 'node:fs';
import { fromDbtManifest } from '../../src/core/import/dbt-product.js';
import { validateProduct } from '../../src/core/product/validate-product.js';

const manifest = JSON.parse(readFileSync(new URL('../fixtures/dbt/manifest.json', import.meta.url), 'utf8'));
const products = fromDbtManifest(manifest);
const product = (id: string) => {
  const found = products.find((p) => p.id === id);
  if (!found) throw new Error(`no ${id} among ${products.map((p) => p.id).join(', ')}`);
  return found;
};
const port = (id: string) =>
  (product(id).descriptor as { spec: { outputs: Record<string, unknown>[] } }).spec.outputs[0];

describe('dmesh import dbt (manifest v12)', () => {
  it('makes one product per model, in the domain of its group, owned by the group owner', () => {
    expect(products.map((p) => p.id).sort()).toEqual([
      'customers.customers',
      'customers.stg-customers',
      'finance.daily-revenue',
      'sales.orders',
    ]);
    expect(product('sales.orders').descriptor).toMatchObject({
      metadata: {
        domain: 'sales',
        name: 'orders',
        version: '1.0.0',
        owner: { team: 'sales-data', email: 'sales-data@example.com' },
      },
    });
  });

  it('turns a versioned model into product versions: the latest current, earlier ones as releases', () => {
    const customers = product('customers.customers');
    expect((customers.descriptor as { metadata: { version: string } }).metadata.version).toBe('2.0.0');
    expect(customers.releases.map((r) => r.version)).toEqual(['1.0.0']);
    const v1 = customers.releases[0].contracts['contracts/customers.schema.json'] as { properties: object };
    expect(Object.keys(v1.properties)).toEqual(['customer_id', 'full_name']);
  });

  it('writes the contract from the columns: types, not_null and primary key; closed when the dbt contract is enforced', () => {
    const contract = product('sales.orders').contracts['contracts/orders.schema.json'];
    expect(contract).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: {
        order_id: { type: 'string', format: 'uuid', 'x-primary-key': true },
        customer_id: { type: 'integer' },
        amount: { type: 'number' },
        ordered_on: { type: 'string', format: 'date' },
      },
      required: ['order_id'],
    });
    expect(product('customers.stg-customers').contracts['contracts/stg-customers.schema.json']).toMatchObject({
      additionalProperties: true,
      properties: { country_code: { type: 'string', maxLength: 2 } },
    });
  });

  it('maps unique, not_null, accepted_values and relationships tests one to one, warn as warning', () => {
    expect(port('sales.orders').quality).toEqual([
      { rule: 'unique', field: 'order_id' },
      { rule: 'not_null', fields: ['customer_id'] },
      { rule: 'not_null', fields: ['status'] },
      { rule: 'accepted_values', field: 'status', values: ['placed', 'shipped', 'returned'] },
      { rule: 'relationship', field: 'customer_id', ref: 'customers.customers/customers#customer_id' },
    ]);
    expect(port('finance.daily-revenue').quality).toContainEqual({
      rule: 'not_null',
      fields: ['revenue'],
      severity: 'warning',
    });
    expect(product('finance.daily-revenue').notes).toContainEqual(
      expect.stringContaining('dbt_utils.accepted_range has no dmesh rule'),
    );
  });

  it('reads inputs from depends_on (versioned refs pin their major) and field lineage from column meta.lineage', () => {
    expect((product('sales.orders').descriptor as { spec: { inputs: unknown[] } }).spec.inputs).toEqual([
      { product: 'customers.customers', port: 'customers', version: '^2.0.0' },
    ]);
    expect(port('sales.orders').lineage).toEqual({ customer_id: ['customers.customers/customers#customer_id'] });
    expect(port('finance.daily-revenue').lineage).toEqual({
      revenue_date: ['sales.orders/orders#ordered_on'],
      revenue: ['sales.orders/orders#amount', 'sales.orders/orders#status'],
    });
    expect(product('sales.orders').notes).toContainEqual(expect.stringContaining('reads source raw.orders'));
  });

  it('writes products that pass dmesh validate (descriptor, contracts, rule fields, lineage fields)', () => {
    for (const p of products)
      for (const version of [p, ...p.releases])
        expect(
          validateProduct({ descriptor: version.descriptor, contracts: version.contracts }).filter(
            (x) => x.severity === 'error',
          ),
        ).toEqual([]);
  });

  it('selects models by name, group, tag and access, and names the models when a selection picks none', () => {
    expect(fromDbtManifest(manifest, { select: ['orders'] }).map((p) => p.id)).toEqual(['sales.orders']);
    expect(
      fromDbtManifest(manifest, { select: ['group:customers'] })
        .map((p) => p.id)
        .sort(),
    ).toEqual(['customers.customers', 'customers.stg-customers']);
    expect(
      fromDbtManifest(manifest, { select: ['tag:pii', 'access:protected'] })
        .map((p) => p.id)
        .sort(),
    ).toEqual(['customers.customers', 'finance.daily-revenue']);
    expect(() => fromDbtManifest(manifest, { select: ['nope'] })).toThrow(
      /picks no model; models are: stg_customers, customers, orders, daily_revenue/,
    );
  });

  it('refuses a file that is not a dbt manifest, with the fix', () => {
    expect(() => fromDbtManifest({ metadata: {}, nodes: {} })).toThrow(
      /not a dbt manifest of schema v10–v12.*dbt parse writes it/,
    );
  });
});
