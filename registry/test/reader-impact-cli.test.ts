import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PublishPipeline } from '../src/publish/publish.pipeline.js';
import { startRegistry, type RunningRegistry } from './app-harness.js';
import { runDmesh, type CliRun } from './cli-runner.js';
import { ADMIN, DEEP_CONTRACT_TEXT, publishRequest, refChainContractText } from './fixtures.js';

/**
 * Issue 11 through the real CLI: a consumer declares field lineage from
 * app.events/events#user_id; the producer removes the required user_id. Under
 * the port's BACKWARD mode that is compatible (exit 0), and `diff --impact`
 * still names the consumer and the field. Contracts over a limit exit 2
 * naming it, in `diff`, `diff --impact` and `publish`.
 */
let registry: RunningRegistry;
let work: string;

const dmesh = (args: string[], cwd = work): Promise<CliRun> =>
  runDmesh(args, cwd, {
    HOME: work,
    DMESH_CONFIG_DIR: join(work, '.config'),
    DMESH_REGISTRY_URL: registry.url,
    DMESH_TOKEN: registry.token,
  });

const PROPS = { user_id: { type: 'string', description: 'Who.' }, name: { type: 'string', description: 'What.' } };
const events = (properties: Record<string, unknown>) => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties,
  required: Object.keys(properties),
});
const DEEP = DEEP_CONTRACT_TEXT;
const refChain = () => refChainContractText();

beforeAll(async () => {
  registry = await startRegistry();
  work = mkdtempSync(join(tmpdir(), 'dmesh-reader-impact-'));
  const pipeline = registry.app.get(PublishPipeline);
  await pipeline.publish('app.events', publishRequest({ domain: 'app', name: 'events', schema: events(PROPS) }), ADMIN);
  // ana.sessions reads user_id, ana.names reads name.
  for (const [name, field, read] of [
    ['sessions', 'user', 'user_id'],
    ['names', 'label', 'name'],
  ]) {
    const schema = { type: 'object', properties: { [field]: { type: 'string' } } };
    const inputs = [{ product: 'app.events', port: 'events', version: '^1.0.0' }];
    const lineage = { [field]: [`app.events/events#${read}`] };
    await pipeline.publish(`ana.${name}`, publishRequest({ domain: 'ana', name, schema, inputs, lineage }), ADMIN);
  }
  writeFileSync(join(work, 'events.v1.json'), JSON.stringify(events(PROPS)));
  writeFileSync(join(work, 'events.v2.json'), JSON.stringify(events({ name: PROPS.name })));
  writeFileSync(join(work, 'deep.json'), DEEP);
  writeFileSync(join(work, 'chain.json'), refChain());
});
afterAll(async () => {
  await registry.close();
  rmSync(work, { recursive: true, force: true });
});

describe('dmesh diff --impact judges impact from the consumer side', () => {
  it('a removed required field is BACKWARD-compatible (exit 0) and still names its reader', async () => {
    const run = await dmesh(['diff', 'events.v1.json', 'events.v2.json', '--impact', 'app.events/events']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('is BACKWARD-compatible');
    expect(run.stdout).toContain('impact of app.events/events as 1.1.0: 1 consumer(s) break');
    expect(run.stdout).toMatch(/✗ ana\.sessions .* reads app\.events\/events#user_id → sessions#user/);
    expect(run.stdout).toMatch(/user_id {2}PROPERTY_REMOVED/);
    expect(run.stdout).toMatch(/valid under the proposed contract, rejected by the current one: \{"name":""\}/);
    expect(run.stdout).toMatch(/✓ ana\.names: ana\.names reads name of app\.events\/events/);
    const json = await dmesh(['diff', 'events.v1.json', 'events.v2.json', '--impact', 'app.events/events', '--json']);
    expect(json.json.compatible).toBe(true);
    expect(json.json.impact.consumers).toEqual([
      expect.objectContaining({
        product: 'ana.sessions',
        breaks: [expect.objectContaining({ field: 'user_id', code: 'PROPERTY_REMOVED', exact: true })],
      }),
    ]);
  });

  it.each([
    ['deep.json', 'SCHEMA_TOO_DEEP', 'CONTRACT_LIMITS.maxDepth'],
    ['chain.json', 'REF_CHAIN_TOO_LONG', 'CONTRACT_LIMITS.maxRefChain'],
  ])('%s: diff and diff --impact exit 2 naming %s', async (file, code, name) => {
    for (const args of [
      ['diff', 'events.v1.json', file],
      ['diff', 'events.v1.json', file, '--impact', 'app.events/events'],
    ]) {
      const run = await dmesh(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(code);
      expect(run.stderr).toContain(name);
    }
  });

  it('publish (also --dry-run) of a 3,000-level-deep contract exits 2 naming the limit', async () => {
    const dir = join(work, 'deep-product');
    expect((await dmesh(['init', 'app.deep', '--dir', dir])).code).toBe(0);
    writeFileSync(join(dir, 'contracts', 'deep.schema.json'), DEEP);
    for (const args of [['publish'], ['publish', '--dry-run']]) {
      const run = await dmesh(args, dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('SCHEMA_TOO_DEEP');
      expect(run.stderr).toContain('CONTRACT_LIMITS.maxDepth');
    }
  });
});
