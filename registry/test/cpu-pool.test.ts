import { CpuPool } from '../src/common/cpu/cpu-pool.js';
import { RegistryError } from '../src/common/registry-error.js';

/** A schema whose compatibility check takes a while (thousands of properties to compile and compare). */
function wide(n: number, type = 'string') {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) properties[`f${i}`] = { type };
  return { type: 'object', properties };
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a refusal');
};

describe('the CPU worker pool (a worker thread from the built registry)', () => {
  let pool: CpuPool | undefined;
  afterEach(() => pool?.onApplicationShutdown());

  it('answers a task run on a worker thread as it would answer inline', async () => {
    pool = new CpuPool({ threads: 1 });
    const args = [wide(3), wide(3, 'integer'), 'BACKWARD', {}] as const;
    const offloaded = await pool.run('compatibility', [...args]);
    expect(offloaded).toEqual(await pool.run('compatibility', [...args], false));
    expect(offloaded.compatible).toBe(false);
  });

  it("carries a task's error back with its message", async () => {
    pool = new CpuPool({ threads: 1 });
    const err = await refusal(pool.run('compatibility', [wide(1), { type: 5 }, 'BACKWARD', {}]));
    expect(err).not.toBeInstanceOf(RegistryError);
    expect(err.message).toMatch(/type/);
  });

  it('stops a task over its time budget with 503 TIMEOUT, and serves the next on a fresh thread', async () => {
    pool = new CpuPool({ threads: 1, timeoutMs: 20 });
    const err = (await refusal(
      pool.run('compatibility', [wide(20_000), wide(20_000, 'integer'), 'FULL', {}]),
    )) as RegistryError;
    expect([err.status, err.code]).toEqual([503, 'TIMEOUT']);
    pool = new CpuPool({ threads: 1 });
    expect((await pool.run('compatibility', [wide(2), wide(2), 'BACKWARD', {}])).compatible).toBe(true);
  });

  it('refuses tasks beyond its queue with 503 BUSY at once', async () => {
    pool = new CpuPool({ threads: 1, maxQueue: 1, timeoutMs: 100 });
    const slow = () => pool!.run('compatibility', [wide(20_000), wide(20_000, 'integer'), 'FULL', {}]);
    const [running, queued] = [slow(), slow()];
    const third = (await refusal(slow())) as RegistryError;
    expect([third.status, third.code]).toEqual([503, 'BUSY']);
    await Promise.allSettled([running, queued]);
  });
});
