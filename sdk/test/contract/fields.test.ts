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
