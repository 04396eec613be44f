// Plain JS over the built registry: jest loads globalSetup outside its module
// mapper, and `npm test` builds every package first (turbo: test dependsOn build).
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../dist/database/data-source.js';
import { startEmbeddedPostgres } from '../dist/database/embedded-postgres.js';

const TEMPLATE_DB = 'dmesh_template';

/**
 * One embedded PostgreSQL per test run, in a temporary folder outside the repo
 * on a free loopback port (so parallel package runs and a running `npm start`
 * never collide), migrated once into a template database.
 */
export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'dmesh-test-pg-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user, which must be able to enter it
  const db = await startEmbeddedPostgres({ dataDir: dir });
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const ds = await openDatabase(db.url.replace(/\/postgres$/, `/${TEMPLATE_DB}`));
  await ds.destroy();
  process.env.DMESH_TEST_PG_URL = db.url;
  process.env.DMESH_TEST_PG_DIR = dir;
  globalThis.__dmeshTestPg = db;
}
