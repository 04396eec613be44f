#!/usr/bin/env node
// Restores package-lock.json entries for other platforms' optional native binaries
// (turbo's, unrs-resolver's, esbuild's and DuckDB's) when the registry in use does not serve them.
//
// Why: npm records every platform's optional binary in the lock file so `npm ci`
// can skip the ones that do not match the machine. A registry mirror that lacks
// them (this project's build machines use one) makes `npm install` drop those
// entries, and `npm ci` then refuses the lock file ("Missing: @turbo/darwin-64 from
// lock file"). Run this after `npm install` changes dependencies:
//   npm install && node scripts/lockfile-platforms.mjs
// `--check` only reports (exit 1 when entries are missing).
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const check = process.argv.includes('--check');

/**
 * Platform fields from the package naming conventions of turbo, napi-rs (unrs-resolver), esbuild and
 * DuckDB (`@duckdb/node-bindings-linux-x64[-musl]`, where a Linux package without `-musl` is glibc).
 */
function platformOf(name, linuxLibc) {
  const n = name.split('/').pop();
  const os = [
    ['darwin', 'darwin'],
    ['windows', 'win32'],
    ['win32', 'win32'],
    ['android', 'android'],
    ['freebsd', 'freebsd'],
    ['openharmony', 'openharmony'],
    ['openbsd', 'openbsd'],
    ['netbsd', 'netbsd'],
    ['sunos', 'sunos'],
    ['aix', 'aix'],
    ['linux', 'linux'],
  ].find(([k]) => n.includes(k))?.[1];
  const cpu =
    [
      ['arm64', 'arm64'],
      ['-64', 'x64'],
      ['x64', 'x64'],
      ['ia32', 'ia32'],
      ['loong64', 'loong64'],
      ['ppc64', 'ppc64'],
      ['riscv64', 'riscv64'],
      ['s390x', 's390x'],
      ['mips64el', 'mips64el'],
      ['-arm-', 'arm'],
    ].find(([k]) => n.includes(k))?.[1] ?? (n.endsWith('-arm') ? 'arm' : undefined);
  const libc = /-(gnu|gnueabihf)$/.test(n)
    ? 'glibc'
    : /-musl(eabihf)?$/.test(n)
      ? 'musl'
      : os === 'linux'
        ? linuxLibc
        : undefined;
  if (!os || !cpu) throw new Error(`cannot tell the platform of ${name}; add it to scripts/lockfile-platforms.mjs`);
  return { os, cpu, libc };
}

// DuckDB is @dmesh/sdk's optional dependency (its SQL engine); its Linux packages are glibc unless named -musl.
const PARENTS = [
  { key: 'node_modules/turbo' },
  { key: 'node_modules/unrs-resolver' },
  { key: 'node_modules/esbuild' },
  { key: 'node_modules/@duckdb/node-bindings', linuxLibc: 'glibc' },
];
let added = 0;
for (const { key: parentKey, linuxLibc } of PARENTS) {
  const parent = lock.packages[parentKey];
  if (!parent?.optionalDependencies) continue;
  for (const [name, version] of Object.entries(parent.optionalDependencies)) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const { os, cpu, libc } = platformOf(name, linuxLibc);
    added++;
    if (check) {
      console.error(`missing from package-lock.json: ${name}@${version} (${os}/${cpu})`);
      continue;
    }
    lock.packages[key] = {
      version,
      cpu: [cpu],
      ...(parent.dev && { dev: true }),
      ...(libc && { libc: [libc] }),
      license: parent.license ?? 'MIT',
      optional: true,
      os: [os],
    };
  }
}
if (check) {
  if (added) console.error('run: node scripts/lockfile-platforms.mjs');
  process.exit(added ? 1 : 0);
}
if (added) {
  lock.packages = Object.fromEntries(
    Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
  );
  writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
}
console.log(`package-lock.json: ${added} platform entr${added === 1 ? 'y' : 'ies'} added`);
