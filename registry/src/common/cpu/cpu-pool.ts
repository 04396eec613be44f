import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { RequestError } from '../registry-error.js';
import { CPU_TASKS, restoreError, type CarriedError, type CpuTaskName, type CpuTasks } from './cpu-tasks.js';
import { workerFile } from './worker-file.js';

export interface CpuPoolOptions {
  /** Worker threads (default: the cores but one, at least 1, at most 2). */
  threads: number;
  /** Tasks waiting for a thread beyond this are refused with 503 BUSY. */
  maxQueue: number;
  /** A task running longer is stopped (its thread replaced) and refused with 503 TIMEOUT. */
  timeoutMs: number;
}

export const CPU_POOL_OPTIONS = Symbol('CPU_POOL_OPTIONS');

export const defaultCpuPoolOptions = (): CpuPoolOptions => ({
  threads: Math.max(1, Math.min(2, availableParallelism() - 1)),
  maxQueue: 16,
  timeoutMs: 10_000,
});

type Result<K extends CpuTaskName> = ReturnType<CpuTasks[K]>;

interface Job {
  id: number;
  task: CpuTaskName;
  args: unknown[];
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/**
 * Runs the CPU-heavy steps of a request (compatibility of large contracts,
 * validation of large bundles) on worker threads, so the event loop keeps
 * answering — /health/live among others — while they run. Bounded in queue
 * length and in time per task. Without a built worker file (running from
 * TypeScript sources) tasks run inline.
 */
@Injectable()
export class CpuPool implements OnApplicationShutdown {
  private readonly options: CpuPoolOptions;
  private readonly file = workerFile();
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(@Optional() @Inject(CPU_POOL_OPTIONS) options?: Partial<CpuPoolOptions>) {
    this.options = { ...defaultCpuPoolOptions(), ...options };
  }

  /** Runs a task on a worker thread (inline when `offload` is false or no worker file exists). */
  run<K extends CpuTaskName>(task: K, args: Parameters<CpuTasks[K]>, offload = true): Promise<Result<K>> {
    if (!offload || !this.file) return Promise.resolve((CPU_TASKS[task] as (...a: unknown[]) => Result<K>)(...args));
    if (this.closed) return Promise.reject(new RequestError('UNAVAILABLE', 'the registry is stopping'));
    if (this.queue.length >= this.options.maxQueue) {
      return Promise.reject(
        new RequestError('BUSY', `${this.queue.length} heavy checks are waiting already; retry in a moment`),
      );
    }
    return new Promise<Result<K>>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, args, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new RequestError('UNAVAILABLE', 'the registry is stopping'));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length && !this.closed) {
      const slot = this.slots.find((s) => !s.job) ?? this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => this.timedOut(slot), this.options.timeoutMs);
      slot.worker.postMessage({ id: job.id, task: job.task, args: job.args });
    }
  }

  private spawn(): Slot | undefined {
    if (this.slots.length >= this.options.threads) return undefined;
    const slot: Slot = { worker: new Worker(this.file!) };
    slot.worker.unref();
    slot.worker.on('message', (m: { id: number; result?: unknown; error?: CarriedError }) => {
      const job = this.finish(slot);
      if (!job || job.id !== m.id) return;
      if (m.error) job.reject(restoreError(m.error));
      else job.resolve(m.result);
    });
    slot.worker.on('error', (err) => this.finish(slot, true)?.reject(err));
    slot.worker.on('exit', () => this.finish(slot, true)?.reject(new Error('a CPU worker thread stopped')));
    this.slots.push(slot);
    return slot;
  }

  /** Frees a slot (dropping it when its thread is gone) and hands out the next job. */
  private finish(slot: Slot, gone = false): Job | undefined {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    if (gone && this.slots.includes(slot)) this.slots.splice(this.slots.indexOf(slot), 1);
    setImmediate(() => this.dispatch());
    return job;
  }

  private timedOut(slot: Slot): void {
    const job = this.finish(slot, true);
    void slot.worker.terminate();
    job?.reject(
      new RequestError('TIMEOUT', `the check took longer than ${this.options.timeoutMs / 1000} s and was stopped`, [
        { code: 'CPU_TIMEOUT', message: `${job.task} over its time budget`, fix: 'send a smaller schema' },
      ]),
    );
  }
}
