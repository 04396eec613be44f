import fc from 'fast-check';
import { formatId, parseId } from '../src/core/identifiers.js';

describe('identifiers', () => {
  it('parses every part of the documented form', () => {
    expect(parseId('sales.orders/orders@2.1.0')).toEqual({
      domain: 'sales',
      product: 'orders',
      port: 'orders',
      version: '2.1.0',
    });
    expect(parseId('customers.profiles/profiles#address.city')).toEqual({
      domain: 'customers',
      product: 'profiles',
      port: 'profiles',
      field: 'address.city',
    });
  });

  it('rejects names that are not kebab-case', () => {
    expect(parseId('Sales.orders')).toBeUndefined();
    expect(parseId('sales')).toBeUndefined();
    expect(parseId('sales.orders_v2')).toBeUndefined();
  });

  it('round-trips any well-formed identifier', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}$/);
    fc.assert(
      fc.property(name, name, fc.option(name, { nil: undefined }), (domain, product, port) => {
        const id = { domain, product, ...(port && { port }) };
        expect(parseId(formatId(id))).toEqual(id);
      }),
    );
  });
});
