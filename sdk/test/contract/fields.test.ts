import { listFields } from '../../src/core/contract/fields.js';

describe('listFields', () => {
  it('says which fields their object requires, nested ones within their parent', () => {
    const schema = {
      type: 'object',
      required: ['id', 'address'],
      properties: {
        id: { type: 'string', 'x-classification': 'internal' },
        email: { type: 'string', 'x-classification': 'pii', description: 'Contact.' },
        address: {
          type: 'object',
          required: ['city'],
          properties: { city: { type: 'string' }, zip: { type: 'string' } },
        },
      },
    };
    expect(listFields(schema)).toEqual([
      { path: 'id', type: 'string', classification: 'internal', required: true },
      { path: 'email', type: 'string', description: 'Contact.', classification: 'pii', required: false },
      { path: 'address', type: 'object', required: true },
      { path: 'address.city', type: 'string', required: true },
      { path: 'address.zip', type: 'string', required: false },
    ]);
  });
});

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
    expect(fields).toEqual([
      { path: 'amount', required: false },
      { path: 'pair', type: 'array', required: false },
      { path: 'pair.sku', type: 'string', required: false },
    ]);
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
