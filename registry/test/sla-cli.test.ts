import { runDmesh, type CliRun } from './cli-runner.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PublishPipeline } from '../src/publish/publish.pipeline.js';
import { seedDomains } from '../src/seed/seed-domains.js';
import { PROFILES_DATA, SAMPLE_DATA, testAndReport } from '../../domains/sales/orders/pipeline/test-and-report.js';
import { startSlaRegistry, type SlaRegistry } from './sla-harness.js';

const DOMAINS = fileURLToPath(new URL('../../domains', import.meta.url));
let r: SlaRegistry;
let work: string;

/** The real CLI as a child process; registry and token only from the flags given (no environment defaults). */
function dmesh(args: string[], cwd = work): Promise<CliRun> {
  return runDmesh(args, cwd, { HOME: work, DMESH_CONFIG_DIR: join(work, '.config') });
}

beforeAll(async () => {
  // The CLI stamps observations with the real time: start the registry clock there.
  r = await startSlaRegistry(new Date());
  work = mkdtempSync(join(tmpdir(), 'dmesh-sla-cli-'));
});
afterAll(async () => {
  await r.close();
  rmSync(work, { recursive: true, force: true });
});

describe('dmesh test --report against a running registry', () => {
  const dir = () => join(work, 'sales', 'returns');

  it('sends the observation; the registry keeps it and dmesh show prints the status', async () => {
    expect((await dmesh(['init', 'sales.returns', '--owner', 'sales-data'])).code).toBe(0);
    expect((await dmesh(['publish', '--registry', r.url, '--token', r.token], dir())).code).toBe(0);

    const test = await dmesh(
      [
        'test',
        '--data',
        'data/sample.jsonl',
        '--report',
        '--json',
        '--registry',
        r.url,
        '--token',
        r.token,
        '--workers',
        '1',
      ],
      dir(),
    );
    expect(test.stderr).toBe('');
    expect(test.code).toBe(0);
    expect(test.json.observation).toMatchObject({ rowCount: test.json.records, availability: true });

    r.clock.set(new Date()); // the manual clock stood still while the CLI ran
    const sla = await r.get('/v1/products/sales.returns/ports/returns/sla');
    expect(sla.status).toBe(200);
    expect(sla.body.history).toEqual([
      expect.objectContaining({
        time: test.json.observation.time,
        rowCount: test.json.records,
        completeness: test.json.observation.completeness,
        reportedBy: 'test-admin',
      }),
    ]);
    expect(sla.body.sla.status).not.toBe('unknown');

    const show = await dmesh(['show', 'sales.returns', '--registry', r.url]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`sla status ${sla.body.sla.status} (1 observation(s) in P7D`);
    const json = await dmesh(['show', 'sales.returns', '--json', '--registry', r.url]);
    expect(json.json.latest.outputs[0].slaStatus).toMatchObject({
      status: sla.body.sla.status,
      measures: { observations: 1 },
    });
  });

  it('exits 1 naming the registry answer when the token is refused, and still prints the test report', async () => {
    const test = await dmesh(
      [
        'test',
        '--data',
        'data/sample.jsonl',
        '--report',
        '--registry',
        r.url,
        '--token',
        'dmesh_wrong',
        '--workers',
        '1',
      ],
      dir(),
    );
    expect(test.code).toBe(1);
    expect(test.stderr).toContain('could not report the observation for sales.returns/returns');
    expect(test.stderr).toContain('401');
    r.clock.set(new Date());
    expect((await r.get('/v1/products/sales.returns/ports/returns/sla')).body.history).toHaveLength(1);
  });
});

describe('the sales.orders pipeline step (domains/sales/orders/pipeline)', () => {
  it('tests the batch, reports the observation, and the status follows freshness', async () => {
    await seedDomains(r.app.get(PublishPipeline), DOMAINS, () => undefined);
    r.clock.set('2026-11-21T19:00:00Z'); // the sample's newest updated_at is 18:28:22
    const result = await testAndReport({
      dataFile: SAMPLE_DATA,
      refData: { 'customers.profiles/profiles': PROFILES_DATA },
      registry: r.url,
      token: r.token,
      workers: 1,
      now: r.clock.now(),
    });
    expect(result).toMatchObject({ passed: true, summary: { records: 96, complete: 96, errors: 0 }, slaStatus: 'met' });
    expect(result.observation).toMatchObject({
      time: '2026-11-21T19:00:00.000Z',
      lastUpdate: '2026-11-21T18:28:22.000Z',
      rowCount: 96,
      completeness: 100,
    });

    const status = async () =>
      (
        await r.graphql(`{ product(id: "sales.orders") { version { ports { name slaStatus { status } } } } }`)
      ).data.product.version.ports.find((p: any) => p.name === 'orders').slaStatus.status;
    r.clock.set('2026-11-21T19:20:00Z');
    expect(await status()).toBe('AT_RISK');
    r.clock.set('2026-11-21T19:30:00Z');
    expect(await status()).toBe('BREACHED');
    expect(await r.events('sla.breach', 'sales.orders/orders')).toHaveLength(1);
  });
});
