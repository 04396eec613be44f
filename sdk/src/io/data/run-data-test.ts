import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { compileContract } from '../../core/contract/compile.js';
import type { DataTestReport } from '../../core/quality/report.js';
import { parseRelationshipRef } from '../../core/quality/rules/relationship.js';
import { DataTestRun } from '../../core/quality/run.js';
import type { QualityRule } from '../../core/quality/types.js';
import { createChunkRunner } from './chunk-runner.js';
import { DataFileError } from './errors.js';
import type { DataChunk } from './evaluate-chunk.js';
import { createParser, type TextParser } from './parsers.js';
import { loadRefValues } from './records.js';
import { RejectWriter } from './reject-writer.js';
import { formatOf, type DataFormat } from './sink.js';
import { firstCsvBoundary } from './text-batches.js';
import { openChunkSource } from './sources.js';
import { WarmWorkers } from './warm-workers.js';

export interface DataTestProgress {
  bytes: number;
  totalBytes: number;
  records: number;
  elapsedMs: number;
}

export interface RunDataTestOptions {
  file: string;
  /** The port's contract (a JSON Schema). */
  contract: unknown;
  rules?: QualityRule[];
  /** Default: from the extension. */
  format?: DataFormat;
  /** Reference data for `relationship` rules: data set id (`<domain>.<product>/<port>`) → file. */
  refData?: Record<string, string>;
  /** Default `os.availableParallelism()`; 1 evaluates in the main thread. */
  workers?: number;
  rejectFile?: string;
  /** The clock for `freshness`; default now. */
  now?: Date;
  onProgress?: (progress: DataTestProgress) => void;
  /** The compiled worker entry; default `worker.js` beside this module. */
  workerUrl?: URL;
  /** Workers started early (`warmWorkersFor`): the run takes what it needs and closes the rest. */
  warm?: WarmWorkers;
  chunkBytes?: number;
}

export interface DataTestRunResult {
  report: DataTestReport;
  file: string;
  format: DataFormat;
  /** Threads that evaluated records. */
  threads: number;
  note?: string;
  elapsedMs: number;
  bytes: number;
}

/** Raised before any record is read when the rules cannot run (missing `--ref-data`). Exit code 2. */
export class DataTestSetupError extends Error {}

/**
 * `dmesh test` as a library call: streams `file`, validates every record
 * against the contract, evaluates the rules (in `workers` threads), writes the
 * dead-letter file, and returns the report. Results do not depend on `workers`.
 */
export async function runDataTest(options: RunDataTestOptions): Promise<DataTestRunResult> {
  try {
    return await testFile(options);
  } finally {
    await options.warm?.close(); // the warm workers no run took
  }
}

async function testFile(options: RunDataTestOptions): Promise<DataTestRunResult> {
  const started = Date.now();
  const rules = options.rules ?? [];
  const compiled = compileContract(options.contract);
  const refValues = await loadRelationshipRefs(rules, options.refData ?? {});
  const run = new DataTestRun(rules, {
    contractHash: compiled.hash,
    refValues: (dataset, field) => refValues.get(`${dataset}#${field}`),
    collectRejects: Boolean(options.rejectFile),
  });
  const asked = options.workers ?? availableParallelism();
  const chunkBytes = options.chunkBytes ?? chunkBytesFor(asked);
  const source = await openChunkSource(options.file, options.contract, options.format, chunkBytes);
  // A file of one chunk has nothing to share: starting a worker (~100 ms) would only delay it.
  const workers = source.oneChunk ? 1 : asked;
  const parser = source.parser && createParser(source.parser);
  const rejects = options.rejectFile ? new RejectWriter(options.rejectFile) : undefined;
  let records = 0;
  const runner = createChunkRunner(
    {
      schema: options.contract,
      schemaChecked: true,
      rules,
      ...(source.parser && { parser: source.parser }),
      collectRejects: Boolean(rejects),
    },
    workers,
    (chunk, result) => {
      const rejected = run.merge(result, recordAt(chunk, parser, source.format === 'csv'));
      rejects?.write(rejected);
      records += result.records + result.badInput.count;
      options.onProgress?.({
        bytes: chunk.byteEnd,
        totalBytes: source.totalBytes,
        records,
        elapsedMs: Date.now() - started,
      });
    },
    options.workerUrl,
    options.warm,
  );
  try {
    for await (const chunk of source.chunks) await runner.submit(chunk);
    await runner.drain();
    rejects?.commit();
  } catch (err) {
    rejects?.abort();
    throw err;
  } finally {
    await runner.close();
  }
  return {
    report: run.report(options.now ?? new Date()),
    file: options.file,
    format: source.format,
    threads: runner.threads,
    ...(runner.note && { note: runner.note }),
    elapsedMs: Date.now() - started,
    bytes: source.totalBytes,
  };
}

