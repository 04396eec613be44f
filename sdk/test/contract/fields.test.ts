import { listFields } from '../../src/core/contract/fields.js';

describe('listFields reads a contract in any draft', () => {
  it('follows draft-07 definitions, "$id" anchors and tuple items', () => {
    const fields = listFields({
      $schema: 'http://json-schema.org/draft-07/schema#',
      definitions: { money: { $id: '#money', type: 'number', description: 'Amount.' } },
      type: 'object',
      properties: {
        amount: { $ref: '#money' },
        pair: { type: 'array', items: [{ type: 'object', properties: { sku: { type: 'string' } } }] },
      },
    });
    expect(fields).toEqual([{ path: 'amount' }, { path: 'pair', type: 'array' }, { path: 'pair.sku', type: 'string' }]);
  });

  it('reads an $id-scoped reference, and a document that is not a contract as it is', () => {
    const scoped = {
      $id: 'https://example.com/root',
      $defs: { a: { $id: 'https://example.com/address', type: 'object', properties: { city: { type: 'string' } } } },
      properties: { address: { $ref: 'address' } },
    };
    expect(listFields(scoped).map((f) => f.path)).toEqual(['address', 'address.city']);
    expect(listFields({ properties: { a: { type: 'strin' } }, $schema: 'nope' }).map((f) => f.path)).toEqual(['a']);
  });
});
