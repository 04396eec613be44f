import { parse } from 'yaml';
import { sortKeys } from '../../src/core/contract/canonical.js';
import { toOdcs } from '../../src/core/export/odcs.js';
import { fromOdcs } from '../../src/core/import/odcs.js';
import { validateProduct } from '../../src/core/product/validate-product.js';
import { demoProductDirs, loadDemo, shortName } from './demo-products.js';

const dirs = demoProductDirs();

describe('ODCS round trip: export odcs, then import odcs, gives the same product', () => {
  it('covers every demo product and release', () => {
    // 8 products, 3 earlier releases
    expect(dirs.length).toBeGreaterThanOrEqual(11);
  });

  it.each(dirs.map((d) => [shortName(d), d]))('%s', async (_name, dir) => {
    const source = await loadDemo(dir);
    const odcs = parse(toOdcs(source));
    expect(odcs).toMatchObject({ apiVersion: 'v3.1.0', kind: 'DataContract', status: 'active' });
    const back = fromOdcs(odcs);
    expect(back.notes).toEqual([]);
    expect(sortKeys(back.descriptor)).toEqual(sortKeys(source.product));
    expect(sortKeys(back.contracts)).toEqual(sortKeys(source.contracts));
  });
});

describe('ODCS export says what ODCS can say natively', () => {
  it('writes types, formats, keys, required, SLAs and quality metrics the ODCS way', async () => {
    const odcs = parse(toOdcs(await loadDemo(`${dirs.find((d) => d.endsWith('sales/orders'))}`)));
    const orders = odcs.schema.find((o: { name: string }) => o.name === 'orders');
    const prop = (name: string) => orders.properties.find((p: { name: string }) => p.name === name);
    expect(prop('order_id')).toMatchObject({
      logicalType: 'string',
      logicalTypeOptions: { format: 'uuid' },
      primaryKey: true,
      required: true,
    });
    expect(prop('ordered_at')).toMatchObject({ logicalType: 'timestamp', required: true });
    expect(prop('total_amount')).toMatchObject({ logicalType: 'number', logicalTypeOptions: { minimum: 0 } });
    expect(prop('status').quality).toContainEqual(
      expect.objectContaining({
        metric: 'invalidValues',
        mustBe: 0,
        arguments: { validValues: ['placed', 'paid', 'shipped', 'delivered', 'cancelled'] },
      }),
    );
    expect(prop('coupon_code').required).toBeUndefined();
    expect(orders.quality).toContainEqual(expect.objectContaining({ metric: 'rowCount', mustBeGreaterOrEqualTo: 1 }));
    expect(odcs.slaProperties).toContainEqual({ property: 'latency', value: 'PT1H', element: 'orders' });
    expect(odcs.team).toEqual({ name: 'sales-data', members: [{ username: 'sales-data@example.com', role: 'owner' }] });
  });

  it.each(dirs.map((d) => [shortName(d), d]))(
    'a contract from elsewhere (no dmesh customProperties) still imports as a valid product: %s',
    async (_name, dir) => {
      const odcs = parse(toOdcs(await loadDemo(dir)), {
        reviver: (key, value) => (key === 'customProperties' ? undefined : value),
      });
      const back = fromOdcs(odcs);
      expect(back.notes.some((n) => n.includes('no location'))).toBe(true);
      expect(
        validateProduct({ descriptor: back.descriptor, contracts: back.contracts }).filter(
          (p) => p.severity === 'error',
        ),
      ).toEqual([]);
    },
  );

  it('refuses a file that is not an ODCS v3 contract, naming the fix', () => {
    expect(() => fromOdcs({ dataContractSpecification: '1.1.0' })).toThrow(
      /not an ODCS v3 data contract; pass a file with apiVersion/,
    );
  });
});
