import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The compiled worker entry next to this module (registry/dist/common/cpu/).
 * Run from TypeScript sources (the tests), the built one in dist/ is used when
 * it exists; otherwise there is none and CpuPool runs tasks inline.
 */
export function workerFile(): URL | undefined {
  const here = fileURLToPath(import.meta.url);
  const compiled = here.endsWith('.js') ? here : here.replace(/[\\/]src[\\/](?!.*[\\/]src[\\/])/, '/dist/');
  const file = compiled.replace(/worker-file\.(js|ts)$/, 'cpu-worker.js');
  return existsSync(file) ? pathToFileURL(file) : undefined;
}
