import { DEFAULT_GLOBAL_POLICIES, evaluatePolicies } from '../../src/core/governance/index.js';
import type { DataProduct } from '../../src/core/product/types.js';
import { scaffoldProduct } from '../../src/core/scaffold/scaffold.js';
import { parseYaml } from '../../src/io/parse-files.js';
import { context, product } from './context.js';

const documentation = DEFAULT_GLOBAL_POLICIES.find((p) => p.id === 'documentation')!;
const run = (d: DataProduct) => evaluatePolicies([documentation], context(d), [], '2026-11-30').results[0];

describe('the documentation policy and the placeholders dmesh init writes', () => {
  it('warns about each placeholder of an untouched scaffold, at its path, without blocking', () => {
    const scaffold = scaffoldProduct({
      domain: 'sales',
      product: 'returns',
      owner: 'sales-data',
      kind: 'table',
      now: new Date(0),
    });
    const descriptor = parseYaml(scaffold.files['dataproduct.yaml'], 'dataproduct.yaml').value as DataProduct;
    const result = run(descriptor);
    expect(result.status).toBe('warning');
    expect(result.findings.map((f) => [f.code, f.path])).toEqual([
      ['PLACEHOLDER_TEXT', '/metadata/description'],
      ['PLACEHOLDER_EMAIL', '/metadata/owner/email'],
    ]);
    expect(scaffold.placeholders.map((p) => p.path)).toEqual(['/metadata/description', '/metadata/owner/email']);
  });

  it('passes once the team has written them (and a scaffold given both has none)', () => {
    const filled = scaffoldProduct({
      domain: 'sales',
      product: 'returns',
      owner: 'sales-data',
      kind: 'table',
      now: new Date(0),
      description: 'Returned items, one row per item, loaded hourly.',
      email: 'sales-data@shop.example.org',
    });
    expect(filled.placeholders).toEqual([]);
    const descriptor = parseYaml(filled.files['dataproduct.yaml'], 'dataproduct.yaml').value as DataProduct;
    expect(run({ ...descriptor, spec: product().spec })).toMatchObject({ status: 'passed' });
  });

  it('flags the sentence earlier scaffolds wrote, and any .invalid address, but not example.com', () => {
    const old = product({
      metadata: {
        description: 'Returns of the sales domain. Describe what one record means, how often it is updated.',
        owner: { team: 'sales-data', email: 'sales-data@corp.invalid' },
      },
    });
    expect(run(old).findings.map((f) => f.code)).toEqual(['PLACEHOLDER_TEXT', 'PLACEHOLDER_EMAIL']);
    expect(run(product({ metadata: { owner: { team: 'sales-data', email: 'sales@example.com' } } })).status).toBe(
      'passed',
    );
  });
});
