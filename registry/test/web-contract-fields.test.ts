import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFields } from '@dmesh/sdk';
import { listFields as listInBrowser } from '../web/src/product/contract-fields.js';

/**
 * The web catalog lists a contract's fields in the browser (the SDK's listing
 * normalises drafts with ajv, which needs Node); on every demo contract and
 * release the two listings agree.
 */
const DOMAINS = fileURLToPath(new URL('../../domains', import.meta.url));
const contracts = readdirSync(DOMAINS, { recursive: true, encoding: 'utf8' })
  .filter((f) => /contracts\/[^/]+\.schema\.json$/.test(f))
  .sort();

const plain = (
  fields: { path: string; type?: string; description?: string; classification?: string; required?: boolean }[],
) =>
  fields.map((f) => ({
    path: f.path,
    type: f.type,
    description: f.description,
    classification: f.classification,
    required: f.required ?? false,
  }));

describe('the field table of the web catalog', () => {
  it('finds the demo contracts', () => expect(contracts.length).toBeGreaterThanOrEqual(10));

  it.each(contracts)('lists %s as the SDK does', (file) => {
    const schema = JSON.parse(readFileSync(join(DOMAINS, file), 'utf8'));
    expect(plain(listInBrowser(schema))).toEqual(plain(listFields(schema)));
  });
});
