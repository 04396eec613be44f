import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { DataFileError } from './errors.js';

/** A slice of Parquet rows; row numbers (1-based) stand in for line numbers. */
export interface RecordChunk {
  firstLine: number;
  records: unknown[];
  /** Approximate bytes of the file consumed (rows done / all rows × file size), for progress. */
  byteEnd: number;
}

/**
 * Reads a Parquet file one row group at a time with hyparquet (pure JS), in
 * slices of `rowsPerChunk`. Memory: one decoded row group. Values become JSON
 * data (see `toJsonValue`), since contracts describe JSON.
 */
export async function* readParquetChunks(file: string, rowsPerChunk = 5000): AsyncGenerator<RecordChunk> {
  let source;
  let metadata;
  try {
    source = await asyncBufferFromFile(file);
    metadata = await parquetMetadataAsync(source);
  } catch (err) {
    throw new DataFileError(
      file,
      `is not a readable Parquet file: ${(err as Error).message}`,
      'check the path given to --data, or use a .jsonl/.csv extension for text data',
    );
  }
  const totalRows = Number(metadata.num_rows);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: Record<string, unknown>[];
    try {
      rows = await parquetReadObjects({ file: source, metadata, rowStart, rowEnd });
    } catch (err) {
      throw new DataFileError(file, `rows ${rowStart + 1}-${rowEnd} cannot be decoded: ${(err as Error).message}`);
    }
    for (let i = 0; i < rows.length; i += rowsPerChunk) {
      const records = rows.slice(i, i + rowsPerChunk).map(toJsonValue);
      const done = (rowStart + i + records.length) / Math.max(1, totalRows);
      yield { firstLine: rowStart + i + 1, records, byteEnd: Math.round(source.byteLength * done) };
    }
    rowStart = rowEnd;
  }
}

/**
 * Parquet values as JSON data: INT64 becomes a number when it is a safe
 * integer (else its decimal string), timestamps and dates become ISO-8601
 * strings, binary becomes base64; nested lists and structs are converted deeply.
 */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonValue(v);
    return out;
  }
  return value;
}
