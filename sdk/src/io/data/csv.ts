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
  let i = 0;
  let line = firstLine;
  while (i < text.length) {
    const startLine = line;
    const start = i;
    const cells: string[] = [];
    const quoted: boolean[] = [];
    let ended = false;
    let broken = false;
    while (!ended) {
      if (text.charCodeAt(i) === 34) {
        let cell = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            onError(startLine, 'a quoted cell is never closed (a `"` is missing)', text.slice(start, start + 200));
            return;
          }
          cell += text.slice(j, q);
          for (let k = j; k < q; k++) if (text.charCodeAt(k) === 10) line++;
          if (text.charCodeAt(q + 1) === 34) {
            cell += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        cells.push(cell);
        quoted.push(true);
      } else {
        let j = i;
        while (j < text.length) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10) break;
          j++;
        }
        cells.push(
          text.charCodeAt(j - 1) === 13 && text.charCodeAt(j) === 10 ? text.slice(i, j - 1) : text.slice(i, j),
        );
        quoted.push(false);
        i = j;
      }
      const c = text.charCodeAt(i);
      if (c === 44) i++;
      else {
        if (c === 13) i++;
        if (text.charCodeAt(i) === 10) i++;
        else if (i < text.length) {
          onError(
            startLine,
            'unexpected text after a closing quote',
            text.slice(start, Math.min(text.indexOf('\n', i) >>> 0, start + 200)),
          );
          i = nextLine(text, i);
          broken = true;
        }
        line++;
        ended = true;
      }
    }
    if (broken || (cells.length === 1 && cells[0] === '' && !quoted[0])) continue; // reported, or a blank line
    if (onRow({ cells, quoted, line: startLine }) === false) return;
  }
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
