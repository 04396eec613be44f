import { parentPort } from 'node:worker_threads';
import { CPU_TASKS, carryError, type CpuTaskName } from './cpu-tasks.js';

/** A worker thread of CpuPool: runs one task at a time and posts its result or its error. */
parentPort!.on('message', (message: { id: number; task: CpuTaskName; args: unknown[] }) => {
  try {
    const run = CPU_TASKS[message.task] as (...args: unknown[]) => unknown;
    parentPort!.postMessage({ id: message.id, result: run(...message.args) });
  } catch (err) {
    parentPort!.postMessage({ id: message.id, error: carryError(err) });
  }
});
