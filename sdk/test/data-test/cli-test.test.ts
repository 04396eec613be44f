import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import pc from 'picocolors';
import type { CliIO } from '../../src/cli/io.js';
import { registerTestCommand, type LoadedPort, type TestCommandDeps } from '../../src/cli/commands/test.js';
import type { DataObservation } from '../../src/core/quality/observation.js';
import {
  NOW,
  ORDERS_CONTRACT,
  ORDERS_RULES,
  PLANTED_JSONL,
  PROFILES_JSONL,
  tempDir,
  writeFixture,
} from './fixtures.js';

interface Captured {
  code: number;
  out: string;
  err: string;
  observations: DataObservation[];
}

const dir = tempDir('dmesh-cli-test-');
writeFixture(dir, 'profiles.jsonl', PROFILES_JSONL);
writeFixture(dir, 'planted.jsonl', PLANTED_JSONL);
writeFixture(
  dir,
  'good.jsonl',
  '{"order_id":"o1","customer_id":"c1","amount":3,"status":"placed","currency":"USD","created_at":"2024-05-01T11:30:00Z","coupon":"A"}\n',
);

const port: LoadedPort = {
  productId: 'sales.orders',
  port: 'orders',
  contract: ORDERS_CONTRACT,
  contractPath: 'contracts/orders.schema.json',
  quality: ORDERS_RULES,
};

async function dmeshTest(args: string[], overrides: Partial<TestCommandDeps> = {}, isTTY = false): Promise<Captured> {
  const captured: Captured = { code: -1, out: '', err: '', observations: [] };
  const io: CliIO = {
    out: (t) => (captured.out += t + '\n'),
    err: (t) => (captured.err += t + '\n'),
    color: pc.createColors(false),
    isTTY,
    env: {},
    cwd: dir,
  };
  const deps: TestCommandDeps = {
    loadPort: async (productDir, portName) => {
      if (portName && portName !== 'orders')
        throw Object.assign(new Error(`${productDir}/dataproduct.yaml: no output port "${portName}"; ports: orders`), {
          exitCode: 2,
        });
      return port;
    },
    reportObservation: async (_id, _port, observation) => void captured.observations.push(observation),
    now: () => NOW,
    workerUrl: new URL('file:///nonexistent/worker.js'),
    ...overrides,
  };
  const program = new Command()
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: (t) => (captured.err += t) });
  registerTestCommand(program, io, (code) => (captured.code = code), deps);
  try {
    await program.parseAsync(['node', 'dmesh', 'test', ...args]);
  } catch {
    captured.code = 2; // commander's own usage errors (unknown option): the entry point maps them to 2
  }
  return captured;
}

const REF = '--ref-data=customers.profiles/profiles=profiles.jsonl';

describe('dmesh test (CLI)', () => {
  it('exits 0 and prints a summary when every error-level check passes', async () => {
    const r = await dmeshTest(['.', '--data', 'good.jsonl', REF, '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/dmesh test sales\.orders\/orders/);
    expect(r.out).toMatch(/PASSED/);
    expect(r.err).toBe(''); // not a TTY: no progress line
  });

  it('exits 1 with --json: one JSON document on stdout and nothing else', async () => {
    const r = await dmeshTest(['--data', 'planted.jsonl', REF, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({
      product: 'sales.orders',
      port: 'orders',
      format: 'jsonl',
      passed: false,
      records: 11,
      summary: { errors: 8, warnings: 1 },
    });
    expect(doc.rules).toHaveLength(9);
  });

  it('writes the dead-letter file and reports an observation', async () => {
    const r = await dmeshTest([
      '--data',
      'planted.jsonl',
      REF,
      '--reject-file',
      'out/../rejects.jsonl',
      '--report',
      '--json',
    ]);
    expect(r.code).toBe(1);
    const lines = readFileSync(join(dir, 'rejects.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(9);
    expect(r.observations).toHaveLength(1);
    expect(r.observations[0]).toMatchObject({
      time: NOW.toISOString(),
      lastUpdate: '2024-05-01T11:00:00.000Z',
      rowCount: 11,
      availability: true,
    });
    expect(r.observations[0].completeness).toBeCloseTo((7 / 11) * 100, 2);
    expect(JSON.parse(r.out).observation).toEqual(r.observations[0]);
  });

  it('exits 2 for bad usage and bad input, with a message naming the fix', async () => {
    const cases: [string[], RegExp][] = [
      [[], /--data <file> is required/],
      [['--data', 'missing.jsonl', REF], /missing\.jsonl: cannot be read/],
      [['--data', 'planted.jsonl'], /needs reference data for customers\.profiles\/profiles: pass --ref-data/],
      [['--data', 'planted.jsonl', REF, '--workers', 'zero'], /--workers zero: give a whole number/],
      [['--data', 'planted.jsonl', '--ref-data', 'nofile'], /--ref-data nofile: write <domain>/],
      [['--data', 'planted.jsonl', REF, '--port', 'returns'], /no output port "returns"/],
    ];
    for (const [args, message] of cases) {
      const r = await dmeshTest(args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    }
    const unsafe = await dmeshTest(['--data', 'good.jsonl', REF], {
      loadPort: async () => ({ ...port, quality: [{ rule: 'regex', field: 'currency', pattern: '(a)\\1' }] }),
    });
    expect(unsafe.code).toBe(2);
    expect(unsafe.err).toMatch(/pattern "\(a\)\\\\1" is not allowed/);
    expect(existsSync(join(dir, 'missing.jsonl'))).toBe(false);
  });

  it('shows a progress line on stderr on a TTY', async () => {
    const r = await dmeshTest(['--data', 'good.jsonl', REF], {}, true);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/records\/s\s+ETA \d+s/);
  });
});
