import { registerDiffCommand } from '../../src/cli/commands/diff.js';
import { runCommand, tempFolder } from './cli-runner.js';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder('dmesh-diff-');
});
afterEach(() => folder.remove());

const write = (name: string, content: unknown) => folder.write(name, content);
const run = (...args: string[]) => runCommand(registerDiffCommand, folder.dir, ['diff', ...args]);

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
