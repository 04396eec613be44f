import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pc from 'picocolors';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs `dmesh args` in-process in `cwd` with no colours and a clean environment
 * (no registry, no stored login), the way snapshots must see it.
 */
export async function runCli(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t.replace(/\n$/, '')),
    err: (t) => err.push(t.replace(/\n$/, '')),
    color: pc.createColors(false),
    isTTY: false,
    env: { PATH: '', DMESH_CONFIG_DIR: join(cwd, '.dmesh-config'), ...env },
    cwd,
  };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A temporary folder for one test file, removed after it. */
export function tempFolder(prefix: string): { path: () => string } {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { path: () => dir };
}
