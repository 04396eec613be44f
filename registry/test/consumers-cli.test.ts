import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PublishPipeline } from '../src/publish/publish.pipeline.js';
import { seedDomains } from '../src/seed/seed-domains.js';
import { startRegistry, type RunningRegistry } from './app-harness.js';
import { runDmesh, type CliRun } from './cli-runner.js';

const DOMAINS = fileURLToPath(new URL('../../domains', import.meta.url));
const ORDERS = join(DOMAINS, 'sales/orders');
let registry: RunningRegistry;
let work: string;

function dmesh(args: string[], cwd = work): Promise<CliRun> {
  return runDmesh(args, cwd, {
    HOME: work,
    DMESH_CONFIG_DIR: join(work, '.config'),
    DMESH_REGISTRY_URL: registry.url,
    DMESH_TOKEN: registry.token,
  });
}

/** The orders contract without total_amount: the field the dashboard reads. */
function withoutTotal(): Record<string, unknown> {
  const schema = JSON.parse(readFileSync(join(ORDERS, 'contracts/orders.schema.json'), 'utf8'));
  delete schema.properties.total_amount;
  schema.required = schema.required.filter((f: string) => f !== 'total_amount');
  return schema;
}

beforeAll(async () => {
  registry = await startRegistry();
  await seedDomains(registry.app.get(PublishPipeline), DOMAINS, () => undefined);
  work = mkdtempSync(join(tmpdir(), 'dmesh-consumers-cli-'));
  const register = await dmesh([
    'consume',
    'sales.orders/orders@^1.0.0',
    '--as',
    'finance.exec-kpis',
    '--kind',
    'dashboard',
    '--fields',
    'total_amount,currency,ordered_at',
    '--description',
    'Executive KPI dashboard',
  ]);
  expect([register.code, register.stderr]).toEqual([0, '']);
  expect(register.stdout).toContain('✓ finance:dashboard/exec-kpis registered as a consumer of sales.orders/orders');
  expect(register.stdout).toContain('reads sales.orders/orders ^1.0.0 → 1.1.0: currency, ordered_at, total_amount');
});
afterAll(async () => {
  await registry.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a dashboard registered with dmesh consume', () => {
  it('is in the REST impact of a change to a field it reads, with its owner, and not of one it does not read', async () => {
    const impact = async (schema: unknown) =>
      (await fetch(`${registry.url}/v1/lineage/products/sales.orders/ports/orders/impact`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ schema }),
      }).then((r) => r.json())) as {
        consumers: { product: string; kind?: string; owner: object; reads: string[] }[];
        unaffected: { product: string; reason: string }[];
      };
    const dropTotal = await impact(withoutTotal());
    expect(dropTotal.consumers).toContainEqual(
      expect.objectContaining({
        product: 'finance:dashboard/exec-kpis',
        kind: 'dashboard',
        owner: { team: 'finance-analytics', email: 'finance-analytics@example.com' },
        reads: ['sales.orders/orders#total_amount'],
      }),
    );
    const schema = JSON.parse(readFileSync(join(ORDERS, 'contracts/orders.schema.json'), 'utf8'));
    delete schema.properties.item_count;
    schema.required = schema.required.filter((f: string) => f !== 'item_count');
    const dropItems = await impact(schema);
    expect(dropItems.consumers.map((c) => c.product)).not.toContain('finance:dashboard/exec-kpis');
    expect(dropItems.unaffected).toContainEqual(
      expect.objectContaining({ product: 'finance:dashboard/exec-kpis', reason: 'DOES_NOT_READ_FIELD' }),
    );
  });

  it('is in dmesh diff --impact', async () => {
    writeFileSync(join(work, 'next.schema.json'), JSON.stringify(withoutTotal()));
    const run = await dmesh([
      'diff',
      join(ORDERS, 'contracts/orders.schema.json'),
      'next.schema.json',
      '--impact',
      'sales.orders/orders',
      '--json',
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.impact.consumers.map((c: { product: string }) => c.product)).toContain('finance:dashboard/exec-kpis');
    const text = await dmesh([
      'diff',
      join(ORDERS, 'contracts/orders.schema.json'),
      'next.schema.json',
      '--impact',
      'sales.orders/orders',
    ]);
    expect(text.stdout).toMatch(
      /✗ finance:dashboard\/exec-kpis \(finance-analytics <finance-analytics@example\.com>, pins \^1\.0\.0\) reads sales\.orders\/orders#total_amount/,
    );
  });

  it('is in the impact section of the publish dry-run', async () => {
    const dir = join(work, 'orders');
    cpSync(ORDERS, dir, { recursive: true });
    writeFileSync(join(dir, 'contracts/orders.schema.json'), JSON.stringify(withoutTotal(), null, 2));
    const yaml = readFileSync(join(dir, 'dataproduct.yaml'), 'utf8')
      .replace('version: 1.1.0', 'version: 1.2.0')
      .replace(/\n\s+- \{ rule: range, field: total_amount, min: 0 \}/, '')
      .replace(', total_amount]', ']');
    writeFileSync(join(dir, 'dataproduct.yaml'), yaml);
    const run = await dmesh(['publish', dir, '--dry-run', '--json']);
    const result = JSON.parse(run.stdout);
    const impact = result.impact ?? result.error?.impact;
    expect(impact.orders.consumers).toContainEqual(
      expect.objectContaining({ product: 'finance:dashboard/exec-kpis', kind: 'dashboard' }),
    );
  });

  it('shows in dmesh lineage, and leaves with --remove', async () => {
    const tree = await dmesh(['lineage', 'sales.orders', '--downstream', '--format', 'json']);
    const graph = JSON.parse(tree.stdout);
    expect(graph.nodes).toContainEqual(
      expect.objectContaining({ id: 'finance:dashboard/exec-kpis', kind: 'CONSUMER' }),
    );
    const list = await dmesh(['consume', '--list', '--domain', 'finance', '--json']);
    expect(JSON.parse(list.stdout).map((c: { id: string }) => c.id)).toEqual(['finance:dashboard/exec-kpis']);
  });
});

