import { getField } from '../../core/quality/field-path.js';
import { relationshipKey } from '../../core/quality/rules/relationship.js';
import { ChunkParser } from './chunk-parser.js';
import { openChunkSource } from './sources.js';
import type { DataFormat } from './sink.js';

/** One item of a data file: a record, or a line that is not one (with why). */
export type DataRecord = { line: number; record: unknown } | { line: number; error: string; raw: string };

/**
 * Streams the records of a JSONL, CSV or Parquet file with their line numbers
 * (row numbers for Parquet). CSV cells are typed by `schema` (see `createCsvTyper`).
 * Unreadable lines are yielded as errors, never thrown; an unreadable file throws `DataFileError`.
 */
export async function* readRecords(
  file: string,
  options: { format?: DataFormat; schema?: unknown } = {},
): AsyncGenerator<DataRecord> {
  const source = await openChunkSource(file, options.schema, options.format ?? undefined);
  const parse = new ChunkParser(source.parser);
  for await (const chunk of source.chunks) yield* parse.items(chunk);
}

/** The distinct values of `field` in a reference file, keyed the way `relationship` compares them. */
export async function loadRefValues(file: string, field: string): Promise<Set<string>> {
  const values = new Set<string>();
  for await (const item of readRecords(file)) {
    if (!('record' in item)) continue;
    const value = getField(item.record, field);
    if (value !== undefined && value !== null) values.add(relationshipKey(value));
  }
  return values;
}
