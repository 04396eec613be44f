export * from './core/index.js';
export { loadProduct, checkLoadedProduct, ProductLoadError, type LoadedProduct } from './io/load-product.js';
export { parseYaml, parseJson } from './io/parse-files.js';
// Pipeline entry points: test a batch and report the SLA observation (see domains/sales/orders/pipeline/).
export { runDataTest, type RunDataTestOptions, type DataTestRunResult } from './io/data/run-data-test.js';
// The same test where the data lives: DuckDB over Parquet folders, a PostgreSQL table in place (one verdict).
export { runSqlTest, type RunSqlTestOptions, type SqlTestRunResult } from './io/sql/run-sql-test.js';
export { runPostgresStream, type PostgresStreamOptions } from './io/sql/postgres-stream.js';
export { buildObservation, type DataObservation } from './core/quality/observation.js';
// In-memory quality checks with typed rules: the same rule shapes dataproduct.yaml holds (a port's
// `quality` array can be passed as it is), the same evaluation as `dmesh test`.
export {
  validateRecords,
  QUALITY_RULE_NAMES,
  type ValidateRecordsOptions,
  type DataTestReport,
  type RuleResult,
  type FailureExample,
  type NotNullRule,
  type UniqueRule,
  type AcceptedValuesRule,
  type RangeRule,
  type RegexRule,
  type RowCountRule,
  type FreshnessRule,
  type RelationshipRule,
  type QualityRuleName,
} from './core/quality/index.js';
export { createRegistryClient, type RegistryClient, type RegistrySchemas } from './io/registry-client.js';
export { RegistryConnectionError, RegistryTimeoutError, type RegistryFetchOptions } from './io/registry-fetch.js';
