import { datasetLocationKeys, portLocationKey } from '../src/lineage/location-key.js';
import { fieldOfPath } from '../src/lineage/field-of-path.js';

describe('location keys match OpenLineage datasets to output ports', () => {
  it.each([
    ['s3://lake', 'sales/orders', 's3://lake/sales/orders/'],
    ['s3a://lake', '/sales/orders', 's3://lake/sales/orders/'],
    ['postgres://warehouse:5432', 'sales.orders', 'postgres://warehouse/sales.orders'],
    ['postgres://warehouse:5432', 'analytics.sales.orders', 'postgres://warehouse/sales.orders'],
    ['postgresql://Warehouse:5432', 'sales.orders', 'postgres://warehouse/sales.orders'],
    ['kafka://broker-1:9092', 'orders.v1', 'kafka://orders.v1'],
    ['https://api.finance.example.com', 'v1/fx-rates', 'https://api.finance.example.com/v1/fx-rates'],
  ])('%s + %s matches %s', (namespace, name, location) => {
    expect(datasetLocationKeys(namespace, name)).toContain(portLocationKey(location));
  });

  it.each([
    ['s3://lake', 'sales/order', 's3://lake/sales/orders/'],
    ['postgres://warehouse:5433', 'sales.orders', 'postgres://warehouse/sales.orders'],
    ['postgres://other:5432', 'sales.orders', 'postgres://warehouse/sales.orders'],
  ])('%s + %s does not match %s', (namespace, name, location) => {
    expect(datasetLocationKeys(namespace, name)).not.toContain(portLocationKey(location));
  });
});

describe('the field a compatibility change is about', () => {
  it.each([
    ['/properties/customer_id', 'customer_id'],
    ['/properties/address/properties/city/type', 'address.city'],
    ['/properties/lines/items/properties/sku/maxLength', 'lines.sku'],
    ['/required', undefined],
    ['/additionalProperties', undefined],
  ])('%s → %s', (path, field) => {
    expect(fieldOfPath(path)).toBe(field);
  });
});
