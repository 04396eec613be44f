import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistryProcess, type Exit } from '../../src/bench/registry-process.js';

export { startRegistryProcess, type Exit, type RegistryProcess } from '../../src/bench/registry-process.js';

/** A folder for an embedded PostgreSQL that the postgres user can enter when the tests run as root. */
export function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dmesh-proc-'));
  chmodSync(dir, 0o755);
  return dir;
}

/** Runs the registry until it exits by itself (a refused start); resolves with its exit and output. */
export async function runToExit(env: Record<string, string>): Promise<Exit & { output: string }> {
  try {
    const started = await startRegistryProcess(env);
    await started.stop('SIGKILL');
    throw new Error(`the registry started though it should have refused:\n${started.output()}`);
  } catch (err) {
    const exit = err as Error & Partial<Exit>;
    if (exit.code === undefined) throw err;
    return { code: exit.code ?? null, signal: exit.signal ?? null, output: exit.message };
  }
}
