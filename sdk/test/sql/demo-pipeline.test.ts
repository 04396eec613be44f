import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPortForTest } from '../../src/cli/load-port.js';
import { runDataTest } from '../../src/io/data/run-data-test.js';
import { runSqlTest } from '../../src/io/sql/run-sql-test.js';
import { tempDir } from './engines.js';

const ORDERS = fileURLToPath(new URL('../../../domains/sales/orders', import.meta.url));
/** The pipeline step that writes the Parquet copy (a domain's file: imported by URL, outside the SDK's sources). */
const PARQUET_COPY: string = '../../../domains/sales/orders/pipeline/parquet-copy.js';
const PROFILES = fileURLToPath(new URL('../../../domains/customers/profiles/data/profiles.jsonl', import.meta.url));
const NOW = new Date('2026-11-21T19:00:00Z');
const dir = tempDir('dmesh-demo-sql-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the demo's pipeline on both engines", () => {
  it('gives the Parquet copy in a partitioned folder (SQL engine) the verdict of the JSONL sample (streaming engine)', async () => {
    const port = await loadPortForTest(ORDERS, 'orders');
    const { writeParquetCopy } = (await import(PARQUET_COPY)) as { writeParquetCopy(dir: string): Promise<string> };
    const folder = await writeParquetCopy(join(dir, 'orders'));
    expect(readdirSync(folder).sort()).toEqual(['sales_channel=mobile', 'sales_channel=store', 'sales_channel=web']);
    const refData = { 'customers.profiles/profiles': PROFILES };
    const common = { contract: port.contract, rules: port.quality, refData, now: NOW };
    const stream = await runDataTest({ ...common, file: join(ORDERS, 'data/orders.jsonl'), workers: 1 });
    const sql = await runSqlTest({ ...common, data: folder, cwd: dir });
    const summary = (r: typeof stream.report) => ({
      passed: r.passed,
      records: r.records,
      complete: r.complete,
      contract: r.contract.passed,
      rules: r.rules.map((x) => [x.rule, x.checked, x.failed, x.passed, x.newest]),
    });
    expect(summary(sql.report)).toEqual(summary(stream.report));
    expect(sql.report).toMatchObject({ engine: 'sql', passed: true, records: 96 });
    // sales_channel is a partition column the contract names: it is in every record, and checked
    expect(sql.report.placement).toContainEqual({ check: 'contract /sales_channel enum', engine: 'sql' });
  }, 60_000); // two engines, DuckDB started cold, and a Parquet folder written: seconds on a busy CI host
});
