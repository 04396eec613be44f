import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { answered, call } from './http-client.js';
import { accepted, endedCleanly, expectWholeVersions, publishBurst, type Sent } from './publish-burst.js';
import { dataFolder, runToExit, startRegistryProcess, type RegistryProcess } from './registry-process.js';

/**
 * One embedded data folder through a registry's life: killed with -9 in the
 * middle of publishes, restarted (the PostgreSQL it left is stopped and
 * started again), refused to a second registry, stopped with SIGTERM while
 * 40 publishes are in flight, and started once more. Real processes, real
 * HTTP, one initdb.
 */
const dir = dataFolder();
const env = { DMESH_DATA_DIR: dir };
const pgdata = join(dir, 'postgres');
const sent: Sent[] = [];
let registry: RegistryProcess | undefined;

afterAll(async () => {
  await registry?.stop('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('a registry on an embedded PostgreSQL', () => {
  it('killed with -9 mid-publish, restarts on the same folder with every version whole or absent', async () => {
    const first = await startRegistryProcess(env);
    const burst = publishBurst(first.url, first.token, 30, {
      products: 6,
      onFirstAnswer: () => first.child.kill('SIGKILL'),
    });
    sent.push(...(await burst));
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(existsSync(join(pgdata, 'postmaster.pid'))).toBe(true); // the PostgreSQL it started outlived it

    registry = await startRegistryProcess(env);
    expect(registry.output()).toMatch(/stopping the PostgreSQL \(pid \d+\) that a stopped registry left running/);
    expect(await expectWholeVersions(registry.url, registry.token, sent)).toBeGreaterThanOrEqual(accepted(sent).length);
  });

  it('refuses a second registry on the folder while one runs, naming it', async () => {
    const refused = await runToExit(env);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`another dmesh registry (pid ${registry!.pid}) uses the data folder`);
    const health = await call(`${registry!.url}/health/ready`, 'GET');
    expect(answered(health) && health.status).toBe(200); // the running one is untouched
  });

  it('on SIGTERM answers or refuses each of 40 publishes in flight, stops PostgreSQL and exits 0', async () => {
    const running = registry!;
    const burst = await publishBurst(running.url, running.token, 40, {
      products: 8,
      fromMinor: 10,
      onFirstAnswer: () => running.child.kill('SIGTERM'),
    });
    const exit = await running.exited;
    registry = undefined;
    expect(burst.filter((s) => !endedCleanly(s.outcome))).toEqual([]);
    expect(accepted(burst).length).toBeGreaterThan(1); // the ones in flight at the signal were answered, not dropped
    expect(exit).toEqual({ code: 0, signal: null });
    expect(running.output()).toContain('registry stopped');
    expect(existsSync(join(pgdata, 'postmaster.pid'))).toBe(false); // PostgreSQL stopped with it
    sent.push(...burst);

    registry = await startRegistryProcess(env);
    expect(registry.output()).not.toContain('left running');
    expect(await expectWholeVersions(registry.url, registry.token, sent)).toBeGreaterThanOrEqual(accepted(sent).length);
  });
});
