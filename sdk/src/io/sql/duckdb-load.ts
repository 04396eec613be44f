import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqlEngineError } from './engine.js';

type DuckDbModule = typeof import('@duckdb/node-api');

export const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.6-r.1';

/**
 * DuckDB ships a ~68 MB native package per platform, so it is an optional
 * dependency of @dmesh/sdk: loaded only when the SQL engine runs, with a
 * message saying how to install it when it is not there.
 */
export async function loadDuckDb(
  importer: () => Promise<unknown> = () => import('@duckdb/node-api'),
): Promise<DuckDbModule> {
  try {
    return (await importer()) as DuckDbModule;
  } catch (err) {
    throw new SqlEngineError(
      `the SQL engine needs DuckDB, which is not installed (${(err as Error).message.split('\n')[0]}). ` +
        `Install it next to @dmesh/sdk with: npm i ${DUCKDB_PACKAGE} — or test with --engine stream`,
    );
  }
}

/** An in-memory DuckDB that reaches no network: extensions are never installed or loaded on demand. */
export async function openDuckDb() {
  const { DuckDBInstance } = await loadDuckDb();
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    temp_directory: join(tmpdir(), `dmesh-duckdb-${process.pid}`),
  });
  return { instance, conn: await instance.connect() };
}
