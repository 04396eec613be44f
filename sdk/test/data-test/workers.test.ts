import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDataTest, warmWorkersFor } from '../../src/io/data/run-data-test.js';
import { builtWorkerUrl } from './built-worker.js';
import { manyOrders, NOW, ORDERS_CONTRACT, ORDERS_RULES, PROFILES_JSONL, tempDir, writeFixture } from './fixtures.js';

import { jest } from '@jest/globals';

jest.setTimeout(120_000);

const dir = tempDir();
const profiles = writeFixture(dir, 'profiles.jsonl', PROFILES_JSONL);
const file = writeFixture(dir, 'orders.jsonl', manyOrders(20_000));
let workerUrl: URL;

beforeAll(() => {
  workerUrl = builtWorkerUrl();
});

const run = (workers: number, rejectFile: string) =>
  runDataTest({
    file,
    contract: ORDERS_CONTRACT,
    rules: ORDERS_RULES,
    refData: { 'customers.profiles/profiles': profiles },
    workers,
    now: NOW,
    rejectFile,
    workerUrl,
    chunkBytes: 32 * 1024,
  });

describe('--workers: results do not depend on the number of threads', () => {
  it('workers=1 and workers=2 give identical reports and dead-letter files', async () => {
    const one = await run(1, join(dir, 'rejects-1.jsonl'));
    const two = await run(2, join(dir, 'rejects-2.jsonl'));
    expect(one.threads).toBe(1);
    expect(two.threads).toBe(2);
    expect(two.note).toBeUndefined();
    expect(two.report).toEqual(one.report);
    expect(readFileSync(join(dir, 'rejects-2.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'rejects-1.jsonl'), 'utf8'));
    // the planted problems are really there, so the comparison means something
    expect(one.report.badInput.count).toBe(20);
    const unique = one.report.rules.find((r) => r.rule === 'unique');
    expect(unique?.failed).toBe(198); // every 101st line repeats the id of 50 lines before
    expect(unique?.examples.map((e) => e.line)).toEqual([101, 202, 303, 404, 505]);
    expect(one.report.rules.find((r) => r.rule === 'relationship')?.failed).toBeGreaterThan(200);
    expect(one.report.contract.violations[0]).toMatchObject({ path: '/amount', keyword: 'type' });
  });

  it('three workers with tiny chunks still agree', async () => {
    const one = await run(1, join(dir, 'r1.jsonl'));
    const three = await runDataTest({
      file,
      contract: ORDERS_CONTRACT,
      rules: ORDERS_RULES,
      refData: { 'customers.profiles/profiles': profiles },
      workers: 3,
      now: NOW,
      workerUrl,
      chunkBytes: 4096,
    });
    expect(three.threads).toBe(3);
    expect({ ...three.report, rejected: 0 }).toEqual({ ...one.report, rejected: 0 });
  });
});

describe('--workers: how workers start', () => {
  it('workers started before the run (warmWorkersFor) give the same report; small files start none', async () => {
    const one = await run(1, join(dir, 'w1.jsonl'));
    const warm = warmWorkersFor(file, 2, workerUrl);
    expect(warm).toBeDefined();
    const early = await runDataTest({
      file,
      contract: ORDERS_CONTRACT,
      rules: ORDERS_RULES,
      refData: { 'customers.profiles/profiles': profiles },
      workers: 2,
      now: NOW,
      workerUrl,
      ...(warm && { warm }),
    });
    expect(early.threads).toBe(2);
    expect({ ...early.report, rejected: 0 }).toEqual({ ...one.report, rejected: 0 });
    expect(warmWorkersFor(profiles, 2, workerUrl)).toBeUndefined(); // one chunk: nothing to share
    expect(warmWorkersFor(file, 1, workerUrl)).toBeUndefined();
  });

  it('without a built worker entry it falls back to the main thread and says so', async () => {
    const r = await runDataTest({
      file,
      contract: ORDERS_CONTRACT,
      workers: 2,
      workerUrl: new URL('file:///nonexistent/worker.js'),
    });
    expect(r.threads).toBe(1);
    expect(r.note).toMatch(/not found/);
  });
});
