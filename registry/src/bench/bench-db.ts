import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../database/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';

/** A throwaway embedded PostgreSQL, migrated, for one benchmark run. */
export async function benchDatabase(): Promise<{ url: string; dataSource: DataSource; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'dmesh-bench-'));
  chmodSync(dir, 0o755);
  // fsync off: the folder is deleted after the run, and figures stay comparable with earlier runs.
  const db = await startEmbeddedPostgres({ dataDir: dir, fsync: false });
  const dataSource = await openDatabase(db.url, { statementTimeoutMs: 0 }); // building a big catalog may take long
  return {
    url: db.url,
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
