/** Where parsers put what they read: a record with its line, or a line that is not a record. */
export interface RecordSink {
  record(value: unknown, line: number): void;
  bad(line: number, message: string, raw: string): void;
}

export type DataFormat = 'jsonl' | 'csv' | 'parquet';

const EXTENSIONS: Record<string, DataFormat> = { jsonl: 'jsonl', ndjson: 'jsonl', csv: 'csv', parquet: 'parquet' };

/** The format from the file extension (`.jsonl`/`.ndjson`, `.csv`, `.parquet`), or undefined. */
export function formatOf(file: string): DataFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return ext ? EXTENSIONS[ext] : undefined;
}
