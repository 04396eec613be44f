import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type RunningRegistry } from './app-harness.js';
import { call } from './access-harness.js';
import { runDmesh, type CliRun } from './cli-runner.js';
import { publishRequest } from './fixtures.js';

/** A domain team gets its own expiring publisher token with the CLI, mints a shorter one for CI, and revokes it. */
let r: RunningRegistry;
let work: string;

const dmesh = (args: string[], token: string): Promise<CliRun> =>
  runDmesh(args, work, {
    HOME: work,
    DMESH_CONFIG_DIR: join(work, '.cfg'),
    DMESH_REGISTRY_URL: r.url,
    DMESH_TOKEN: token,
  });

beforeAll(async () => {
  r = await startRegistry({ access: { production: true, anonymousRead: false } });
  work = mkdtempSync(join(tmpdir(), 'dmesh-token-cli-'));
});
afterAll(async () => {
  await r.close();
  rmSync(work, { recursive: true, force: true });
});

describe('dmesh token', () => {
  it('create, list, revoke: from the admin to a team lead to its CI', async () => {
    const lead = await dmesh(
      [
        'token',
        'create',
        '--role',
        'publisher',
        '--domain',
        'sales',
        '--expires',
        '90d',
        '--name',
        'sales-lead',
        '--json',
      ],
      r.token,
    );
    expect([lead.code, lead.json.role, lead.json.domains]).toEqual([0, 'publisher', ['sales']]);
    const ci = await dmesh(
      ['token', 'create', '--role', 'publisher', '--domain', 'sales', '--expires', '30d'],
      lead.json.token,
    );
    expect(ci.code).toBe(0);
    expect(ci.stdout).toMatch(/token \d+ "publisher-sales-\d{12}" \(publisher for sales, expires \d{4}-\d\d-\d\d\)/);
    const ciToken = /^\s+(dmesh_\S+)$/m.exec(ci.stdout)![1];
    const publish = () =>
      call(
        r,
        'POST',
        '/v1/products/sales.orders/versions',
        ciToken,
        publishRequest({ domain: 'sales', name: 'orders' }),
      );
    expect((await publish()).status).toBe(201);
    const other = await dmesh(['token', 'create', '--role', 'publisher', '--domain', 'lab'], lead.json.token);
    expect([other.code, other.stderr]).toEqual([1, expect.stringContaining('403 FORBIDDEN')]);
    const listed = await dmesh(['token', 'list', '--json'], lead.json.token);
    expect(listed.json.map((t: { name: string }) => t.name)).toEqual([
      'sales-lead',
      expect.stringMatching(/^publisher-sales-/),
    ]);
    const ciId = listed.json[1].id;
    expect((await dmesh(['token', 'revoke', ciId], lead.json.token)).stdout).toContain(`token ${ciId} revoked`);
    expect((await publish()).status).toBe(401);
    expect((await dmesh(['token', 'list'], ciToken)).code).toBe(1);
    expect((await dmesh(['token', 'revoke', 'abc'], r.token)).code).toBe(2);
    expect((await dmesh(['token', 'create', '--role', 'owner'], r.token)).code).toBe(2);
  });
});
