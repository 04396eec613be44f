import { bundleHash, checkCompatibility, validateProduct, type ProductBundle } from '@dmesh/sdk';

/**
 * The CPU-heavy steps the registry may run off the event loop: each is a pure
 * function of plain (structured-clonable) data, so it runs the same in a
 * worker thread and inline.
 */
export const CPU_TASKS = {
  /** The SDK's compatibility check of a proposed contract against earlier ones. */
  compatibility: (...args: Parameters<typeof checkCompatibility>) => checkCompatibility(...args),
  /**
   * The same check, answering only the breaking changes: impact analysis
   * needs no more, and a proposed schema of thousands of new properties would
   * otherwise send thousands of harmless changes back across the threads.
   */
  breakingChanges: (...args: Parameters<typeof checkCompatibility>) => {
    const report = checkCompatibility(...args);
    return { ...report, changes: report.changes.filter((c) => c.breaking) };
  },
  /** Shape and rule problems of a publish bundle, and its content hash when it has none. */
  checkBundle: (bundle: ProductBundle) => {
    const problems = validateProduct(bundle);
    return { problems, contentHash: problems.length ? undefined : bundleHash(bundle) };
  },
};

export type CpuTasks = typeof CPU_TASKS;
export type CpuTaskName = keyof CpuTasks;

/** An error as it crosses the thread boundary: its name, message and the SDK's `problems`, when it has them. */
export interface CarriedError {
  name: string;
  message: string;
  problems?: unknown;
}

export const carryError = (err: unknown): CarriedError => ({
  name: (err as Error)?.name ?? 'Error',
  message: (err as Error)?.message ?? String(err),
  ...((err as { problems?: unknown })?.problems !== undefined && { problems: (err as { problems: unknown }).problems }),
});

export const restoreError = (carried: CarriedError): Error =>
  Object.assign(new Error(carried.message), { name: carried.name, problems: carried.problems });
