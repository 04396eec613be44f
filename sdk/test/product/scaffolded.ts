import { scaffoldProduct } from '../../src/core/scaffold/scaffold.js';

/** The files `dmesh init sales.orders` writes, by relative path. */
export function scaffoldedOrders(): Record<string, string> {
  return scaffoldProduct({ domain: 'sales', product: 'orders', owner: 'sales-data', kind: 'table', now: new Date() })
    .files;
}
