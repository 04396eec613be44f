import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The real `dmesh` binary, run as a child process the way a user or CI would. */
export const DMESH_BIN = fileURLToPath(new URL('../../sdk/bin/dmesh.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for `--json`), or undefined. */
  json: any;
}

/**
 * Runs `dmesh args` in `cwd` with a clean environment: only PATH and what the
 * test passes (registry URL, token, config dir), never the developer's own.
 */
export function runDmesh(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [DMESH_BIN, ...args],
      { cwd, env: { PATH: process.env.PATH, ...env } },
      (err, stdout, stderr) => {
        let json: unknown;
        try {
          json = JSON.parse(stdout);
        } catch {
          json = undefined;
        }
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr, json });
      },
    );
  });
}
