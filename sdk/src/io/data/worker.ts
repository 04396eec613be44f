/**
 * Worker entry for `dmesh test --workers n` (runs as compiled `dist/io/data/worker.js`).
 * Receives chunks, answers with their `BatchResult`; the main thread merges in line order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkEvaluator, type DataChunk, type EvaluatorSpec } from './evaluate-chunk.js';

const port = parentPort;
if (port) {
  let evaluator: ChunkEvaluator | undefined;
  let setupError: string | undefined;
  try {
    evaluator = new ChunkEvaluator(workerData as EvaluatorSpec);
  } catch (err) {
    setupError = (err as Error).message;
  }
  port.on('message', (chunk: DataChunk) => {
    if (!evaluator) return port.postMessage({ seq: chunk.seq, error: setupError });
    try {
      port.postMessage({ seq: chunk.seq, result: evaluator.evaluate(chunk) });
    } catch (err) {
      port.postMessage({ seq: chunk.seq, error: (err as Error).stack ?? String(err) });
    }
  });
}
