import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { BatchResult } from '../../core/quality/batch.js';
import { ChunkEvaluator, type DataChunk, type EvaluatorSpec } from './evaluate-chunk.js';
import { DEFAULT_WORKER_URL, startWorker, type WarmWorkers } from './warm-workers.js';

/** Receives each chunk's result strictly in `seq` order, whatever thread evaluated it. */
export type ResultHandler = (chunk: DataChunk, result: BatchResult) => void;

export interface ChunkRunner {
  /** Threads evaluating chunks (1 = in the main thread). */
  readonly threads: number;
  /** Why fewer workers than asked run, if so. */
  readonly note?: string;
  /** Hands a chunk over; resolves when there is room for the next one (backpressure). */
  submit(chunk: DataChunk): Promise<void>;
  /** Resolves once every submitted chunk's result was handled; rejects on the first failure. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export { DEFAULT_WORKER_URL };

/**
 * `workers <= 1` evaluates in the main thread. Otherwise `workers - 1` threads
 * run `worker.js` and the main thread is the n-th evaluator (on a 2-core machine
 * a third, mostly waiting thread would only take turns away from the other two).
 * When `worker.js` does not exist (running the TypeScript sources, e.g. under
 * jest) the run falls back to the main thread and says so in `note`.
 */
export function createChunkRunner(
  spec: EvaluatorSpec,
  workers: number,
  onResult: ResultHandler,
  workerUrl: URL = DEFAULT_WORKER_URL,
  warm?: WarmWorkers,
): ChunkRunner {
  if (workers > 1 && existsSync(fileURLToPath(workerUrl)))
    return new WorkerRunner(spec, workers, onResult, workerUrl, warm);
  const note =
    workers > 1
      ? `worker entry ${fileURLToPath(workerUrl)} not found (TypeScript sources?); evaluated in the main thread`
      : undefined;
  return inProcessRunner(spec, onResult, note);
}

function inProcessRunner(spec: EvaluatorSpec, onResult: ResultHandler, note?: string): ChunkRunner {
  const evaluator = new ChunkEvaluator(spec);
  return {
    threads: 1,
    ...(note && { note }),
    async submit(chunk) {
      onResult(chunk, evaluator.evaluate(chunk));
    },
    async drain() {},
    async close() {},
  };
}

/** What `worker.js` answers for a chunk: its result and its bytes back, or why it failed. */
export interface WorkerReply {
  seq: number;
  result?: BatchResult;
  bytes?: Uint8Array;
  error?: string;
}

/**
 * Chunks a worker holds at once. The main thread merges every result in line order (the `unique` keys
 * most of all) between its own chunks; with two, the worker ran dry while it did (profile, 1M records,
 * 2 threads: the worker idle 536 ms of 2.7 s; with four, 133 ms, mostly its start-up; 7 % faster).
 */
const DEPTH = 4;

interface Slot {
  worker: Worker;
  inflight: number;
}

/**
 * The least busy worker gets the chunk while it has fewer than `DEPTH` in flight;
 * otherwise the main thread evaluates it itself. Results are re-ordered by `seq`.
 */
class WorkerRunner implements ChunkRunner {
  readonly threads: number;
  private readonly slots: Slot[];
  private readonly pending = new Map<number, { chunk: DataChunk; result?: BatchResult }>();
  private nextToDeliver = 0;
  private inflight = 0;
  private waiters: { resolve: () => void; reject: (e: Error) => void; when: () => boolean }[] = [];
  private failure: Error | undefined;
  private readonly inline: ChunkEvaluator;

  constructor(
    spec: EvaluatorSpec,
    workers: number,
    private readonly onResult: ResultHandler,
    url: URL,
    warm?: WarmWorkers,
  ) {
    this.threads = workers;
    this.inline = new ChunkEvaluator(spec);
    this.slots = Array.from({ length: workers - 1 }, () => {
      const fromPool = warm?.url.href === url.href ? warm.take(spec) : undefined;
      const slot: Slot = { worker: fromPool ?? startWorker(url, spec), inflight: 0 };
      slot.worker.on('message', (msg: WorkerReply) => this.received(slot, msg));
      slot.worker.on('error', (err) => this.fail(err));
      slot.worker.on(
        'exit',
        (code) => code !== 0 && this.fail(new Error(`a data-test worker exited with code ${code}`)),
      );
      return slot;
    });
  }

  async submit(chunk: DataChunk): Promise<void> {
    if (this.failure) throw this.failure;
    this.pending.set(chunk.seq, { chunk });
    const slot = this.slots.reduce((a, b) => (b.inflight < a.inflight ? b : a));
    if (slot.inflight >= DEPTH) {
      // Every worker is busy: the main thread takes this chunk itself.
      this.complete(chunk.seq, this.inline.evaluate(chunk));
      return;
    }
    slot.inflight++;
    this.inflight++;
    // Text bytes are moved, not copied (each chunk owns its buffer, see `readTextChunks`); the worker sends
    // them back with the result, for the examples the main thread fetches while merging.
    slot.worker.postMessage(chunk, chunk.bytes ? [chunk.bytes.buffer as ArrayBuffer] : []);
    // No waiting: when every worker has `DEPTH` chunks, the next submit is evaluated here (natural backpressure).
  }

  drain(): Promise<void> {
    return this.until(() => this.pending.size === 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private until(when: () => boolean): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (when()) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject, when }));
  }

  private received(slot: Slot, msg: WorkerReply): void {
    slot.inflight--;
    this.inflight--;
    if (msg.error !== undefined || !msg.result) return this.fail(new Error(`a data-test worker failed: ${msg.error}`));
    const entry = this.pending.get(msg.seq);
    if (entry && msg.bytes) entry.chunk = { ...entry.chunk, bytes: msg.bytes };
    this.complete(msg.seq, msg.result);
  }

  /** Records a chunk's result and hands over every result that is now next in order. */
  private complete(seq: number, result: BatchResult): void {
    const entry = this.pending.get(seq);
    if (entry) entry.result = result;
    try {
      for (let next = this.pending.get(this.nextToDeliver); next?.result; next = this.pending.get(this.nextToDeliver)) {
        this.pending.delete(this.nextToDeliver++);
        this.onResult(next.chunk, next.result);
      }
    } catch (err) {
      return this.fail(err as Error);
    }
    this.wake();
  }

  private wake(): void {
    const ready = this.waiters.filter((w) => w.when());
    this.waiters = this.waiters.filter((w) => !w.when());
    ready.forEach((w) => w.resolve());
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w.reject(err));
  }
}
