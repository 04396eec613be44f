import { splitCsvRows, parseCsvText, type CsvTyper } from './csv.js';
import { createCsvTyper } from './csv-types.js';
import { parseJsonlLine, parseJsonlText } from './jsonl.js';
import type { RecordSink } from './sink.js';

/** Turns the text of a chunk into records; the same object runs in the main thread and in workers. */
export interface TextParser {
  parse(text: string, firstLine: number, sink: RecordSink): void;
  /** The record starting at the beginning of `text` (used to show examples found while merging). */
  first(text: string, line: number): unknown;
}

/** What a worker needs to rebuild the parser: plain data. */
export interface ParserSpec {
  format: 'jsonl' | 'csv';
  header?: string[];
  schema?: unknown;
}

export function createParser(spec: ParserSpec): TextParser {
  if (spec.format === 'jsonl') {
    return {
      parse: parseJsonlText,
      first(text, line) {
        const nl = text.indexOf('\n');
        return firstOf((sink) => parseJsonlLine((nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, ''), line, sink));
      },
    };
  }
  const header = spec.header ?? [];
  const typer: CsvTyper = createCsvTyper(header, spec.schema);
  return {
    parse: (text, firstLine, sink) => parseCsvText(text, firstLine, header, typer, sink),
    first(text, line) {
      let record: unknown;
      splitCsvRows(
        text,
        line,
        (row) => {
          record = row.cells.length === header.length ? typer(row.cells, row.quoted) : undefined;
          return false;
        },
        () => undefined,
      );
      return record;
    },
  };
}

function firstOf(parse: (sink: RecordSink) => void): unknown {
  let found: unknown;
  parse({ record: (value) => (found = value), bad: () => undefined });
  return found;
}
