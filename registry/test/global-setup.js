// Plain JS over the built registry: jest loads globalSetup outside its module
// mapper, and `npm test` builds every package first (turbo: test dependsOn build).
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../dist/database/embedded-postgres.js';
import { migrateAsOwner } from '../dist/database/roles.js';

const TEMPLATE_DB = 'dmesh_template';

/**
 * One embedded PostgreSQL per test run, in a temporary folder outside the repo
 * on a free loopback port (so parallel package runs and a running `npm start`
 * never collide), migrated once into a template database. fsync is off: the folder is deleted after the run.
 */
export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'dmesh-test-pg-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user, which must be able to enter it
  const db = await startEmbeddedPostgres({ dataDir: dir, fsync: false }); // a throw-away folder
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  // Migrated by the owner, with the runtime role's grants: every clone serves tests as the runtime role, as the registry does.
  const template = (url) => url.replace(/\/postgres$/, `/${TEMPLATE_DB}`);
  await migrateAsOwner(template(db.url), template(db.runtimeUrl));
  process.env.DMESH_TEST_PG_URL = db.url;
  process.env.DMESH_TEST_PG_RUNTIME_URL = db.runtimeUrl;
  process.env.DMESH_TEST_PG_DIR = dir;
  globalThis.__dmeshTestPg = db;
}
