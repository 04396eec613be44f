import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { runCli, tempFolder } from './run-cli.js';

// Human output as a person sees it: no colours, paths relative to the current folder, no times.
const work = tempFolder('dmesh-cli-output-');
const product = () => join(work.path(), 'sales', 'returns');

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('dmesh init', () => {
  it('lists the files once, what to fill in with its line, and next steps that run as printed', async () => {
    const r = await runCli(['init', 'sales.returns'], work.path());
    expect(r.code).toBe(0);
    expect(r.out).toMatchSnapshot();
    expect(readFileSync(join(product(), 'dataproduct.yaml'), 'utf8').split('\n')[8]).toContain('TODO:');
  });

  it('prints one JSON document with --json, and a JSON error when the product exists', async () => {
    const again = await runCli(['init', 'sales.returns', '--json'], work.path());
    expect(again.code).toBe(2);
    expect(JSON.parse(again.out)).toEqual({
      error: { code: 'ALREADY_EXISTS', message: expect.stringContaining('sales/returns/dataproduct.yaml') },
    });
    const fresh = await runCli(
      ['init', 'sales.refunds', '--json', '--email', 'sales@corp.example.org', '--description', 'x'.repeat(30)],
      work.path(),
      { DMESH_REGISTRY_URL: 'http://registry.internal:4000', DMESH_TOKEN: 't' },
    );
    expect(fresh.code).toBe(0);
    expect(JSON.parse(fresh.out)).toMatchSnapshot();
  });
});

describe('dmesh validate --offline', () => {
  it('passes the untouched scaffold with one warning per placeholder, and says what it skipped', async () => {
    const r = await runCli(['validate', 'sales/returns', '--offline'], work.path());
    expect(r.code).toBe(0);
    expect(r.out).toMatchSnapshot();
  });

  it('prints GitHub Actions annotations with --ci, and only them with --quiet', async () => {
    const r = await runCli(['validate', '--offline', '--ci'], product());
    expect(r.code).toBe(0);
    const annotations = r.out.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toMatchSnapshot();
    const quiet = await runCli(['validate', '--offline', '--ci', '--quiet'], product());
    expect(quiet.out.split('\n')).toEqual(annotations);
  });

  it('says each YAML error once, at one place, with an annotation under --ci', async () => {
    const dir = join(work.path(), 'sales', 'broken');
    await runCli(['init', 'sales.broken', '--dir', dir], work.path());
    edit(join(dir, 'dataproduct.yaml'), (t) => t.replace('  name: broken\n', '  name: [broken\n'));
    const r = await runCli(['validate', 'sales/broken', '--offline', '--ci'], work.path());
    expect(r.code).toBe(2);
    expect({ stdout: r.out, stderr: r.err }).toMatchSnapshot();
  });

  it('stops a YAML alias bomb with a clean problem, also as JSON', async () => {
    const dir = join(work.path(), 'sales', 'bomb');
    await runCli(['init', 'sales.bomb', '--dir', dir], work.path());
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(', ')}]`,
      );
    }
    writeFileSync(join(dir, 'dataproduct.yaml'), levels.join('\n') + '\n');
    const human = await runCli(['validate', '--offline'], dir);
    expect(human.code).toBe(2);
    expect(human.err).toMatchSnapshot();
    const json = await runCli(['validate', '--offline', '--json'], dir);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out).problems).toEqual([expect.objectContaining({ code: 'YAML_ALIASES', line: 2 })]);
  });
});

/** A TCP server that accepts connections and never answers. */
async function silentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe('dmesh validate without --offline', () => {
  it('exits 3 when the registry refuses connections, naming it once, with a JSON document under --json', async () => {
    const silent = await silentServer();
    await silent.close(); // nothing listens there any more: connections are refused
    const env = { DMESH_REGISTRY_URL: silent.url, DMESH_TOKEN: 't' };
    const human = await runCli(['validate'], product(), env);
    expect(human.code).toBe(3);
    expect(human.err.replaceAll(silent.url, '<registry>')).toMatchSnapshot();
    const json = await runCli(['validate', '--json'], product(), env);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.out)).toMatchObject({
      valid: false,
      registry: { status: 'unreachable', error: { code: 'REGISTRY_UNREACHABLE' } },
    });
  });

  it('exits 3 after --timeout when the registry accepts the connection and never answers', async () => {
    const silent = await silentServer();
    try {
      const r = await runCli(['validate', '--timeout', '0.3'], product(), {
        DMESH_REGISTRY_URL: silent.url,
        DMESH_TOKEN: 't',
      });
      expect(r.code).toBe(3);
      expect(r.err).toContain(`the registry at ${silent.url} did not answer within 0.3 s`);
    } finally {
      await silent.close();
    }
  });

  it('refuses a --timeout that is not a positive number of seconds (exit 2)', async () => {
    const r = await runCli(['search', '--timeout', 'soon', '--json'], product());
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.message).toContain('--timeout soon');
  });
});
