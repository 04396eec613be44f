import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SDK = fileURLToPath(new URL('../..', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Workers load compiled JavaScript (`dist/io/data/worker.js`); jest runs the
 * TypeScript sources, where the worker entry does not exist. The worker-path
 * tests therefore build the SDK (tsc emits even when unrelated files have type
 * errors) when `dist/` is missing or older than the sources it runs.
 */
export function builtWorkerUrl(): URL {
  const worker = join(SDK, 'dist/io/data/worker.js');
  const sources = ['src/io/data', 'src/core/quality', 'src/core/regex', 'src/core/contract'].map((d) =>
    newestMtime(join(SDK, d)),
  );
  if (!existsSync(worker) || statSync(worker).mtimeMs < Math.max(...sources)) {
    try {
      execFileSync(process.execPath, [join(SDK, '../node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
        cwd: SDK,
        stdio: 'pipe',
      });
    } catch {
      // type errors elsewhere in the tree do not stop tsc from emitting
    }
  }
  if (!existsSync(worker)) throw new Error(`${worker} was not built; run: cd sdk && npx tsc -p tsconfig.build.json`);
  return new URL(`file://${worker}`);
}
