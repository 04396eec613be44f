import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pc from 'picocolors';
import { reportFailure } from '../../src/cli/errors.js';
import { UsageError, type CliIO } from '../../src/cli/io.js';
import { runCli, tempFolder } from './run-cli.js';

const work = tempFolder('dmesh-failures-');

function captureIO(env: Record<string, string> = {}): CliIO & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return {
    out_,
    err_,
    out: (t) => out_.push(t),
    err: (t) => err_.push(t),
    color: pc.createColors(false),
    isTTY: false,
    env,
    cwd: '/',
  };
}

describe('failures reach a person as one line', () => {
  it('an unexpected error prints its message and the DMESH_DEBUG hint, never a stack', () => {
    const io = captureIO();
    const code = reportFailure(io, 'show', new TypeError("Cannot read properties of undefined (reading 'x')"), false);
    expect(code).toBe(1);
    expect(io.err_.join('\n')).toBe(
      "dmesh show: unexpected error: TypeError: Cannot read properties of undefined (reading 'x')\n" +
        'This is a bug in dmesh. Rerun with DMESH_DEBUG=1 to see where it happened, and report it with that output.',
    );
    expect(io.err_.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('DMESH_DEBUG=1 adds the stack; --json prints an error document on stdout', () => {
    const io = captureIO({ DMESH_DEBUG: '1' });
    reportFailure(io, 'show', new RangeError('boom'), true);
    expect(io.err_[1]).toMatch(/^RangeError: boom\n\s+at /);
    expect(JSON.parse(io.out_[0])).toEqual({ error: { code: 'INTERNAL', message: 'RangeError: boom' } });
  });

  it('an expected error carries its code and exit code', () => {
    const io = captureIO();
    expect(reportFailure(io, 'init', new UsageError('bad id', 'BAD_ID'), true)).toBe(2);
    expect(JSON.parse(io.out_[0])).toEqual({ error: { code: 'BAD_ID', message: 'bad id' } });
    expect(io.err_).toEqual(['dmesh init: bad id']);
  });

  it('answers unknown options with exit 2, and a JSON document under --json', async () => {
    const r = await runCli(['publish', '--force', '--json'], work.path());
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ error: { code: 'USAGE', message: "unknown option '--force'" } });
    expect(r.err).toContain("unknown option '--force'");
  });

  it('--quiet leaves stdout empty but keeps errors on stderr', async () => {
    await runCli(['init', 'sales.quiet'], work.path());
    const ok = await runCli(['validate', 'sales/quiet', '--offline', '--quiet'], work.path());
    expect(ok).toMatchObject({ code: 0, out: '' });
    const bad = await runCli(['validate', 'sales/missing', '--offline', '--quiet'], work.path());
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toContain('sales/missing has no dataproduct.yaml');
  });
});

const BIN = fileURLToPath(new URL('../../bin/dmesh.js', import.meta.url));

describe('a reader that goes away (dmesh … | head)', () => {
  // The built CLI, as a user runs it (npm test builds before testing).
  it('ends quietly with the command’s own exit code when stdout is closed', async () => {
    expect(existsSync(BIN)).toBe(true);
    await runCli(['init', 'sales.piped'], work.path());
    const child = spawn(process.execPath, [BIN, 'validate', 'sales/piped', '--offline'], {
      cwd: work.path(),
      env: { PATH: process.env.PATH, DMESH_CONFIG_DIR: work.path() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // like `head` exiting before dmesh writes
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
