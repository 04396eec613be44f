import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.__dmeshSdkTestPg?.stop();
  if (process.env.DMESH_TEST_PG_DIR) rmSync(process.env.DMESH_TEST_PG_DIR, { recursive: true, force: true });
}
