import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
  type AsyncBuffer,
  type FileMetaData,
} from 'hyparquet';
import { DataFileError } from './errors.js';
import { PARQUET_COMPRESSORS } from './parquet-codecs.js';
import { TIME_PARSERS } from './parquet-time.js';
import { rowPresenter } from './parquet-values.js';

/** A slice of Parquet rows; row numbers (1-based) stand in for line numbers. */
export interface RecordChunk {
  firstLine: number;
  records: unknown[];
  /** Approximate bytes of the file consumed (rows done / all rows × file size), for progress. */
  byteEnd: number;
}

/** A Parquet file opened for reading: its row count (known from the footer) and its chunks. */
export interface ParquetChunks {
  rows: number;
  /** Chunks of at most this many rows. */
  rowsPerChunk: number;
  chunks: AsyncGenerator<RecordChunk>;
}

/**
 * Opens a Parquet file with hyparquet (pure JS): reads its footer now (an
 * unreadable file is a `DataFileError` here), then rows one row group at a time
 * in slices of `rowsPerChunk`, with every standard codec (`parquet-codecs.ts`).
 * Memory: one decoded row group. Values become the JSON data the contract
 * describes (`rowPresenter`: nulls, dates and times, decimals, nested columns).
 */
export async function openParquet(file: string, contract: unknown, rowsPerChunk = 5000): Promise<ParquetChunks> {
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
  let present;
  try {
    present = rowPresenter(parquetSchema(metadata), contract);
  } catch (err) {
    throw new DataFileError(file, (err as Error).message, 'fix the contract annotation named above');
  }
  const chunks = readRowGroups(file, source, rawDecimals(metadata), present, rowsPerChunk);
  return { rows: Number(metadata.num_rows), rowsPerChunk, chunks };
}

/**
 * The metadata hyparquet reads rows with: DECIMAL leaves lose their annotation,
 * so their unscaled values (integers, or the bytes of FIXED_LEN_BYTE_ARRAY and
 * BYTE_ARRAY) arrive exactly — hyparquet would multiply Number(unscaled) by
 * 10^-scale — and `rowPresenter` makes each the nearest double of its decimal
 * text. Rows are read with `utf8: false` (a BYTE_ARRAY decimal would otherwise
 * be read as text); `rowPresenter` decodes the other byte arrays as UTF-8.
 */
function rawDecimals(metadata: FileMetaData): FileMetaData {
  const schema = metadata.schema.map((element, i) => {
    const decimal = element.converted_type === 'DECIMAL' || element.logical_type?.type === 'DECIMAL';
    // a map's keys become property names while rows are assembled, before `rowPresenter` sees them
    if (!decimal) return isPlainMapKey(metadata.schema, i) ? { ...element, converted_type: 'UTF8' as const } : element;
    const { converted_type: _c, logical_type: _l, ...raw } = element;
    return raw;
  });
  return { ...metadata, schema };
}

/** The key of a MAP (its group, the repeated key_value, then the key) stored as an unannotated BYTE_ARRAY. */
function isPlainMapKey(schema: FileMetaData['schema'], i: number): boolean {
  const key = schema[i];
  return (
    i >= 2 &&
    schema[i - 2].converted_type === 'MAP' &&
    key.type === 'BYTE_ARRAY' &&
    !key.converted_type &&
    !key.logical_type
  );
}

async function* readRowGroups(
  file: string,
  source: AsyncBuffer,
  metadata: FileMetaData,
  present: (row: Record<string, unknown>) => unknown,
  rowsPerChunk: number,
): AsyncGenerator<RecordChunk> {
  const totalRows = Number(metadata.num_rows);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: Record<string, unknown>[];
    try {
      rows = await parquetReadObjects({
        file: source,
        metadata,
        rowStart,
        rowEnd,
        compressors: PARQUET_COMPRESSORS,
        parsers: TIME_PARSERS,
        utf8: false,
      });
    } catch (err) {
      throw new DataFileError(
        file,
        `rows ${rowStart + 1}-${rowEnd} cannot be decoded: ${(err as Error).message}`,
        'rewrite it with a standard codec (snappy, gzip, zstd, lz4_raw, brotli or none)',
      );
    }
    for (let i = 0; i < rows.length; i += rowsPerChunk) {
      const records = rows.slice(i, i + rowsPerChunk).map(present);
      const done = (rowStart + i + records.length) / Math.max(1, totalRows);
      yield { firstLine: rowStart + i + 1, records, byteEnd: Math.round(source.byteLength * done) };
    }
    rowStart = rowEnd;
  }
}
