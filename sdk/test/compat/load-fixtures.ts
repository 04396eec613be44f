import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompatibilityMode, RequiredBump } from '../../src/core/compat/index.js';

/**
 * One fixture case: `previous` (one schema, or a list oldest first for the
 * transitive modes), `next`, the verdict, the change codes that must appear
 * and optionally the required bump and records with their expected validity.
 * Mode defaults to BACKWARD.
 */
export interface FixtureCase {
  name: string;
  file: string;
  mode?: CompatibilityMode;
  previous: unknown;
  next: unknown;
  compatible: boolean;
  codes?: string[];
  bump?: RequiredBump;
  /** Records with their validity under the (last) previous and the next version, each by its own draft. */
  records?: { value: unknown; previous: boolean; next: boolean }[];
}

export const FIXTURE_DIR = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures');

export function loadFixtures(dir = FIXTURE_DIR): FixtureCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) =>
      (JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<FixtureCase, 'file'>[]).map((c) => ({ ...c, file })),
    );
}
