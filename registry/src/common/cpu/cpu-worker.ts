import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { CPU_TASKS, carryError, type CpuTaskName } from './cpu-tasks.js';

/** How much lower than the registry's event loop a worker thread runs (nice increment). */
const NICE_INCREMENT = 10;

/**
 * On Linux a thread is a task with its own nice value: the worker lowers its
 * own, so that a long check (seconds of CPU for a huge schema) yields the
 * cores to the event loop and to PostgreSQL instead of slowing every other
 * request. Elsewhere (or without /proc) it runs at the process's priority.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    setPriority(tid, Math.min(19, getPriority(tid) + NICE_INCREMENT));
  } catch {
    // not Linux, or not allowed: the same priority as the event loop
  }
}

lowerPriority();

/** A worker thread of CpuPool: runs one task at a time and posts its result or its error. */
parentPort!.on('message', (message: { id: number; task: CpuTaskName; args: unknown[] }) => {
  try {
    const run = CPU_TASKS[message.task] as (...args: unknown[]) => unknown;
    parentPort!.postMessage({ id: message.id, result: run(...message.args) });
  } catch (err) {
    parentPort!.postMessage({ id: message.id, error: carryError(err) });
  }
});
