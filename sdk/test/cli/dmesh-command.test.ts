import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dmeshCommand } from '../../src/cli/dmesh-command.js';
import { tempFolder } from './run-cli.js';

const work = tempFolder('dmesh-command-');

/** A folder holding an executable named dmesh. */
function binDir(...parts: string[]): string {
  const dir = join(work.path(), ...parts);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'dmesh'), '#!/bin/sh\n');
  chmodSync(join(dir, 'dmesh'), 0o755);
  return dir;
}

describe('how hints spell dmesh so they run as printed', () => {
  it('plain dmesh for a lasting install on PATH', () => {
    expect(dmeshCommand({ PATH: `/nowhere:${binDir('global', 'bin')}` }, '/usr/lib/node_modules/x.js')).toBe('dmesh');
  });

  it('npx dmesh for a project install (npx and npm scripts put node_modules/.bin on PATH)', () => {
    expect(dmeshCommand({ PATH: binDir('team', 'node_modules', '.bin') }, undefined)).toBe('npx dmesh');
  });

  it('npx -p @dmesh/sdk dmesh when this run came from npx’s temporary cache', () => {
    const cached = binDir('cache', '_npx', 'abc123', 'node_modules', '.bin');
    expect(dmeshCommand({ PATH: cached }, join(cached, '..', '@dmesh', 'sdk', 'bin', 'dmesh.js'))).toBe(
      'npx -p @dmesh/sdk dmesh',
    );
  });

  it('npx dmesh when dmesh is not on PATH at all (node sdk/bin/dmesh.js in this repository)', () => {
    expect(dmeshCommand({ PATH: '' }, '/repo/sdk/bin/dmesh.js')).toBe('npx dmesh');
  });
});
