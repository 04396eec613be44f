import type { DuckDBConnection } from '@duckdb/node-api';
import { isAbsolute, resolve } from 'node:path';
import { duckdbDialect } from '../../core/sql/duckdb/dialect.js';
import { splitCsvRows } from '../data/csv.js';
import { createCsvTyper } from '../data/csv-types.js';
import { parseJsonlLine } from '../data/jsonl.js';
import type { RecordSink } from '../data/sink.js';
import { isGlob, isRemote } from './parquet-source.js';
import { SqlEngineError } from './engine.js';

/**
 * JSONL and CSV as DuckDB hands them over with `--engine sql`: never through
 * the typed readers (`read_json` turns "4" into 4 and 1.5 into 2 for a BIGINT,
 * merges null and missing, drops extra keys; typed `read_csv` guesses types).
 * - JSONL: the file's lines as text (`read_text`, split at LF, numbered from 1),
 *   each parsed by the streaming engine's `parseJsonlLine` — DuckDB's own JSON
 *   parser accepts lines JSON.parse refuses (NaN, trailing commas), so it never
 *   decides what a line holds;
 * - CSV: `read_csv` with every cell as text (`all_varchar`), an unquoted empty
 *   cell as NULL and a quoted "" as the empty string (`allow_quoted_nulls=false`),
 *   RFC 4180 quoting and strict rows; the cells are typed by the streaming
 *   engine's `createCsvTyper`, and each row's line is the line it starts on.
 */
export interface TextSource {
  label: string;
  /** The statement whose rows `feed` reads. */
  sql: string;
  /** Turns a batch of the statement's rows into records (and bad lines) for `sink`. */
  feed(rows: Record<string, unknown>[], sink: RecordSink): void;
}

export function textPath(data: string, cwd: string): string {
  if (isRemote(data) || isGlob(data))
    throw new SqlEngineError(
      `${data}: the SQL engine reads one local JSONL or CSV file; give a single file to --data (or convert a folder to Parquet)`,
    );
  return isAbsolute(data) ? data : resolve(cwd, data);
}

export function jsonlSource(path: string, label: string): TextSource {
  const lines = `string_split(content, chr(10))`;
  const sql =
    `SELECT n AS line, l AS text FROM (SELECT unnest(${lines}) AS l, generate_subscripts(${lines}, 1) AS n ` +
    `FROM read_text(${duckdbDialect.string(path)})) AS __dmesh_lines ORDER BY n`;
  return {
    label,
    sql,
    feed(rows, sink) {
      for (const row of rows) {
        const line = Number(row.line);
        let text = String(row.text);
        if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // as TextDecoder drops a BOM
        parseJsonlLine(text.endsWith('\r') ? text.slice(0, -1) : text, line, sink);
      }
    },
  };
}

/**
 * The CSV file's header (read with the streaming engine's splitter) and a
 * source reading its rows. DuckDB skips blank lines without counting them, so
 * a file with a blank line between rows is refused: its lines could not be
 * numbered as the streaming engine numbers them.
 */
export async function csvSource(conn: DuckDBConnection, path: string, label: string, contract: unknown) {
  const text = `(SELECT content FROM read_text(${duckdbDialect.string(path)}))`;
  const [head] = (
    await conn.runAndReadAll(
      `SELECT ${firstRecord('content')} AS head, regexp_matches(rtrim(content, chr(13) || chr(10)), '\\n\\r?\\n') AS blank FROM ${text}`,
    )
  ).getRowObjects();
  if (!head) throw new SqlEngineError(`${label}: the file is empty; a CSV file needs a header row`);
  if (head.blank === true)
    throw new SqlEngineError(
      `${label}: has a blank line; DuckDB's CSV reader skips it without counting it, so the SQL engine cannot give rows the streaming engine's line numbers — remove blank lines, or test with --engine stream`,
    );
  const header = csvHeader(String(head.head ?? ''));
  if (header.length === 0) throw new SqlEngineError(`${label}: the file is empty; a CSV file needs a header row`);
  return csvRows(path, label, header, contract);
}

/** The file's first 64 KiB, without a byte-order mark: enough for the header row the splitter reads. */
function firstRecord(content: string): string {
  return `left(ltrim(${content}, chr(65279)), 65536)`;
}

function csvHeader(text: string): string[] {
  let header: string[] = [];
  splitCsvRows(
    text,
    1,
    (row) => {
      header = row.cells;
      return false;
    },
    () => undefined,
  );
  return header;
}

function csvRows(path: string, label: string, header: string[], contract: unknown): TextSource {
  const columns = header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const sql =
    `SELECT * FROM read_csv(${duckdbDialect.string(path)}, header = true, auto_detect = false, all_varchar = true, ` +
    `allow_quoted_nulls = false, delim = ',', quote = '"', escape = '"', strict_mode = true, columns = {${columns}})`;
  const typer = createCsvTyper(header, contract);
  let line = 1 + newlines(header);
  return {
    label,
    sql,
    feed(rows, sink) {
      for (const row of rows) {
        const values = header.map((_, i) => row[`c${i}`]);
        const cells = values.map((v) => (v === null || v === undefined ? '' : String(v)));
        const quoted = values.map((v) => v !== null && v !== undefined);
        line++;
        sink.record(typer(cells, quoted), line);
        line += newlines(cells);
      }
    },
  };
}

function newlines(cells: string[]): number {
  let n = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}
