// One PostgreSQL per SDK test run, for the SQL engine's PostgreSQL tests (ARCHITECTURE.md
// "Tests": whatever a test needs, the test setup starts itself). Plain JS over the built SDK:
// jest loads globalSetup outside its transform, and `npm test` builds first.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startThrowawayPostgres } from '../dist/tools/throwaway-postgres.js';

export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'dmesh-sdk-pg-'));
  const db = await startThrowawayPostgres(dir);
  process.env.DMESH_TEST_PG_URL = db.url;
  process.env.DMESH_TEST_PG_DIR = dir;
  globalThis.__dmeshSdkTestPg = db;
}
