import { runDmesh, type CliRun } from './cli-runner.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/database/embedded-postgres.js';
import { startRegistry, type RunningRegistry } from './app-harness.js';

let registry: RunningRegistry;
let work: string;

/** Runs the real CLI as a child process, talking HTTP to the registry. */
function dmesh(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return runDmesh(args, options.cwd ?? work, {
    HOME: work,
    DMESH_CONFIG_DIR: join(work, '.config'),
    DMESH_REGISTRY_URL: registry.url,
    DMESH_TOKEN: registry.token,
    ...options.env,
  });
}

beforeAll(async () => {
  registry = await startRegistry();
  work = mkdtempSync(join(tmpdir(), 'dmesh-cli-'));
});
afterAll(async () => {
  await registry.close();
  rmSync(work, { recursive: true, force: true });
});

describe('dmesh CLI against a running registry', () => {
  const product = () => join(work, 'sales', 'returns');

  it('init → validate → publish → search → show', async () => {
    const init = await dmesh(['init', 'sales.returns', '--owner', 'sales-data']);
    expect(init.code).toBe(0);
    expect(readFileSync(join(work, 'sales', 'domain.yaml'), 'utf8')).toContain('name: sales');

    const validate = await dmesh(['validate', '--json'], { cwd: product() });
    expect(validate.code).toBe(0);
    expect(validate.json).toMatchObject({
      valid: true,
      problems: [],
      registry: { status: 'accepted', result: { outcome: 'dry-run', product: 'sales.returns' } },
    });

    const publish = await dmesh(['publish', '--json'], { cwd: product() });
    expect(publish.code).toBe(0);
    expect(publish.json).toMatchObject({ outcome: 'published', product: 'sales.returns', version: '0.1.0' });

    const again = await dmesh(['publish', '--json'], { cwd: product() });
    expect(again.json.outcome).toBe('unchanged');

    const search = await dmesh(['search', 'returns', '--json']);
    expect(search.code).toBe(0);
    expect(search.json.items.map((p: { id: string }) => p.id)).toEqual(['sales.returns']);
    const byField = await dmesh(['search', '--field', 'currency', '--domain', 'sales', '--json']);
    expect(byField.json.totalCount).toBe(1);

    const show = await dmesh(['show', 'sales.returns', '--json']);
    expect(show.code).toBe(0);
    expect(show.json).toMatchObject({
      id: 'sales.returns',
      owner: { team: 'sales-data' },
      latestVersion: '0.1.0',
      majorLines: [{ major: 0, state: 'active' }],
    });
    expect(show.json.latest.outputs[0].contract.properties.id.format).toBe('uuid');

    const version = await dmesh(['show', 'sales.returns@0.1.0', '--json']);
    expect(version.json.version).toBe('0.1.0');
  });

  it('prints human output without colour when piped', async () => {
    const show = await dmesh(['show', 'sales.returns']);
    expect(show.stdout).toContain('sales.returns');
    expect(show.stdout).not.toContain('\u001b[');
  });

  it('reports malformed YAML with line and column (exit 2)', async () => {
    const dir = join(work, 'broken');
    await dmesh(['init', 'sales.broken', '--dir', dir]);
    writeFileSync(
      join(dir, 'dataproduct.yaml'),
      'apiVersion: dmesh.io/v1\nkind: DataProduct\nmetadata:\n  name: [unclosed\n',
    );
    const run = await dmesh(['validate', '--json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.json.problems[0]).toMatchObject({ code: 'YAML_INVALID', file: 'dataproduct.yaml', line: 5 });
    expect(run.json.problems[0].column).toBeGreaterThan(0);
  });

  it('names the path of a missing owner, with line and column (exit 2)', async () => {
    const dir = join(work, 'no-owner');
    await dmesh(['init', 'sales.no-owner', '--dir', dir]);
    const text = readFileSync(join(dir, 'dataproduct.yaml'), 'utf8').replace(/ {2}owner:\n( {4}.*\n){2}/, '');
    writeFileSync(join(dir, 'dataproduct.yaml'), text);
    const run = await dmesh(['validate', '--offline', '--json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.json.problems[0]).toMatchObject({
      path: '/metadata/owner',
      message: '/metadata/owner is required',
      fix: 'add "owner" to /metadata',
      line: 5,
    });
  });

  it('names the contract file and the keyword of an invalid JSON Schema (exit 2)', async () => {
    const dir = join(work, 'bad-contract');
    await dmesh(['init', 'sales.bad-contract', '--dir', dir]);
    const file = join(dir, 'contracts', 'bad-contract.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    schema.properties.amount.minimun = 0;
    writeFileSync(file, JSON.stringify(schema));
    const run = await dmesh(['validate', '--offline', '--json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.json.problems[0]).toMatchObject({
      code: 'CONTRACT_INVALID',
      file: 'contracts/bad-contract.schema.json',
    });
    expect(run.json.problems[0].message).toContain('minimun');
    const human = await dmesh(['publish'], { cwd: dir });
    expect(human.code).toBe(2);
    expect(human.stderr).toContain('contracts/bad-contract.schema.json');
  });

  it('exits 2 on an unknown option', async () => {
    const run = await dmesh(['publish', '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--force'");
  });

  it('refuses a publish without a token with 401 (exit 1)', async () => {
    const run = await dmesh(['publish', '--json'], { cwd: product(), env: { DMESH_TOKEN: '' } });
    expect(run.code).toBe(1);
    expect(run.json).toMatchObject({ outcome: 'rejected', status: 401, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses different content for an existing version with 409 (exit 1)', async () => {
    const file = join(product(), 'dataproduct.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Returns', 'title: Returns (changed)'));
    const run = await dmesh(['publish'], { cwd: product() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('409 VERSION_CONFLICT');
    expect(run.stderr).toContain('sales.returns@0.1.0');
    expect(run.stderr).toContain('raise metadata.version');
  });

  it('answers an unknown product with 404 (exit 1)', async () => {
    const run = await dmesh(['show', 'sales.unknown']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('404 NOT_FOUND');
  });

  it('exits 3 naming the URL when the registry cannot be reached', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await dmesh(['search', 'orders'], { env: { DMESH_REGISTRY_URL: url } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`cannot reach the registry at ${url}`);
  });

  it('rejects a breaking change released as a minor, printing the change and a counterexample (exit 1)', async () => {
    const dir = join(work, 'breaking');
    await dmesh(['init', 'sales.breaking', '--dir', dir]);
    const descriptor = join(dir, 'dataproduct.yaml');
    const setVersion = (v: string) =>
      writeFileSync(descriptor, readFileSync(descriptor, 'utf8').replace(/version: \S+/, `version: ${v}`));
    setVersion('1.0.0');
    expect((await dmesh(['publish'], { cwd: dir })).code).toBe(0);
    const file = join(dir, 'contracts', 'breaking.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    schema.properties.amount = { type: 'string', description: 'Amount as a decimal string.' };
    writeFileSync(file, JSON.stringify(schema, null, 2));
    setVersion('1.1.0');
    const run = await dmesh(['publish'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('BREAKING_CHANGE_NEEDS_MAJOR');
    expect(run.stderr).toContain('publish 2.0.0');
    expect(run.stderr).toMatch(/counterexample, valid under 1\.0\.0 and rejected by 1\.1\.0:\n\s+\{.*"amount":0\}/);
    setVersion('2.0.0');
    const major = await dmesh(['publish', '--json'], { cwd: dir });
    expect(major.json).toMatchObject({ outcome: 'published', requiredBump: 'major' });
    const shown = await dmesh(['show', 'sales.breaking@2.0.0', '--json']);
    expect(shown.json.compatibility.requiredBump).toBe('major');
  });

  it('stores credentials with dmesh login (mode 0600) and uses them', async () => {
    const login = await dmesh(['login', '--registry', registry.url, '--token', registry.token], {
      env: { DMESH_REGISTRY_URL: '', DMESH_TOKEN: '' },
    });
    expect(login.code).toBe(0);
    const { statSync } = await import('node:fs');
    expect(statSync(join(work, '.config', 'credentials.json')).mode & 0o777).toBe(0o600);
    const bad = await dmesh(['login', '--token', 'dmesh_wrong'], { env: { DMESH_TOKEN: '' } });
    expect(bad.code).toBe(1);
  });
});
