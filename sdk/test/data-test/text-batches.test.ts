import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readTextChunks } from '../../src/io/data/text-batches.js';
import { manyOrders, tempDir, writeFixture } from './fixtures.js';

// Seconds on a busy two-core machine (the first contract compile, hundreds of generated cases).
jest.setTimeout(60_000);

describe('readTextChunks', () => {
  it('chunks stay whole when each is moved to another thread while the next read is under way', async () => {
    const file = writeFixture(tempDir(), 'orders.jsonl', manyOrders(3000));
    const expected = readFileSync(file);
    const parts: Buffer[] = [];
    for await (const chunk of readTextChunks(file, false, 16 * 1024)) {
      // What the worker runner does: the chunk's buffer is transferred (its views here are detached).
      const moved = structuredClone(chunk.bytes, { transfer: [chunk.bytes.buffer as ArrayBuffer] });
      expect(chunk.bytes.length).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 1)); // let the next read finish meanwhile
      parts.push(Buffer.from(moved.buffer, moved.byteOffset, moved.byteLength));
    }
    expect(parts.length).toBeGreaterThan(10);
    expect(Buffer.concat(parts).equals(expected)).toBe(true);
  });
});
