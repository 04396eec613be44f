import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import pc from 'picocolors';
import { registerDiffCommand } from '../../src/cli/commands/diff.js';
import type { CliIO } from '../../src/cli/io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dmesh-diff-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return name;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    color: pc.createColors(false),
    isTTY: false,
    env: {},
    cwd: dir,
  };
  let code = -1;
  const program = new Command('dmesh')
    .exitOverride()
    .configureOutput({ writeOut: (t) => out.push(t), writeErr: (t) => err.push(t) });
  registerDiffCommand(program, io, (c) => (code = c));
  try {
    await program.parseAsync(['diff', ...args], { from: 'user' });
  } catch {
    code = code === -1 ? 2 : code;
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const v1 = {
  type: 'object',
  properties: { id: { type: 'string' }, amount: { type: ['number', 'null'] } },
  required: ['id'],
};
const v2 = { type: 'object', properties: { id: { type: 'string' }, amount: { type: 'number' } }, required: ['id'] };

describe('dmesh diff', () => {
  it('exits 1 on a breaking change and prints code, path, counterexample and bump', async () => {
    const r = await run(write('v1.json', v1), write('v2.json', v2));
    expect(r.code).toBe(1);
    expect(r.out).toContain('TYPE_NARROWED');
    expect(r.out).toContain('/properties/amount/type');
    expect(r.out).toContain('"amount":null');
    expect(r.out).toContain('required bump: major');
  });

  it('exits 0 when compatible, and --json prints exactly the report', async () => {
    const r = await run(write('v2.json', v2), write('v1.json', v1), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ compatible: true, mode: 'BACKWARD', requiredBump: 'minor' });
    expect(report.changes[0]).toMatchObject({ code: 'TYPE_WIDENED', against: 'v2.json', breaking: false });
  });

  it('checks every earlier version under a transitive mode', async () => {
    const r = await run(
      write('a.json', v1),
      write('b.json', v2),
      write('c.json', v2),
      '--mode',
      'BACKWARD_TRANSITIVE',
      '--json',
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).changes[0]).toMatchObject({ against: 'a.json', validUnder: 'previous' });
  });

  it('exits 2 naming the file and line/column of invalid JSON', async () => {
    const r = await run(write('v1.json', v1), write('bad.json', '{\n  "type": "object",\n}'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.json:3:1/);
  });

  it('exits 2 naming the keyword of an invalid schema', async () => {
    const r = await run(write('v1.json', v1), write('typo.json', { type: 'string', maxLenght: 3 }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('typo.json');
    expect(r.err).toContain('maxLenght');
  });

  it('exits 2 for an unreadable file and for an unknown mode', async () => {
    expect((await run(write('v1.json', v1), 'missing.json')).err).toContain('missing.json');
    const r = await run(write('v1.json', v1), write('v2.json', v2), '--mode', 'SIDEWAYS');
    expect(r.code).toBe(2);
    expect(r.err).toContain('BACKWARD_TRANSITIVE');
  });
});
