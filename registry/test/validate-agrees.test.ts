import { runDmesh } from './cli-runner.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PolicyService } from '../src/governance/policy.service.js';
import { PublishPipeline } from '../src/publish/publish.pipeline.js';
import { seedDomains } from '../src/seed/seed-domains.js';
import { startRegistry, type RunningRegistry } from './app-harness.js';

const DOMAINS = fileURLToPath(new URL('../../domains', import.meta.url));
let registry: RunningRegistry;

async function dmeshJson(args: string[]): Promise<any> {
  const run = await runDmesh(args, DOMAINS, {
    DMESH_REGISTRY_URL: registry.url,
    DMESH_TOKEN: registry.token,
    DMESH_CONFIG_DIR: '/nonexistent',
  });
  if (run.json === undefined) throw new Error(`dmesh ${args.join(' ')} printed no JSON: ${run.stdout}${run.stderr}`);
  return run.json;
}

const productDirs = readdirSync(DOMAINS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(DOMAINS, d.name)).map((p) => join(DOMAINS, d.name, p)))
  .filter((dir) => existsSync(join(dir, 'dataproduct.yaml')));

beforeAll(async () => {
  registry = await startRegistry();
  await seedDomains(registry.app.get(PublishPipeline), DOMAINS, () => undefined, registry.app.get(PolicyService));
});
afterAll(() => registry.close());

describe('dmesh validate --offline and the registry agree on the demo catalog', () => {
  it('covers every demo product', () => {
    expect(productDirs.length).toBeGreaterThanOrEqual(6);
  });

  it.each(productDirs.map((d) => [d.slice(DOMAINS.length + 1), d]))('%s', async (_name, dir) => {
    const offline = await dmeshJson(['validate', dir, '--offline', '--json']);
    expect(offline.valid).toBe(true);
    const shown = await dmeshJson(['show', `${dir.split('/').at(-2)}.${dir.split('/').at(-1)}`, '--json']);
    const stored: { policy: string; status: string }[] = shown.latest.governance.results;
    const local: { policy: string; status: string }[] = offline.governance.results;
    expect(local.map((r) => r.policy).sort()).toEqual(stored.map((r) => r.policy).sort());
    for (const r of local.filter((x) => x.status !== 'skipped')) {
      expect([r.policy, r.status]).toEqual([r.policy, stored.find((s) => s.policy === r.policy)!.status]);
    }
    // What offline evaluation skips, the registry evaluated.
    for (const r of local.filter((x) => x.status === 'skipped'))
      expect(stored.find((s) => s.policy === r.policy)!.status).not.toBe('skipped');
  });
});
