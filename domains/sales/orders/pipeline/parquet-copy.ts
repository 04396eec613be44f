// The same orders as Parquet, the way a lake table holds them: typed columns (timestamps as
// TIMESTAMP WITH TIME ZONE, the total as DOUBLE) in a folder partitioned by sales channel. The
// SQL engine tests such a folder where it lies: `dmesh test --engine sql --data <folder>`
// (--engine auto picks it for folders and globs). Needs DuckDB (npm i @duckdb/node-api).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SAMPLE_DATA } from './test-and-report.js';

/** Writes data/orders.jsonl as `<outDir>/sales_channel=<web|mobile|store>/*.parquet` and returns the folder. */
export async function writeParquetCopy(outDir: string, jsonl = SAMPLE_DATA): Promise<string> {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const db = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await db.connect();
  const columns = `{order_id: 'VARCHAR', customer_id: 'VARCHAR', ordered_at: 'TIMESTAMPTZ', status: 'VARCHAR',
    sales_channel: 'VARCHAR', coupon_code: 'VARCHAR', currency: 'VARCHAR', total_amount: 'DOUBLE', item_count: 'INTEGER',
    shipping_country: 'VARCHAR', updated_at: 'TIMESTAMPTZ'}`;
  await connection.run(
    `COPY (SELECT * FROM read_json('${jsonl}', columns = ${columns}))
     TO '${dir}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (sales_channel), OVERWRITE_OR_IGNORE)`,
  );
  connection.closeSync();
  db.closeSync();
  return dir;
}
