import { runDmesh, type CliRun } from './cli-runner.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSlaRegistry, type SlaRegistry } from './sla-harness.js';

let r: SlaRegistry;
let work: string;

function dmesh(args: string[], cwd = work): Promise<CliRun> {
  return runDmesh(args, cwd, {
    HOME: work,
    DMESH_CONFIG_DIR: join(work, '.cfg'),
    DMESH_REGISTRY_URL: r.url,
    DMESH_TOKEN: r.token,
  });
}

async function putPolicy(id: string, body: unknown): Promise<number> {
  const res = await fetch(`${r.url}/v1/policies/${id}`, {
    method: 'PUT',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` },
  });
  return res.status;
}

beforeAll(async () => {
  r = await startSlaRegistry(new Date('2026-11-22T09:00:00Z'));
  work = mkdtempSync(join(tmpdir(), 'dmesh-gov-cli-'));
});
afterAll(async () => {
  await r.close();
  rmSync(work, { recursive: true, force: true });
});

describe('governance through the CLI', () => {
  const dir = () => join(work, 'fleet', 'trucks');

  it('a JSON-Schema policy written here blocks dmesh publish, with the report grouped by severity (exit 1)', async () => {
    expect((await dmesh(['init', 'fleet.trucks', '--owner', 'fleet-data'])).code).toBe(0);
    expect(
      await putPolicy('fleet-gold-only', {
        title: 'Fleet products are gold',
        scope: 'domain:fleet',
        severity: 'error',
        rule: {
          type: 'json-schema',
          schema: { properties: { metadata: { properties: { tier: { const: 'gold' } } } } },
        },
      }),
    ).toBe(200);
    const run = await dmesh(['publish'], dir());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('governance: failed');
    expect(run.stderr).toContain('errors (block the publish)');
    expect(run.stderr).toMatch(/fleet-gold-only.*\n.*\/metadata\/tier must be equal to constant/);
  });

  it('validate (online), publish --dry-run and publish give identical governance reports', async () => {
    expect(
      await putPolicy('fleet-gold-only', {
        title: 'Fleet products are gold',
        scope: 'domain:fleet',
        severity: 'warning',
        rule: {
          type: 'json-schema',
          schema: { properties: { metadata: { properties: { tier: { const: 'gold' } } } } },
        },
      }),
    ).toBe(200);
    const validate = await dmesh(['validate', '--json'], dir());
    const dry = await dmesh(['publish', '--dry-run', '--json'], dir());
    const real = await dmesh(['publish', '--json'], dir());
    expect(real.code).toBe(0);
    expect(validate.json.registry.status).toBe('accepted');
    expect(validate.json.governance).toEqual(real.json.governance);
    expect(dry.json.governance).toEqual(real.json.governance);
    expect(real.json.governance.results.find((x: { policy: string }) => x.policy === 'fleet-gold-only').status).toBe(
      'warning',
    );
  });

  it('validate --offline agrees with the registry on every policy it can evaluate, and says which it skipped', async () => {
    mkdirSync(join(work, 'fleet', 'policies'), { recursive: true });
    writeFileSync(
      join(work, 'fleet', 'policies', 'gold.yaml'),
      'apiVersion: dmesh.io/v1\nkind: Policy\nid: fleet-gold-only\ntitle: Fleet products are gold\nscope: domain:fleet\nseverity: warning\nrule:\n  type: json-schema\n  schema: { properties: { metadata: { properties: { tier: { const: gold } } } } }\n',
    );
    const file = join(dir(), 'dataproduct.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: 0.1.0', 'version: 0.2.0'));
    const offline = await dmesh(['validate', '--offline', '--json'], dir());
    const online = await dmesh(['publish', '--dry-run', '--json'], dir());
    const byPolicy = (report: { results: { policy: string; status: string }[] }) =>
      Object.fromEntries(report.results.map((x) => [x.policy, x.status]));
    const local = byPolicy(offline.json.governance);
    const remote = byPolicy(online.json.governance);
    for (const [policy, status] of Object.entries(local)) {
      if (status !== 'skipped') expect([policy, status]).toEqual([policy, remote[policy]]);
    }
    expect(local.compatibility).toBe('skipped');
    expect(remote.compatibility).not.toBe('skipped');
  });

  it('deprecates and retires a major line through the CLI, refusing too early with the consumers named', async () => {
    const consumer = join(work, 'fleet', 'routes');
    expect((await dmesh(['init', 'fleet.routes', '--owner', 'fleet-data'])).code).toBe(0);
    const file = join(consumer, 'dataproduct.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'spec:\n',
        'spec:\n  inputs:\n    - { product: fleet.trucks, port: trucks, version: ^0.1.0 }\n',
      ),
    );
    const published = await dmesh(['publish', '--json'], consumer);
    expect(published.json.inputs).toEqual([
      { product: 'fleet.trucks', port: 'trucks', range: '^0.1.0', resolved: '0.1.0' },
    ]);

    const deprecate = await dmesh([
      'deprecate',
      'fleet.trucks@0',
      '--sunset',
      '2027-01-31',
      '--reason',
      'trucks 1.x adds axle counts',
    ]);
    expect(deprecate.code).toBe(0);
    expect(deprecate.stdout).toContain('fleet.trucks@0 is deprecated (sunset 2027-01-31)');
    expect(deprecate.stdout).toContain('fleet.routes reads trucks with ^0.1.0');

    const early = await dmesh(['retire', 'fleet.trucks@0']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain(
      'cannot be retired before its sunset 2027-01-31; consumers: fleet.routes (fleet-data)',
    );

    const shown = await dmesh(['show', 'fleet.trucks']);
    expect(shown.stdout).toContain(
      'major 0: deprecated (sunset 2027-01-31) — trucks 1.x adds axle counts · consumers: fleet.routes',
    );

    r.clock.set('2027-02-01T00:00:00Z');
    const retire = await dmesh(['retire', 'fleet.trucks@0', '--json']);
    expect(retire.code).toBe(0);
    expect(retire.json).toMatchObject({
      state: 'retired',
      consumers: [expect.objectContaining({ product: 'fleet.routes' })],
    });
  });

  it('exits 2 on a malformed major line', async () => {
    const run = await dmesh(['retire', 'fleet.trucks']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('use <domain>.<product>@<major>');
  });
});
