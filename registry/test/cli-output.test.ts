import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type RunningRegistry } from './app-harness.js';
import { runDmesh } from './cli-runner.js';

// What a person reads from publish, validate, show and search against a real registry, as snapshots:
// no colours (not a TTY), paths relative to the current folder, the registry URL and times replaced.

let registry: RunningRegistry;
let work: string;
const dir = () => join(work, 'sales', 'returns');

beforeAll(async () => {
  registry = await startRegistry();
  work = mkdtempSync(join(tmpdir(), 'dmesh-cli-output-'));
});
afterAll(async () => {
  await registry.close();
  rmSync(work, { recursive: true, force: true });
});

async function dmesh(args: string[], cwd = dir()): Promise<{ code: number; out: string }> {
  const run = await runDmesh(args, cwd, {
    DMESH_CONFIG_DIR: join(work, '.config'),
    DMESH_REGISTRY_URL: registry.url,
    DMESH_TOKEN: registry.token,
  });
  const text = `${run.stdout}${run.stderr ? `--- stderr\n${run.stderr}` : ''}`;
  const out = text.replaceAll(registry.url, '<registry>').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');
  return { code: run.code, out };
}

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('human output against a registry', () => {
  it('validate and publish a new product', async () => {
    await dmesh(
      [
        'init',
        'sales.returns',
        '--owner',
        'sales-data',
        '--email',
        'sales-data@shop.example.org',
        '--description',
        'Returned orders, one row per returned item, loaded every hour from the shop.',
      ],
      work,
    );
    edit(join(dir(), 'dataproduct.yaml'), (t) => t.replace('version: 0.1.0', 'version: 1.0.0'));
    const validate = await dmesh(['validate']);
    expect(validate.code).toBe(0);
    expect(validate.out).toMatchSnapshot();
    const publish = await dmesh(['publish']);
    expect(publish.code).toBe(0);
    expect(publish.out).toMatchSnapshot();
  });

  it('a rejected publish says each problem once', async () => {
    const contract = join(dir(), 'contracts', 'returns.schema.json');
    edit(contract, (t) => t.replace('"type": "number",\n      "minimum": 0,', '"type": "string",'));
    edit(join(dir(), 'dataproduct.yaml'), (t) => t.replace('version: 1.0.0', 'version: 1.1.0'));
    const publish = await dmesh(['publish']);
    expect(publish.code).toBe(1);
    expect(publish.out.match(/BREAKING_CHANGE_NEEDS_MAJOR/g)).toHaveLength(1);
    expect(publish.out.match(/no longer accepts number values/g)).toHaveLength(1);
    expect(publish.out).toMatchSnapshot();
  });

  it('show and search', async () => {
    const show = await dmesh(['show', 'sales.returns'], work);
    expect(show.code).toBe(0);
    expect(show.out).toMatchSnapshot();
    const search = await dmesh(['search', 'returns'], work);
    expect(search.code).toBe(0);
    expect(search.out).toMatchSnapshot();
  });
});
