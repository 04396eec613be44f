import { parse } from 'yaml';
import { registerValidateCommand } from '../../src/cli/commands/validate.js';
import { validateProduct } from '../../src/core/product/validate-product.js';
import { scaffoldedOrders } from './scaffolded.js';
import { runCommand, tempFolder } from '../compat/cli-runner.js';

const CONTRACT = 'contracts/orders.schema.json';
const files = scaffoldedOrders();

/** The scaffolded product with its descriptor and contract edited. */
function bundle(edit: (d: any, contract: any) => void = () => undefined) {
  const descriptor = parse(files['dataproduct.yaml']);
  const contract = JSON.parse(files[CONTRACT]);
  edit(descriptor, contract);
  return { descriptor, contracts: { [CONTRACT]: contract } };
}

const unknown = (b: ReturnType<typeof bundle>) => validateProduct(b).filter((p) => p.code === 'FIELD_UNKNOWN');

describe('every field a rule, a lineage mapping or x-primary-key names exists in the contract', () => {
  it('accepts the scaffolded product', () => {
    expect(validateProduct(bundle())).toEqual([]);
  });

  it('refuses { rule: accepted_values, field: stauts } with the path and a did-you-mean', () => {
    const problems = unknown(bundle((d) => (d.spec.outputs[0].quality[2].field = 'stauts')));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'dataproduct.yaml', path: '/spec/outputs/0/quality/2/field', severity: 'error' }),
    ]);
    expect(problems[0].message).toContain('"stauts"');
    expect(problems[0].fix).toContain('did you mean "status"?');
  });

  it('checks `fields` lists, lineage keys and a field removed from the contract', () => {
    const problems = unknown(
      bundle((d, c) => {
        d.spec.outputs[0].quality[1].fields.push('coupon');
        d.spec.outputs[0].lineage = {
          amount: ['customers.profiles/profiles#x'],
          ammount: ['customers.profiles/profiles#x'],
        };
        delete c.properties.amount;
      }),
    );
    expect(problems.map((p) => p.path).sort()).toEqual([
      '/spec/outputs/0/lineage/ammount',
      '/spec/outputs/0/lineage/amount',
      '/spec/outputs/0/quality/1/fields/3',
      '/spec/outputs/0/quality/3/field',
    ]);
  });
});

describe('rule fields: nested paths, x-primary-key and the CLI', () => {
  it('follows nested paths through $ref, allOf, array items and patternProperties (any draft)', () => {
    const ok = bundle((d, c) => {
      c.$schema = 'http://json-schema.org/draft-07/schema#';
      delete c.$id;
      c.definitions = { address: { type: 'object', properties: { city: { type: 'string' } } } };
      c.properties.address = { $ref: '#/definitions/address' };
      c.properties.lines = { type: 'array', items: { allOf: [{ properties: { sku: { type: 'string' } } }] } };
      c.properties.attrs = { type: 'object', patternProperties: { '^x_': { type: 'string' } } };
      d.spec.outputs[0].quality.push({ rule: 'not_null', fields: ['address.city', 'lines.sku', 'attrs.x_color'] });
    });
    expect(validateProduct(ok)).toEqual([]);
    const bad = bundle((d, c) => {
      c.properties.address = { type: 'object', properties: { city: { type: 'string' } } };
      d.spec.outputs[0].quality.push({ rule: 'not_null', fields: ['address.cty'] });
    });
    expect(unknown(bad)[0].fix).toContain('did you mean "address.city"?');
  });

  it('checks x-primary-key names in the contract file', () => {
    const problems = unknown(bundle((_d, c) => (c['x-primary-key'] = ['id', 'order_no'])));
    expect(problems).toEqual([expect.objectContaining({ file: CONTRACT, path: '/x-primary-key' })]);
    expect(problems[0].message).toContain('"order_no"');
  });

  it('dmesh validate fails (exit 2) on a misspelt rule field', async () => {
    const folder = tempFolder('dmesh-rule-fields-');
    try {
      for (const [name, text] of Object.entries(files))
        folder.write(
          `orders/${name}`,
          name === 'dataproduct.yaml' ? text.replace('field: status', 'field: stauts') : text,
        );
      const r = await runCommand(registerValidateCommand, folder.dir, ['validate', 'orders', '--offline']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('stauts');
      expect(r.err).toContain('did you mean "status"?');
    } finally {
      folder.remove();
    }
  });
});
