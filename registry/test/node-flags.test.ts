import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

describe('the registry process flags (registry/node-flags.js)', () => {
  it('are the ones npm start and the README run the registry with, so the benchmarks measure what runs', async () => {
    const { REGISTRY_NODE_FLAGS } = (await import(pathToFileURL(join(repo, 'registry/node-flags.js')).href)) as {
      REGISTRY_NODE_FLAGS: string[];
    };
    expect(REGISTRY_NODE_FLAGS.length).toBeGreaterThan(0);
    const command = `node ${REGISTRY_NODE_FLAGS.join(' ')} registry/dist/main.js`;
    const start = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
      .scripts.start;
    expect(start).toContain(command);
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const mentions = readme.split('\n').filter((line) => line.includes('registry/dist/main.js'));
    expect(mentions.length).toBeGreaterThan(0);
    for (const line of mentions) expect(line).toContain(command);
  });
});
