import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { sortKeys } from '../../src/core/contract/canonical.js';
import { demoProductDirs, loadDemo, shortName } from '../export/demo-products.js';
import { runCli, tempFolder } from './run-cli.js';

const work = tempFolder('dmesh-export-import-');
const ORDERS = demoProductDirs().find((d) => d.endsWith('sales/orders'))!;
const MANIFEST = new URL('../fixtures/dbt/manifest.json', import.meta.url).pathname;

describe('dmesh export on a product folder (offline)', () => {
  it.each([
    ['jsonschema', /"\$schema": "https:\/\/json-schema.org\/draft\/2020-12\/schema"/],
    ['typescript', /export interface Order \{/],
    ['zod', /import \{ z \} from 'zod';/],
    ['sql-ddl', /CREATE TABLE sales\.orders \(/],
    ['avro', /"type": "record"/],
    ['odcs', /apiVersion: v3\.1\.0/],
    ['dbt', /enforced: true/],
  ])('--format %s', async (format, shape) => {
    const run = await runCli(['export', ORDERS, '--port', 'orders', '--format', format], work.path());
    expect([run.code, run.err]).toEqual([0, '']);
    expect(run.out).toMatch(shape);
    expect(run.out).toContain('sales.orders');
  });

  it('refuses an unknown format or draft with the list to pick from (exit 2)', async () => {
    const bad = await runCli(['export', ORDERS, '--format', 'xsd'], work.path());
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('use one of jsonschema, typescript, zod')]);
    const draft = await runCli(['export', ORDERS, '--format', 'jsonschema', '--draft', '5'], work.path());
    expect(draft.code).toBe(2);
  });
});

describe('dmesh export --format odcs, then dmesh import odcs, through files', () => {
  it.each(demoProductDirs().map((d) => [shortName(d), d]))('%s comes back the same', async (name, dir) => {
    const file = join(work.path(), `${name.replace(/\//g, '_')}.odcs.yaml`);
    const out = join(work.path(), 'odcs', name.replace(/\//g, '_'));
    expect((await runCli(['export', dir, '--format', 'odcs', '--out', file], work.path())).code).toBe(0);
    const imported = await runCli(['import', 'odcs', file, '--out', out, '--json'], work.path());
    expect([imported.code, imported.err]).toEqual([0, '']);
    const [{ product, dir: written }] = JSON.parse(imported.out).imported;
    const source = await loadDemo(dir);
    expect(product).toBe(`${source.product.metadata.domain}.${source.product.metadata.name}`);
    const back = await loadDemo(join(work.path(), written));
    expect(sortKeys(back.product)).toEqual(sortKeys(source.product));
    expect(sortKeys(back.contracts)).toEqual(sortKeys(source.contracts));
    expect((await runCli(['validate', join(work.path(), written), '--offline'], work.path())).code).toBe(0);
  });
});

describe('dmesh import dbt', () => {
  it('writes the selected models as product folders that pass dmesh validate', async () => {
    const out = join(work.path(), 'dbt');
    const run = await runCli(['import', 'dbt', MANIFEST, '--select', 'group:customers', '--out', out], work.path());
    expect([run.code, run.err]).toEqual([0, '']);
    expect(run.out).toMatch(/✓ customers\.customers → .*dbt\/customers\/customers\//);
    expect(readdirSync(out)).toEqual(['customers']);
    expect(readdirSync(join(out, 'customers')).sort()).toEqual(['customers', 'stg-customers']);
    const descriptor = parse(readFileSync(join(out, 'customers/customers/dataproduct.yaml'), 'utf8'));
    expect(descriptor.metadata).toMatchObject({ domain: 'customers', name: 'customers' });
    for (const product of ['customers', 'stg-customers'])
      expect((await runCli(['validate', join(out, 'customers', product), '--offline'], work.path())).code).toBe(0);
    const again = await runCli(['import', 'dbt', MANIFEST, '--select', 'group:customers', '--out', out], work.path());
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/--force/);
  });

  it('names the models when a selection picks none (exit 2)', async () => {
    const run = await runCli(['import', 'dbt', MANIFEST, '--select', 'nope'], work.path());
    expect([run.code, run.err]).toEqual([2, expect.stringMatching(/picks no model; models are: stg_customers/)]);
  });
});
