import { existsSync } from 'node:fs';
import { delimiter, join, sep } from 'node:path';

/**
 * How a person should type `dmesh` in the hints we print, so the line runs as
 * printed: `dmesh` when a lasting install is on PATH, `npx dmesh` for a project
 * install (npx finds node_modules/.bin from any subfolder), and
 * `npx -p @dmesh/sdk dmesh` when this run came from npx's temporary cache.
 */
export function dmeshCommand(env: Record<string, string | undefined>, script: string | undefined): string {
  const temporary = (dir: string) => dir.includes(`${sep}_npx${sep}`);
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    if (temporary(dir) || !existsSync(join(dir, 'dmesh'))) continue;
    return dir.endsWith(join('node_modules', '.bin')) ? 'npx dmesh' : 'dmesh';
  }
  return script && temporary(script) ? 'npx -p @dmesh/sdk dmesh' : 'npx dmesh';
}
