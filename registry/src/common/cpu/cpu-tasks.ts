import {
  bundleHash,
  checkCompatibility,
  readerImpact,
  validateProduct,
  type CompatibilityChange,
  type CompatibilityMode,
  type ProductBundle,
} from '@dmesh/sdk';

const breakingOnly = (changes: CompatibilityChange[]) => changes.filter((c) => c.breaking);

/**
 * The CPU-heavy steps the registry may run off the event loop: each is a pure
 * function of plain (structured-clonable) data, so it runs the same in a
 * worker thread and inline.
 */
export const CPU_TASKS = {
  /** The SDK's compatibility check of a proposed contract against earlier ones. */
  compatibility: (...args: Parameters<typeof checkCompatibility>) => checkCompatibility(...args),
  /**
   * What a proposed contract means for a port's readers (lineage/impact.ts): the verdict of the port's mode
   * (the publish gate), the FORWARD-breaking changes (what a reader without field lineage may meet) and, per field
   * read through field lineage, whether it breaks (the SDK's readerImpact). Only breaking changes cross back: a
   * proposed schema of thousands of new properties would otherwise send thousands of harmless changes.
   */
  readerImpact: (
    current: unknown,
    proposed: unknown,
    mode: CompatibilityMode,
    labels: { previous: string; next: string },
    readPaths: string[],
  ) => {
    const options = { labels: { previous: [labels.previous], next: labels.next } };
    const gate = checkCompatibility(current, proposed, mode, options);
    const forward = mode === 'FORWARD' ? gate : checkCompatibility(current, proposed, 'FORWARD', options);
    return {
      compatible: gate.compatible,
      requiredBump: gate.requiredBump,
      changes: breakingOnly(gate.changes),
      forward: breakingOnly(forward.changes),
      readers: readPaths.length ? readerImpact(current, proposed, readPaths) : [],
    };
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
