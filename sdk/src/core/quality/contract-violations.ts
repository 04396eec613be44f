import type { ErrorObject } from 'ajv/dist/2020.js';
import { MAX_EXAMPLES } from './result.js';

export interface ViolationExample {
  line: number;
  /** The exact JSON path of the value (array indices kept). */
  path: string;
  message: string;
  record?: unknown;
}

/** One kind of contract violation: a JSON path (array indices as `*`) and an ajv keyword. */
export interface ViolationGroup {
  path: string;
  keyword: string;
  message: string;
  /** Records with this violation. */
  count: number;
  examples: ViolationExample[];
}

export interface ViolationsPartial {
  failedRecords: number;
  groups: ViolationGroup[];
}

/** Array indices become `*` so `/items/0/sku` and `/items/7/sku` are one kind. */
export function groupPath(instancePath: string): string {
  return (instancePath || '/').replace(/\/\d+(?=\/|$)/g, '/*');
}

/**
 * Groups ajv errors per kind. Partials merge in line order, so the order of
 * groups (first seen) and of examples (lowest lines) equals a one-thread run.
 */
export class ContractViolations {
  private failedRecords = 0;
  private groups = new Map<string, ViolationGroup>();

  observe(errors: ErrorObject[], record: unknown, line: number): void {
    this.failedRecords++;
    const seen = new Set<string>();
    for (const e of errors) {
      const path = groupPath(e.instancePath);
      const key = `${path} ${e.keyword}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const message = e.message ?? e.keyword;
      const example = { line, path: e.instancePath || '/', message, record };
      this.add({ path, keyword: e.keyword, message, count: 1, examples: [example] });
    }
  }

  take(): ViolationsPartial {
    const partial = { failedRecords: this.failedRecords, groups: [...this.groups.values()] };
    this.failedRecords = 0;
    this.groups = new Map();
    return partial;
  }

  merge(partial: ViolationsPartial): void {
    this.failedRecords += partial.failedRecords;
    for (const group of partial.groups) this.add(group);
  }

  private add(group: ViolationGroup): void {
    const key = `${group.path} ${group.keyword}`;
    const existing = this.groups.get(key);
    if (!existing) {
      this.groups.set(key, { ...group, examples: group.examples.slice(0, MAX_EXAMPLES) });
      return;
    }
    existing.count += group.count;
    for (const example of group.examples) {
      if (existing.examples.length >= MAX_EXAMPLES) break;
      existing.examples.push(example);
    }
  }

  result(): ViolationsPartial {
    return { failedRecords: this.failedRecords, groups: [...this.groups.values()] };
  }
}
