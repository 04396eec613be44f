import type { RecordSink } from './sink.js';

/** One CSV record: its cells, which cells were quoted, and the line it starts on. */
export interface CsvRow {
  cells: string[];
  quoted: boolean[];
  line: number;
}

/**
 * Splits RFC 4180 CSV text (comma separator, `"` quoting with `""` escapes,
 * LF or CRLF, newlines allowed inside quotes) into rows. `text` must start at a
 * record boundary; each row carries the physical line it starts on. Returns
 * false from `onRow` to stop.
 */
export function splitCsvRows(
  text: string,
  firstLine: number,
  onRow: (row: CsvRow) => void | false,
  onError: (line: number, message: string, raw: string) => void,
): void {
  const cursor: Cursor = { text, i: 0, line: firstLine };
  while (cursor.i < text.length) {
    const row = readRow(cursor);
    if ('problem' in row) {
      onError(row.line, row.problem, row.raw);
      if (row.fatal) return;
      continue;
    }
    if (row.cells.length === 1 && row.cells[0] === '' && !row.quoted[0]) continue; // a blank line
    if (onRow(row) === false) return;
  }
}

/** Where the splitter is in `text`, and the physical line it is on. */
interface Cursor {
  text: string;
  i: number;
  line: number;
}

/** A record that cannot be split; `fatal` when the rest of the text cannot be either (an unclosed quote). */
interface RowProblem {
  problem: string;
  line: number;
  raw: string;
  fatal: boolean;
}

/** Reads the record at the cursor and moves the cursor to the next record (or past a broken line). */
function readRow(cursor: Cursor): CsvRow | RowProblem {
  const { text } = cursor;
  const start = cursor.i;
  const line = cursor.line;
  const cells: string[] = [];
  const quoted: boolean[] = [];
  for (;;) {
    const isQuoted = text.charCodeAt(cursor.i) === 34;
    const cell = isQuoted ? readQuotedCell(cursor) : readPlainCell(cursor);
    if (cell === undefined) {
      const raw = text.slice(start, start + 200);
      return { problem: 'a quoted cell is never closed (a `"` is missing)', line, raw, fatal: true };
    }
    cells.push(cell);
    quoted.push(isQuoted);
    if (text.charCodeAt(cursor.i) !== 44) break;
    cursor.i++;
  }
  if (text.charCodeAt(cursor.i) === 13) cursor.i++;
  cursor.line++;
  if (text.charCodeAt(cursor.i) === 10) cursor.i++;
  else if (cursor.i < text.length) {
    const raw = text.slice(start, Math.min(text.indexOf('\n', cursor.i) >>> 0, start + 200));
    cursor.i = nextLine(text, cursor.i);
    return { problem: 'unexpected text after a closing quote', line, raw, fatal: false };
  }
  return { cells, quoted, line };
}

/** A `"`-quoted cell (`""` is one quote; newlines count as lines), or undefined when it is never closed. */
function readQuotedCell(cursor: Cursor): string | undefined {
  const { text } = cursor;
  let cell = '';
  let j = cursor.i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return undefined;
    cell += text.slice(j, q);
    for (let k = j; k < q; k++) if (text.charCodeAt(k) === 10) cursor.line++;
    if (text.charCodeAt(q + 1) !== 34) {
      cursor.i = q + 1;
      return cell;
    }
    cell += '"';
    j = q + 2;
  }
}

/** An unquoted cell up to the next comma or newline (a CR before the newline is not part of it). */
function readPlainCell(cursor: Cursor): string {
  const { text, i } = cursor;
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 44 || c === 10) break;
    j++;
  }
  cursor.i = j;
  return text.charCodeAt(j - 1) === 13 && text.charCodeAt(j) === 10 ? text.slice(i, j - 1) : text.slice(i, j);
}

function nextLine(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl + 1;
}

/**
 * Parses CSV data rows (the header already read) into records typed by the
 * contract: see `CsvTyper`. A row with the wrong number of cells is bad input.
 */
export function parseCsvText(
  text: string,
  firstLine: number,
  header: string[],
  typer: CsvTyper,
  sink: RecordSink,
): void {
  splitCsvRows(
    text,
    firstLine,
    (row) => {
      if (row.cells.length !== header.length) {
        sink.bad(
          row.line,
          `the row has ${row.cells.length} cells, the header has ${header.length}`,
          row.cells.join(','),
        );
        return;
      }
      sink.record(typer(row.cells, row.quoted), row.line);
    },
    (line, message, raw) => sink.bad(line, message, raw),
  );
}

export type CsvTyper = (cells: string[], quoted: boolean[]) => Record<string, unknown>;
