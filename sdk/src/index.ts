export * from './core/index.js';
export { loadProduct, checkLoadedProduct, ProductLoadError, type LoadedProduct } from './io/load-product.js';
export { parseYaml, parseJson } from './io/parse-files.js';
// Pipeline entry points: test a batch and report the SLA observation (see domains/sales/orders/pipeline/).
export { runDataTest, type RunDataTestOptions, type DataTestRunResult } from './io/data/run-data-test.js';
// The same test where the data lives: DuckDB over Parquet folders, a PostgreSQL table in place (one verdict).
export { runSqlTest, type RunSqlTestOptions, type SqlTestRunResult } from './io/sql/run-sql-test.js';
export { runPostgresStream, type PostgresStreamOptions } from './io/sql/postgres-stream.js';
export { buildObservation, type DataObservation } from './core/quality/observation.js';
export { createRegistryClient, type RegistryClient, type RegistrySchemas } from './io/registry-client.js';
