/**
 * Worker entry for `dmesh test --workers n` (runs as compiled `dist/io/data/worker.js`).
 * Receives chunks, answers with their `BatchResult`; the main thread merges in line order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchResult } from '../../core/quality/batch.js';
import type { WorkerReply } from './chunk-runner.js';
import { ChunkEvaluator, type DataChunk, type EvaluatorSpec } from './evaluate-chunk.js';

/** The typed arrays of rule partials (`unique` keys): fresh per batch, so moved rather than copied. */
function transferables(result: BatchResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const partial of result.rules) {
    if (partial === null || typeof partial !== 'object') continue;
    for (const value of Object.values(partial)) {
      if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer && !out.includes(value.buffer))
        out.push(value.buffer);
    }
  }
  return out;
}

const port = parentPort;
if (port) {
  let evaluator: ChunkEvaluator | undefined;
  let setupError: string | undefined = 'the worker was given no contract';
  const setUp = (spec: EvaluatorSpec) => {
    try {
      evaluator = new ChunkEvaluator(spec);
      setupError = undefined;
    } catch (err) {
      setupError = (err as Error).message;
    }
  };
  // Started with its spec, or started early (`WarmWorkers`) and given it as the first message.
  if (workerData) setUp(workerData as EvaluatorSpec);
  port.on('message', (message: DataChunk | { spec: EvaluatorSpec }) => {
    if ('spec' in message) return setUp(message.spec);
    const chunk = message;
    if (!evaluator) return port.postMessage({ seq: chunk.seq, error: setupError });
    try {
      const result = evaluator.evaluate(chunk);
      const reply: WorkerReply = { seq: chunk.seq, result, ...(chunk.bytes && { bytes: chunk.bytes }) };
      const moved = transferables(result);
      if (chunk.bytes) moved.push(chunk.bytes.buffer as ArrayBuffer);
      port.postMessage(reply, moved);
    } catch (err) {
      port.postMessage({ seq: chunk.seq, error: (err as Error).stack ?? String(err) });
    }
  });
}
