import type { RecordSink } from './sink.js';

/**
 * Parses JSON Lines text that starts at `firstLine`: one JSON value per line,
 * blank lines skipped (they still count for line numbers), CRLF accepted. A line
 * that is not JSON is reported to the sink with its line number.
 */
export function parseJsonlText(text: string, firstLine: number, sink: RecordSink): void {
  let start = 0;
  let line = firstLine;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    parseJsonlLine(raw, line, sink);
    start = end + 1;
    line++;
  }
}

export function parseJsonlLine(raw: string, line: number, sink: RecordSink): void {
  if (raw.length === 0 || isBlank(raw)) return;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    sink.bad(line, `not valid JSON: ${(err as Error).message}`, raw);
    return;
  }
  sink.record(value, line);
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
