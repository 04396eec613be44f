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