/**
 * Half-size chunks with workers: peak RSS as with 256 KiB (2 workers, 1M records: 172 MB; 1 MiB: 201 MB),
 * and per-chunk costs (messages, merges) as with 1 MiB (256 KiB was ~4 % slower).
 */
function chunkBytesFor(workers: number): number {
  return workers > 1 ? 512 * 1024 : 1024 * 1024;
}

/**
 * Starts the workers a run of `file` will use, before the caller does its own
 * start-up (loading and checking the product), or undefined when the run will
 * not use any (one thread, or a text file of one chunk; a Parquet file's rows
 * are only known once its footer is read, so it gets them).
 */
export function warmWorkersFor(
  file: string,
  workers = availableParallelism(),
  workerUrl?: URL,
): WarmWorkers | undefined {
  if (workers <= 1) return undefined;
  try {
    if (formatOf(file) !== 'parquet' && statSync(file).size <= chunkBytesFor(workers)) return undefined;
  } catch {
    return undefined; // the run itself reports the unreadable file
  }
  return new WarmWorkers(workers - 1, workerUrl);
}

/**
 * Fetches a record back from a chunk the main thread kept (unique/relationship
 * examples and dead-letter entries decided while merging). Line offsets are
 * indexed once per chunk, and only the record's own bytes are decoded.
 */
function recordAt(chunk: DataChunk, parser: TextParser | undefined, csv: boolean): (line: number) => unknown {
  if (chunk.records) return (line) => chunk.records?.[line - chunk.firstLine];
  let bytes: Buffer | undefined;
  let starts: number[] | undefined;
  return (line) => {
    // Only a chunk with an example to show is indexed; a view, not a copy (most chunks are never looked into).
    const raw = chunk.bytes as Uint8Array;
    bytes ??= Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    starts ??= lineStarts(bytes);
    const start = starts[line - chunk.firstLine] ?? bytes.length;
    const rest = bytes.subarray(start);
    const end = csv ? firstCsvBoundary(rest) : rest.indexOf(10);
    return parser?.first(rest.subarray(0, end < 0 ? rest.length : end + 1).toString('utf8'), line);
  };
}

function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) starts.push(i + 1);
  return starts;
}

async function loadRelationshipRefs(
  rules: QualityRule[],
  refData: Record<string, string>,
): Promise<Map<string, Set<string>>> {
  const loaded = new Map<string, Set<string>>();
  for (const rule of rules) {
    if (rule.rule !== 'relationship') continue;
    const { dataset, field } = parseRelationshipRef(rule.ref);
    const file = refData[dataset] ?? refData[rule.ref];
    if (!file)
      throw new DataTestSetupError(
        `the relationship rule on ${rule.field} needs reference data for ${dataset}: pass --ref-data ${dataset}=<file>`,
      );
    const key = `${dataset}#${field}`;
    if (!loaded.has(key)) loaded.set(key, await loadRefValues(file, field));
  }
  return loaded;
}

export { DataFileError };
