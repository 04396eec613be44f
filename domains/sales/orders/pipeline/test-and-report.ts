// A pipeline step for sales.orders: test the batch a task just wrote against the
// port's contract and quality rules, then report the SLA observation to the
// registry. An Airflow PythonOperator/BashOperator or a Dagster op calls it after
// the load (or shells out to the same thing: `dmesh test --data <file> --report`).
// Two engines, one verdict: the streaming engine reads a file record by record; the SQL
// engine (`engine: 'sql'`) tests a Parquet folder with DuckDB, or a postgres:// table in its
// own database, without copying the data out (see parquet-copy.ts).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildObservation,
  checkLoadedProduct,
  createRegistryClient,
  loadProduct,
  runDataTest,
  runSqlTest,
  type DataObservation,
  type DataProduct,
} from '@dmesh/sdk';

/** This product's folder (the step ships next to its dataproduct.yaml). */
export const PRODUCT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface TestAndReportOptions {
  /** The batch to test: JSONL, CSV or Parquet; with `engine: 'sql'` a Parquet folder or glob, or postgres://… */
  dataFile: string;
  /** `stream` (default): record by record in Node; `sql`: in DuckDB or PostgreSQL, with the same verdict. */
  engine?: 'stream' | 'sql';
  /** PostgreSQL credentials for a postgres:// table (never stored). */
  connection?: string;
  port?: string;
  /** Reference data for relationship rules, e.g. { 'customers.profiles/profiles': 'profiles.jsonl' }. */
  refData?: Record<string, string>;
  registry: string;
  /** A publisher token for the sales domain (the orchestrator's secret store). */
  token: string;
  /** Where rejected rows go (a quarantine the task can inspect); none by default. */
  rejectFile?: string;
  workers?: number;
  now?: Date;
}

export interface TestAndReportResult {
  /** False when an error-level check failed: the task should fail (or quarantine) the batch. */
  passed: boolean;
  summary: { records: number; complete: number; errors: number; warnings: number };
  observation: DataObservation;
  /** The port's SLA status right after this observation, as the registry computed it. */
  slaStatus: string;
}

export async function testAndReport(options: TestAndReportOptions): Promise<TestAndReportResult> {
  const now = options.now ?? new Date();
  const loaded = await loadProduct(PRODUCT_DIR);
  const problems = checkLoadedProduct(loaded);
  if (problems.length)
    throw new Error(`${PRODUCT_DIR} is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const descriptor = loaded.bundle.descriptor as DataProduct;
  const port = descriptor.spec.outputs.find((o) => o.name === (options.port ?? 'orders'));
  if (!port)
    throw new Error(
      `sales.orders has no port "${options.port}"; ports: ${descriptor.spec.outputs.map((o) => o.name).join(', ')}`,
    );

  const common = {
    contract: loaded.bundle.contracts[port.contract],
    rules: port.quality ?? [],
    refData: Object.fromEntries(Object.entries(options.refData ?? {}).map(([id, file]) => [id, resolve(file)])),
    ...(options.rejectFile && { rejectFile: resolve(options.rejectFile) }),
    now,
  };
  const run =
    options.engine === 'sql'
      ? await runSqlTest({
          ...common,
          data: options.dataFile,
          cwd: process.cwd(),
          ...(options.connection && { connection: options.connection }),
        })
      : await runDataTest({
          ...common,
          file: resolve(options.dataFile),
          ...(options.workers && { workers: options.workers }),
        });
  const observation = buildObservation(run.report, now);

  // The generated client returns { data, error } instead of throwing: a registry outage must fail the task loudly.
  const client = createRegistryClient({ baseUrl: options.registry, token: options.token });
  const productId = `${descriptor.metadata.domain}.${descriptor.metadata.name}`;
  const { data, error, response } = await client.POST('/v1/products/{id}/ports/{port}/observations', {
    params: { path: { id: productId, port: port.name } },
    body: observation,
  });
  if (!data)
    throw new Error(
      `reporting the observation for ${productId}/${port.name} failed: ${response.status} ${JSON.stringify(error)}`,
    );

  const { records, complete, summary } = run.report;
  return {
    passed: run.report.passed,
    summary: { records, complete, ...summary },
    observation,
    slaStatus: data.sla.status,
  };
}

export const SAMPLE_DATA = join(PRODUCT_DIR, 'data', 'orders.jsonl');
export const PROFILES_DATA = join(PRODUCT_DIR, '..', '..', 'customers', 'profiles', 'data', 'profiles.jsonl');
