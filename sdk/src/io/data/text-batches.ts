import { open, type FileHandle } from 'node:fs/promises';
import { DataFileError } from './errors.js';

/** A slice of a text data file that starts and ends on record boundaries. */
export interface TextChunk {
  firstLine: number;
  /** A view of an ArrayBuffer no other chunk uses: it may be transferred to a worker (and back). */
  bytes: Buffer;
  /** Bytes of the file consumed once this chunk is done (for progress). */
  byteEnd: number;
}

export const DEFAULT_CHUNK_BYTES = 1 << 20;

/** The longest record we accept; a file without a newline for this long is not line-oriented data. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/**
 * Streams a JSONL or CSV file in chunks of about `chunkBytes`, cut after the last
 * newline (for CSV: the last newline outside quotes), so each chunk can be
 * parsed on its own, here or in a worker. Memory: one chunk plus a carried tail.
 *
 * Each chunk is read into a buffer of its own, behind the previous chunk's
 * unfinished line (copied, a few hundred bytes): no chunk is ever copied whole,
 * and a chunk's buffer can be handed to a worker without a copy. The next read
 * is under way while the caller works on the current chunk.
 */
export async function* readTextChunks(
  file: string,
  csv: boolean,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): AsyncGenerator<TextChunk> {
  let fh: FileHandle;
  try {
    fh = await open(file, 'r');
  } catch (err) {
    throw new DataFileError(file, `cannot be read: ${(err as Error).message}`, 'check the path given to --data');
  }
  let line = 1;
  let consumed = 0;
  let position = 0;
  /** Reads the next `chunkBytes` into a new buffer that starts with `carry`. */
  const readAfter = async (carry: Uint8Array): Promise<{ buf: Buffer; end: number; read: number }> => {
    // Its length is taken now: `carry` is a view of the previous chunk's buffer, which the caller may
    // transfer to a worker (detaching the view) while this read is under way.
    const kept = carry.length;
    const buf = Buffer.allocUnsafeSlow(kept + chunkBytes);
    buf.set(carry, 0);
    const { bytesRead } = await fh.read(buf, kept, chunkBytes, position);
    position += bytesRead;
    return { buf, end: kept + bytesRead, read: bytesRead };
  };
  let pending = readAfter(new Uint8Array(0));
  try {
    for (;;) {
      const { buf, end, read } = await pending;
      if (read === 0) {
        if (end > 0) yield { firstLine: line, bytes: buf.subarray(0, end), byteEnd: consumed + end };
        return;
      }
      const filled = buf.subarray(0, end);
      const cut = csv ? lastCsvBoundary(filled) : filled.lastIndexOf(10);
      if (cut < 0) {
        if (end > MAX_RECORD_BYTES)
          throw new DataFileError(file, `line ${line} is longer than ${MAX_RECORD_BYTES} bytes`, 'one record per line');
        pending = readAfter(filled);
        continue;
      }
      // The tail is copied into the next buffer before this one is handed out (and maybe transferred).
      pending = readAfter(filled.subarray(cut + 1));
      pending.catch(() => undefined); // awaited at the top of the loop; not unhandled while the caller works
      const bytes = filled.subarray(0, cut + 1);
      const lines = countNewlines(bytes); // counted now: the caller may transfer the buffer away
      consumed += bytes.length;
      yield { firstLine: line, bytes, byteEnd: consumed };
      line += lines;
    }
  } catch (err) {
    if (err instanceof DataFileError) throw err;
    throw new DataFileError(file, `cannot be read: ${(err as Error).message}`, 'check the path given to --data');
  } finally {
    await pending.catch(() => undefined); // a read still under way when the caller stops early
    await fh.close();
  }
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
