import { isMainThread } from 'node:worker_threads';
import { compileCheckedContract, compileContract } from '../../core/contract/compile.js';
import { BatchEvaluator, type BatchResult } from '../../core/quality/batch.js';
import type { QualityRule } from '../../core/quality/types.js';
import { decodeText } from './decode-text.js';
import { createParser, type ParserSpec, type TextParser } from './parsers.js';

/** One unit of work: text bytes (JSONL/CSV, parsed where it is evaluated) or decoded records (Parquet). */
export interface DataChunk {
  seq: number;
  firstLine: number;
  byteEnd: number;
  bytes?: Uint8Array;
  records?: unknown[];
}

/** Everything a worker needs to evaluate chunks exactly like the main thread: plain data. */
export interface EvaluatorSpec {
  schema: unknown;
  rules: QualityRule[];
  parser?: ParserSpec;
  collectRejects: boolean;
  /** Set by the main thread once `compileContract` accepted `schema`: a worker then skips the meta-schema check. */
  schemaChecked?: boolean;
}

/** Parses, validates and evaluates chunks; the same code runs in-process (`--workers 1`) and in each worker. */
export class ChunkEvaluator {
  private readonly evaluator: BatchEvaluator;
  readonly parser: TextParser | undefined;

  constructor(spec: EvaluatorSpec) {
    // The main thread has compiled the contract already (a cache hit); a worker compiles it without the
    // meta-schema check the main thread did (`schemaChecked`).
    const checkedElsewhere = spec.schemaChecked && !isMainThread;
    const { validate } = checkedElsewhere ? compileCheckedContract(spec.schema) : compileContract(spec.schema);
    this.evaluator = new BatchEvaluator(validate, spec.rules, { collectRejects: spec.collectRejects });
    this.parser = spec.parser && createParser(spec.parser);
  }

  evaluate(chunk: DataChunk): BatchResult {
    const ev = this.evaluator;
    if (chunk.records) {
      for (let i = 0; i < chunk.records.length; i++) ev.observeRecord(chunk.records[i], chunk.firstLine + i);
    } else if (chunk.bytes && this.parser) {
      this.parser.parse(decodeText(chunk.bytes), chunk.firstLine, {
        record: (value, line) => ev.observeRecord(value, line),
        bad: (line, message, raw) => ev.observeBadInput(line, message, raw),
      });
    }
    return ev.take();
  }
}
