import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The packages a team installs, packed from this repository's built workspaces. */
const PACKED = { '@dmesh/contracts': 'contracts', '@dmesh/sdk': 'sdk' } as const;
/** What the team's own TypeScript needs, at the versions this repository uses. */
const TOOLS = ['typescript', '@types/node'];

type LockEntry = Record<string, unknown> & {
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};
const FIELDS = [
  'version',
  'integrity',
  'license',
  'dependencies',
  'optionalDependencies',
  'bin',
  'engines',
  // Optional dependencies (DuckDB and its per-platform binaries, pg's cloudflare socket) keep the platform
  // they run on, so npm installs the one for this machine and skips the others, as in this repository.
  'os',
  'cpu',
  'libc',
];
const pick = (e: Record<string, unknown>): LockEntry =>
  Object.fromEntries(FIELDS.filter((f) => e[f] !== undefined).map((f) => [f, e[f]])) as LockEntry;

/** The lock entry node would load for `name` required from `fromKey` (a lock key such as `sdk`). */
function resolveInRepo(lock: Record<string, LockEntry>, fromKey: string, name: string): string {
  const parts = fromKey ? fromKey.split('/node_modules/') : [];
  for (let n = parts.length; n >= 0; n--) {
    const base = parts.slice(0, n).join('/node_modules/');
    const key = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (lock[key]) return key;
  }
  throw new Error(`${name}, needed by ${fromKey || 'the root'}, is not in package-lock.json`);
}

/**
 * A package-lock.json for the fresh project, built from this repository's: the
 * same versions and integrities, so `npm ci --offline` installs from the packed
 * tarballs and the npm cache alone (a plain `npm install --offline` cannot
 * resolve version ranges without the registry's metadata, which `npm ci` never cached).
 */
function freshLock(
  project: string,
  packs: Record<string, string>,
): { devDependencies: Record<string, string>; packages: object } {
  const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')).packages as Record<string, LockEntry>;
  const packages: Record<string, LockEntry> = {};
  const place = (name: string, entry: LockEntry, parent: string, repoKey: string, optional = false): void => {
    for (const at of [`node_modules/${name}`, `${parent}/node_modules/${name}`]) {
      if (packages[at]?.version === entry.version) return;
      if (packages[at]) continue;
      packages[at] = { ...entry, dev: true, ...(optional && { optional: true }) };
      const deps = [
        ...Object.keys({ ...entry.dependencies }).map((d) => [d, optional] as const),
        ...Object.keys({ ...entry.optionalDependencies }).map((d) => [d, true] as const),
      ];
      for (const [dep, depOptional] of deps) {
        if (dep in PACKED) continue;
        const key = resolveInRepo(lock, repoKey, dep);
        place(dep, pick(lock[key]), at, key, depOptional);
      }
      return;
    }
  };
  for (const [name, workspace] of Object.entries(PACKED)) {
    const manifest = JSON.parse(readFileSync(join(REPO, workspace, 'package.json'), 'utf8'));
    const integrity = `sha512-${createHash('sha512')
      .update(readFileSync(join(project, packs[name])))
      .digest('base64')}`;
    place(name, { ...pick(manifest), resolved: `file:${packs[name]}`, integrity }, '', workspace);
  }
  for (const name of TOOLS) place(name, pick(lock[`node_modules/${name}`]), '', `node_modules/${name}`);
  const devDependencies = {
    ...Object.fromEntries(Object.keys(PACKED).map((n) => [n, `file:${packs[n]}`])),
    ...Object.fromEntries(TOOLS.map((n) => [n, lock[`node_modules/${n}`].version])),
  };
  return { devDependencies, packages };
}

/** `npm pack` of a workspace into `dest`; returns the tarball's path. */
async function pack(dir: string, dest: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dest], { cwd: join(REPO, dir) });
  return join(dest, (JSON.parse(stdout) as { filename: string }[])[0].filename);
}

/**
 * A team's repository outside this one, with @dmesh/sdk and @dmesh/contracts
 * installed from their packed tarballs (real folders, no workspace links) and
 * TypeScript. Nothing is fetched: `npm ci --offline`.
 */
export async function freshProject(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dmesh-team-'));
  try {
    await install(dir);
    return dir;
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function install(dir: string): Promise<void> {
  mkdirSync(join(dir, 'packs'));
  const packs: Record<string, string> = {};
  for (const [name, workspace] of Object.entries(PACKED))
    packs[name] = (await pack(workspace, join(dir, 'packs'))).slice(dir.length + 1);
  const { devDependencies, packages } = freshLock(dir, packs);
  const manifest = { name: 'team-repo', version: '1.0.0', private: true, type: 'module', devDependencies };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  const root = { name: manifest.name, version: manifest.version, devDependencies };
  const lock = { name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true };
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ ...lock, packages: { '': root, ...packages } }));
  await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: dir, env: cleanEnv(dir) });
}

/** PATH and HOME (so npm finds its cache), never the test runner's NODE_OPTIONS or a developer's DMESH_*. */
export function cleanEnv(project: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? project,
    DMESH_CONFIG_DIR: join(project, '.dmesh-config'),
    ...extra,
  };
}
