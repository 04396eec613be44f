import { createReadStream } from 'node:fs';
import { DataFileError } from './errors.js';

/** A slice of a text data file that starts and ends on record boundaries. */
export interface TextChunk {
  firstLine: number;
  bytes: Buffer;
  /** Bytes of the file consumed once this chunk is done (for progress). */
  byteEnd: number;
}

/** The longest record we accept; a file without a newline for this long is not line-oriented data. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/**
 * Streams a JSONL or CSV file in chunks of about `chunkBytes`, cut after the last
 * newline (for CSV: the last newline outside quotes), so each chunk can be
 * parsed on its own, here or in a worker. Memory: one chunk plus a carried tail.
 */
export async function* readTextChunks(file: string, csv: boolean, chunkBytes = 1 << 20): AsyncGenerator<TextChunk> {
  let carry: Buffer | undefined;
  let line = 1;
  let consumed = 0;
  const stream = createReadStream(file, { highWaterMark: chunkBytes });
  try {
    for await (const data of stream as AsyncIterable<Buffer>) {
      const buf = carry?.length ? Buffer.concat([carry, data]) : data;
      const cut = csv ? lastCsvBoundary(buf) : buf.lastIndexOf(10);
      if (cut < 0) {
        if (buf.length > MAX_RECORD_BYTES) throw new DataFileError(file, `line ${line} is longer than ${MAX_RECORD_BYTES} bytes`, 'one record per line');
        carry = buf;
        continue;
      }
      const bytes = buf.subarray(0, cut + 1);
      carry = buf.subarray(cut + 1);
      consumed += bytes.length;
      yield { firstLine: line, bytes, byteEnd: consumed };
      line += countNewlines(bytes);
    }
  } catch (err) {
    if (err instanceof DataFileError) throw err;
    throw new DataFileError(file, `cannot be read: ${(err as Error).message}`, 'check the path given to --data');
  }
  if (carry?.length) yield { firstLine: line, bytes: carry, byteEnd: consumed + carry.length };
}

export function countNewlines(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  let i = -1;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, end);
  while ((i = buf.indexOf(10, i + 1)) >= 0) n++;
  return n;
}

/** Offset of the last `\n` that is not inside a quoted cell; chunks start outside quotes. */
export function lastCsvBoundary(buf: Uint8Array): number {
  let inQuote = false;
  let last = -1;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === 34) inQuote = !inQuote;
    else if (c === 10 && !inQuote) last = i;
  }
  return last;
}

/** Offset of the first `\n` outside quotes (the end of a CSV header), or -1. */
export function firstCsvBoundary(buf: Uint8Array): number {
  let inQuote = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === 34) inQuote = !inQuote;
    else if (c === 10 && !inQuote) return i;
  }
  return -1;
}

