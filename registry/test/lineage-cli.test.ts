import { runDmesh, type CliRun } from './cli-runner.js';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PublishPipeline } from '../src/publish/publish.pipeline.js';
import { seedDomains } from '../src/seed/seed-domains.js';
import { startRegistry, type RunningRegistry } from './app-harness.js';

const DOMAINS = fileURLToPath(new URL('../../domains', import.meta.url));
let registry: RunningRegistry;
let work: string;

/** The real CLI as a child process, talking HTTP to the registry. */
function dmesh(args: string[], cwd = work): Promise<CliRun> {
  return runDmesh(args, cwd, {
    HOME: work,
    DMESH_CONFIG_DIR: join(work, '.config'),
    DMESH_REGISTRY_URL: registry.url,
    DMESH_TOKEN: registry.token,
  });
}

beforeAll(async () => {
  registry = await startRegistry();
  await seedDomains(registry.app.get(PublishPipeline), DOMAINS, () => undefined);
  work = mkdtempSync(join(tmpdir(), 'dmesh-lineage-cli-'));
});
afterAll(async () => {
  await registry.close();
  rmSync(work, { recursive: true, force: true });
});

describe('dmesh lineage', () => {
  it('prints a readable downstream tree across domains', async () => {
    const run = await dmesh(['lineage', 'customers.profiles', '--downstream']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('customers.profiles@2.0.0 · customer-data');
    expect(lines[1]).toBe('downstream');
    const orders = lines.findIndex((l) => /^[├└]─ profiles → sales\.orders@1\.1\.0 · sales-data {2}\^2\.0\.0$/.test(l));
    expect(orders).toBeGreaterThan(1);
    // sales.orders is the last child of the root, so its children are indented by three spaces.
    expect(lines.slice(orders + 1)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^ {3}[├└]─ orders → marketing\.campaign-performance@1\.0\.0 · marketing-analytics {2}\^1\.1\.0/,
        ),
      ]),
    );
    // each product is expanded once; later mentions point back
    expect(
      lines.filter((l) => l.includes('marketing.campaign-performance') && !l.endsWith('(see above)')),
    ).toHaveLength(1);
    expect(run.stdout).not.toContain('upstream');
  });

  it('prints both directions by default, and Mermaid and DOT that name every product', async () => {
    const tree = await dmesh(['lineage', 'sales.orders', '--depth', '1']);
    expect(tree.stdout).toMatch(/^downstream$/m);
    expect(tree.stdout).toMatch(/^upstream\n└─ profiles ← customers\.profiles@2\.0\.0/m);
    const mermaid = await dmesh(['lineage', 'marketing.campaign-performance', '--upstream', '--format', 'mermaid']);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout.startsWith('graph LR\n')).toBe(true);
    for (const id of ['customers.profiles', 'sales.orders', 'finance.fx-rates', 'marketing.campaigns'])
      expect(mermaid.stdout).toContain(`["${id} `);
    const dot = await dmesh(['lineage', 'marketing.campaign-performance', '--upstream', '--format', 'dot']);
    expect(dot.stdout).toMatch(/^digraph lineage \{/);
    expect(dot.stdout).toContain('subgraph "cluster_finance"');
    expect(dot.stdout.match(/ -> /g)?.length).toBeGreaterThanOrEqual(8);
  });

  it('prints the registry graph as one JSON document', async () => {
    const run = await dmesh(['lineage', 'finance.fx-rates', '--downstream', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ root: 'finance.fx-rates', direction: 'DOWNSTREAM', truncated: false });
    expect(run.json.nodes.map((n: { id: string }) => n.id)).toEqual(
      expect.arrayContaining(['finance.revenue', 'marketing.customer-segments', 'marketing.campaign-performance']),
    );
    const alias = await dmesh(['lineage', 'finance.fx-rates', '--downstream', '--json']);
    expect(alias.json).toEqual(run.json);
  });

  it('exits 1 for an unknown product and 2 for bad usage', async () => {
    const missing = await dmesh(['lineage', 'sales.nothing']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('404');
    expect((await dmesh(['lineage', 'sales.orders', '--upstream', '--downstream'])).code).toBe(2);
    expect((await dmesh(['lineage', 'sales.orders', '--depth', '0'])).code).toBe(2);
    expect((await dmesh(['lineage', 'sales.orders', '--format', 'png'])).code).toBe(2);
    expect((await dmesh(['lineage', 'sales.orders/orders'])).code).toBe(2);
  });
});

describe('dmesh publish --dry-run shows the impact on consumers', () => {
  it('names the consumer that reads a removed field, with its owner, and the ones that are safe', async () => {
    cpSync(join(DOMAINS, 'sales'), join(work, 'sales'), { recursive: true });
    const dir = join(work, 'sales', 'orders');
    const contractFile = join(dir, 'contracts', 'orders.schema.json');
    const contract = JSON.parse(readFileSync(contractFile, 'utf8'));
    delete contract.properties.coupon_code;
    writeFileSync(contractFile, JSON.stringify(contract, null, 2));
    writeFileSync(
      join(dir, 'dataproduct.yaml'),
      readFileSync(join(dir, 'dataproduct.yaml'), 'utf8').replace(/^( {2}version:) 1\.1\.0$/m, '$1 1.2.0'),
    );
    const run = await dmesh(['publish', '--dry-run'], dir);
    expect(run.code).toBe(1); // a breaking change released as a minor is rejected
    expect(run.stderr).toContain('impact of sales.orders/orders as 1.2.0: 1 consumer(s) break');
    // coupon_code was optional in a closed object: no record shows a new value, yet its reader loses it.
    expect(run.stderr).toMatch(
      /coupon_code {2}PROPERTY_REMOVED\n\s+readers of `coupon_code`: the proposed contract no longer declares/,
    );
    expect(run.stderr).toMatch(
      /✗ marketing\.campaign-performance \(marketing-analytics <[^>]+>, pins \^1\.1\.0\) reads sales\.orders\/orders#coupon_code → performance#/,
    );
    expect(run.stderr).toMatch(
      /✓ finance\.revenue: finance\.revenue reads .* of sales\.orders\/orders; none of them changes in a way it did not allow/,
    );
  });
});

describe('dmesh diff --impact', () => {
  it('adds the registry impact report to the local compatibility report', async () => {
    const current = join(DOMAINS, 'sales', 'orders', 'contracts', 'orders.schema.json');
    const next = JSON.parse(readFileSync(current, 'utf8'));
    delete next.properties.coupon_code;
    writeFileSync(join(work, 'orders.next.json'), JSON.stringify(next));
    const run = await dmesh(['diff', current, 'orders.next.json', '--impact', 'sales.orders/orders', '--json']);
    expect(run.code).toBe(1);
    expect(run.json.compatible).toBe(false);
    expect(run.json.impact).toMatchObject({
      port: 'sales.orders/orders',
      proposedVersion: '1.2.0',
      versionRule: 'next-minor-of-latest',
    });
    expect(run.json.impact.consumers.map((c: { product: string }) => c.product)).toEqual([
      'marketing.campaign-performance',
    ]);
    const human = await dmesh(['diff', current, 'orders.next.json', '--impact', 'sales.orders/orders']);
    expect(human.stdout).toContain('impact of sales.orders/orders as 1.2.0: 1 consumer(s) break');
    expect((await dmesh(['diff', current, 'orders.next.json', '--impact', 'sales.orders'])).code).toBe(2);
  });
});
