import type { DataChunk } from './evaluate-chunk.js';
import { decodeText } from './decode-text.js';
import { createParser, type ParserSpec, type TextParser } from './parsers.js';
import type { DataRecord } from './records.js';

/** Parses chunks into `DataRecord`s without validating them (readers and reference data). */
export class ChunkParser {
  private readonly parser: TextParser | undefined;

  constructor(spec: ParserSpec | undefined) {
    this.parser = spec && createParser(spec);
  }

  items(chunk: DataChunk): DataRecord[] {
    if (chunk.records) return chunk.records.map((record, i) => ({ line: chunk.firstLine + i, record }));
    const out: DataRecord[] = [];
    if (!chunk.bytes || !this.parser) return out;
    this.parser.parse(decodeText(chunk.bytes), chunk.firstLine, {
      record: (record, line) => out.push({ line, record }),
      bad: (line, error, raw) => out.push({ line, error, raw }),
    });
    return out;
  }
}
