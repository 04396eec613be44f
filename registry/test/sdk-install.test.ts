import { exec, execFile } from 'node:child_process';
import { lstatSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startRegistry, type RunningRegistry } from './app-harness.js';
import { cleanEnv, freshProject, REPO } from './fresh-project.js';

// A team's own repository, as issue 15 asks: the packed SDK installed there (no workspace links, nothing
// fetched), then init → validate → test → publish with the installed CLI against a real registry, and a
// TypeScript pipeline step that uses the library with typed quality rules, checked by tsc.

const sh = promisify(exec);
const file = promisify(execFile);
let registry: RunningRegistry;
let project: string;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** A shell command in the project, the way a person types it; never throws. */
async function shell(command: string, cwd: string, env: Record<string, string> = {}): Promise<Ran> {
  try {
    const { stdout, stderr } = await sh(command, { cwd, env: cleanEnv(project, env) });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The lines under `next:` that init printed: they must run as printed. */
function nextLines(initOutput: string): string[] {
  const block = initOutput.split('\nnext:\n')[1] ?? '';
  return block
    .split('\n\n')[0]
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

beforeAll(async () => {
  // Both at once (each takes seconds); keep whichever started, so afterAll can stop it when the other failed.
  const [started, installed] = await Promise.allSettled([startRegistry(), freshProject()]);
  if (started.status === 'fulfilled') registry = started.value;
  if (installed.status === 'fulfilled') project = installed.value;
  for (const r of [started, installed]) if (r.status === 'rejected') throw r.reason;
}, 180_000);
afterAll(async () => {
  await registry?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('@dmesh/sdk installed from its tarball in a team repository', () => {
  it('is a real install outside this repository, with the CLI on npx', () => {
    for (const name of ['sdk', 'contracts']) {
      const installed = join(project, 'node_modules', '@dmesh', name);
      expect(lstatSync(installed).isSymbolicLink()).toBe(false);
      expect(realpathSync(installed).startsWith(REPO)).toBe(false);
      expect(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).private).toBeUndefined();
    }
    expect(lstatSync(join(project, 'node_modules', '.bin', 'dmesh')).isSymbolicLink()).toBe(true);
  });

  it('runs init, then the printed next steps (validate --offline, test) without a registry', async () => {
    const init = await shell('npx dmesh init sales.returns', project);
    expect(init.code).toBe(0);
    const next = nextLines(init.stdout);
    expect(next).toEqual([
      'cd sales/returns',
      'npx dmesh validate --offline',
      'npx dmesh test --data data/sample.jsonl',
    ]);
    const steps = await shell(next.join(' && '), project);
    expect(steps).toMatchObject({ code: 0, stderr: '' });
    expect(steps.stdout).toContain('✓ sales.returns is valid (offline');
    expect(steps.stdout).toContain('PASSED');
  }, 120_000);

  it('with a registry configured: validate asks it, publish stores the version', async () => {
    const env = { DMESH_REGISTRY_URL: registry.url, DMESH_TOKEN: registry.token };
    const description = 'Refunds paid to customers, one row per refund, loaded every night.';
    const init = await shell(
      `npx dmesh init sales.refunds --owner sales-data --email sales-data@shop.example.org --description "${description}"`,
      project,
      env,
    );
    const next = nextLines(init.stdout);
    expect(next.slice(1)).toEqual([
      'npx dmesh validate',
      'npx dmesh test --data data/sample.jsonl',
      'npx dmesh publish',
    ]);
    const steps = await shell(next.join(' && '), project, env);
    expect(steps).toMatchObject({ code: 0, stderr: '' });
    expect(steps.stdout).toContain('✓ the registry would accept sales.refunds@0.1.0 (dry-run)');
    expect(steps.stdout).toContain('✓ published sales.refunds@0.1.0');
    const show = await shell('npx dmesh show sales.refunds --json', project, env);
    expect(JSON.parse(show.stdout)).toMatchObject({ id: 'sales.refunds', latestVersion: '0.1.0' });
  }, 120_000);

  it('type-checks and runs a TypeScript pipeline step that uses the library with typed quality rules', async () => {
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(PIPELINE_TSCONFIG));
    writeFileSync(join(project, 'pipeline.ts'), PIPELINE);
    const tsc = await shell('npx tsc -p .', project);
    expect(tsc).toMatchObject({ code: 0, stdout: '' });
    const { stdout } = await file(process.execPath, ['out/pipeline.js'], { cwd: project, env: cleanEnv(project) });
    expect(JSON.parse(stdout)).toEqual({
      sample: { passed: true, records: 5 },
      batch: { passed: false, failed: ['accepted_values', 'range'] },
    });
  }, 120_000);
});

const PIPELINE_TSCONFIG = {
  compilerOptions: {
    target: 'ES2023',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    outDir: 'out',
    types: ['node'],
    skipLibCheck: true,
  },
  files: ['pipeline.ts'],
};

const PIPELINE = `
import { checkLoadedProduct, loadProduct, runDataTest, validateRecords, type DataProduct, type QualityRule } from '@dmesh/sdk';

const loaded = await loadProduct('sales/refunds');
const problems = checkLoadedProduct(loaded);
if (problems.length) throw new Error(problems.map((p) => p.message).join('; '));
const port = (loaded.bundle.descriptor as DataProduct).spec.outputs[0];
const contract = loaded.bundle.contracts[port.contract];

// The port's own rules, as dataproduct.yaml holds them: no cast.
const sample = await runDataTest({ file: 'sales/refunds/data/sample.jsonl', contract, rules: port.quality ?? [] });

// Rules written in code are checked by the compiler.
const rules: QualityRule[] = [
  { rule: 'not_null', fields: ['id', 'status'] },
  { rule: 'accepted_values', field: 'status', values: ['open', 'closed'] },
  { rule: 'range', field: 'amount', min: 0 },
];
// @ts-expect-error a rule that does not exist is a compile error
const typo: QualityRule = { rule: 'not_nul', fields: ['id'] };
void typo;
const batch = validateRecords(
  contract,
  [
    { id: '00000000-0000-4000-8000-000000000001', status: 'open', amount: 3, created_at: '2024-05-01T10:00:00Z' },
    { id: '00000000-0000-4000-8000-000000000002', status: 'lost', amount: -1, created_at: '2024-05-01T10:00:00Z' },
  ],
  { rules },
);
console.log(
  JSON.stringify({
    sample: { passed: sample.report.passed, records: sample.report.records },
    batch: { passed: batch.passed, failed: batch.rules.filter((r) => !r.passed).map((r) => r.rule) },
  }),
);
`;
