import { stat } from 'node:fs/promises';
import { splitCsvRows } from './csv.js';
import { DataFileError } from './errors.js';
import type { DataChunk } from './evaluate-chunk.js';
import type { ParserSpec } from './parsers.js';
import { formatOf, type DataFormat } from './sink.js';
import { countNewlines, DEFAULT_CHUNK_BYTES, firstCsvBoundary, readTextChunks } from './text-batches.js';

/** A data file opened for a run: its chunks in order, and how to parse them. */
export interface ChunkSource {
  format: DataFormat;
  totalBytes: number;
  /** For JSONL/CSV; undefined for Parquet (chunks carry decoded records). */
  parser?: ParserSpec;
  /** The whole file is one chunk: nothing to share with workers. */
  oneChunk: boolean;
  chunks: AsyncGenerator<DataChunk>;
}

/** Opens `file` (format from the extension unless given); a missing or unreadable file is a `DataFileError`. */
export async function openChunkSource(
  file: string,
  schema: unknown,
  format = formatOf(file),
  chunkBytes?: number,
): Promise<ChunkSource> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('it is not a file');
    size = info.size;
  } catch (err) {
    throw new DataFileError(
      file,
      `cannot be read: ${(err as Error).message}`,
      'check the path given to --data or --ref-data',
    );
  }
  if (!format)
    throw new DataFileError(file, 'has an unknown format', 'name it *.jsonl (or *.ndjson), *.csv or *.parquet');
  if (format === 'parquet') {
    // Loaded only for Parquet: hyparquet and the codecs are start-up time a JSONL or CSV run does not need.
    const { openParquet } = await import('./parquet.js');
    const parquet = await openParquet(file, schema);
    return {
      format,
      totalBytes: size,
      oneChunk: parquet.rows <= parquet.rowsPerChunk,
      chunks: numbered(parquet.chunks),
    };
  }
  const text = readTextChunks(file, format === 'csv', chunkBytes);
  const oneChunk = size <= (chunkBytes ?? DEFAULT_CHUNK_BYTES);
  if (format === 'jsonl') return { format, totalBytes: size, parser: { format }, oneChunk, chunks: numbered(text) };
  const { header, rest } = await readCsvHeader(file, text);
  return { format, totalBytes: size, parser: { format, header, schema }, oneChunk, chunks: numbered(rest) };
}

async function* numbered(chunks: AsyncIterable<Omit<DataChunk, 'seq'>>): AsyncGenerator<DataChunk> {
  let seq = 0;
  for await (const chunk of chunks) yield { ...chunk, seq: seq++ };
}

/** The header is the first CSV record (line 1); data chunks follow it. */
async function readCsvHeader(
  file: string,
  chunks: AsyncGenerator<{ firstLine: number; bytes: Buffer; byteEnd: number }>,
) {
  const first = await chunks.next();
  if (first.done)
    throw new DataFileError(file, 'is empty: a CSV file needs a header row', 'put the column names on line 1');
  const { bytes, byteEnd } = first.value;
  const end = firstCsvBoundary(bytes);
  const headerEnd = end < 0 ? bytes.length : end + 1;
  const headerText = bytes.subarray(0, headerEnd).toString('utf8');
  let header: string[] = [];
  splitCsvRows(
    headerText,
    1,
    (row) => {
      header = row.cells.map((c) => c.trim());
      return false;
    },
    (line, message) => {
      throw new DataFileError(file, `line ${line}: the header row is not valid CSV: ${message}`);
    },
  );
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (!name) throw new DataFileError(file, `line 1: column ${i + 1} of the header has no name`, 'name every column');
    if (seen.has(name))
      throw new DataFileError(
        file,
        `line 1: column "${name}" appears twice in the header`,
        'give every column a distinct name',
      );
    seen.add(name);
  });
  const restBytes = bytes.subarray(headerEnd);
  const dataLine = 1 + countNewlines(bytes, headerEnd);
  async function* rest() {
    if (restBytes.length) yield { firstLine: dataLine, bytes: restBytes, byteEnd };
    yield* chunks;
  }
  return { header, rest: rest() };
}