describe('dmesh pull and export from the registry', () => {
  it('pulls the contract and descriptor of the highest version in range; the contract route answers with an ETag and 304', async () => {
    const run = await dmesh(['pull', 'sales.orders/orders@^1.0.0', '--out', 'pulled', '--json']);
    expect(run.code).toBe(0);
    const pulled = JSON.parse(run.stdout);
    expect(pulled).toMatchObject({
      product: 'sales.orders',
      version: '1.1.0',
      contract: 'pulled/contracts/orders.schema.json',
    });
    expect(JSON.parse(readFileSync(join(work, pulled.contract), 'utf8'))).toEqual(
      JSON.parse(readFileSync(join(ORDERS, 'contracts/orders.schema.json'), 'utf8')),
    );
    expect(existsSync(join(work, 'pulled/dataproduct.yaml'))).toBe(true);
    const url = `${registry.url}/v1/products/sales.orders/versions/1.1.0/ports/orders/contract`;
    const first = await fetch(url);
    expect([first.status, first.headers.get('etag'), first.headers.get('content-type')]).toEqual([
      200,
      pulled.etag,
      expect.stringContaining('application/schema+json'),
    ]);
    const again = await fetch(url, { headers: { 'if-none-match': pulled.etag } });
    expect([again.status, await again.text()]).toEqual([304, '']);
    expect((await fetch(url.replace('/orders/contract', '/nope/contract'))).status).toBe(404);
    const malformed = await fetch(url.replace('/1.1.0/', '/latest/'));
    expect([malformed.status, ((await malformed.json()) as { details: unknown[] }).details[0]]).toEqual([
      400,
      expect.objectContaining({ code: 'BAD_PARAMETER', path: 'version' }),
    ]);
    expect((await fetch(`${registry.url}/v1/lineage/consumers/Finance/exec-kpis`)).status).toBe(400);
    const offline = await dmesh(['export', 'pulled', '--port', 'orders', '--format', 'sql-ddl']);
    expect(offline.stdout).toContain('CREATE TABLE sales.orders (');
  });

  it('exports a published port in each format', async () => {
    for (const format of ['jsonschema', 'typescript', 'zod', 'sql-ddl', 'avro', 'odcs', 'dbt']) {
      const run = await dmesh(['export', 'sales.orders/orders@^1', '--format', format]);
      expect([format, run.code, run.stderr]).toEqual([format, 0, '']);
      expect(run.stdout).toContain('sales.orders');
    }
  });
});

describe('dmesh consume --remove', () => {
  it('removes the registration; the port no longer lists it', async () => {
    const run = await dmesh(['consume', 'sales.orders/orders', '--as', 'finance.exec-kpis', '--remove']);
    expect([run.code, run.stdout.trim()]).toEqual([0, '✓ finance.exec-kpis: removed its read of sales.orders/orders']);
    const consumers = (await fetch(`${registry.url}/v1/lineage/products/sales.orders/ports/orders/consumers`).then(
      (r) => r.json(),
    )) as { product: string }[];
    expect(consumers.map((c) => c.product)).not.toContain('finance:dashboard/exec-kpis');
    const again = await dmesh(['consume', 'sales.orders/orders', '--as', 'finance.exec-kpis', '--remove']);
    expect(again.code).toBe(1);
  });
});

describe('dmesh consume with the consumer id form, a kind and an expiry', () => {
  it('registers finance:ml/churn-features until a date, refuses a bad kind or a past date, and removes it whole', async () => {
    const as = ['--as', 'finance:ml/churn-features'];
    const run = await dmesh(['consume', 'sales.orders/orders@^1.0.0', ...as, '--fields', 'customer_id,order_id']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const expiring = await dmesh(['consume', 'sales.orders/orders@^1.0.0', ...as, '--expires', '2099-12-31', '--json']);
    expect(JSON.parse(expiring.stdout)).toMatchObject({
      id: 'finance:ml/churn-features',
      kind: 'ml',
      reads: [{ port: 'sales.orders/orders', expires: '2099-12-31', expired: false }],
    });
    const kind = await dmesh(['consume', 'sales.orders/orders@^1.0.0', '--as', 'finance.x', '--kind', 'spreadsheet']);
    expect([kind.code, kind.stderr]).toEqual([
      2,
      expect.stringContaining('use one of dashboard, ml, notebook, service'),
    ]);
    const clash = await dmesh(['consume', 'sales.orders/orders@^1.0.0', ...as, '--kind', 'dashboard']);
    expect([clash.code, clash.stderr]).toEqual([2, expect.stringContaining('contradicts --as')]);
    const past = await dmesh(['consume', 'sales.orders/orders@^1.0.0', ...as, '--expires', '2000-01-01']);
    expect([past.code, past.stderr]).toEqual([2, expect.stringContaining('expires 2000-01-01 is in the past')]);
    const removed = await dmesh(['consume', ...as, '--remove']);
    expect([removed.code, removed.stdout.trim()]).toEqual([
      0,
      '✓ finance.churn-features: removed it and all its reads',
    ]);
  });
});
