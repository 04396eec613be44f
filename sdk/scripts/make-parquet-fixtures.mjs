#!/usr/bin/env node
// Writes the Parquet fixtures of test/data-test/fixtures/parquet-orders/data/ with a real-world
// writer, DuckDB (@duckdb/node-api, a devDependency): one file per standard codec, the same rows in
// each, with nullable, nested (struct, list of structs, list with null elements), decimal, date,
// time and timestamp (with and without time zone) columns. Run from sdk/:
//   node scripts/make-parquet-fixtures.mjs
// The files are committed; rerun only when the rows below change (DuckDB stamps its version in them).
/* global URL, console */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const OUT = fileURLToPath(new URL('../test/data-test/fixtures/parquet-orders/data/', import.meta.url));
export const CODECS = ['zstd', 'gzip', 'snappy', 'lz4_raw', 'brotli', 'uncompressed'];

const TABLE = `CREATE TABLE orders (
  order_id VARCHAR NOT NULL,
  customer_id VARCHAR,
  amount DECIMAL(10, 2),
  coupon_code VARCHAR,
  note VARCHAR,
  created_at TIMESTAMPTZ,
  updated_local TIMESTAMP,
  shipped_local TIMESTAMP,
  order_date DATE,
  pickup_time TIME,
  address STRUCT(city VARCHAR, zip VARCHAR),
  lines STRUCT(sku VARCHAR, qty INTEGER)[],
  tags VARCHAR[],
  quantity BIGINT
)`;

// Row 5 has no customer_id (required, not nullable in the contract); rows 2 and 4 have no coupon_code
// (optional, not nullable); note is nullable; row 3's address.zip and row 6's second line qty are null.
const ROWS = `INSERT INTO orders VALUES
  ('o1', 'c1', 19.99, 'SPRING', 'gift', '2024-05-01 10:00:00+00', '2024-05-01 12:00:00', '2024-05-02 08:00:00',
   '2024-05-01', '09:30:00', {'city': 'Oslo', 'zip': '0150'}, [{'sku': 'A-1', 'qty': 1}], ['new'], 1),
  ('o2', 'c2', 0.57, NULL, NULL, '2024-05-01 10:30:00.123456+00', '2024-12-01 12:00:00.5', NULL,
   '2024-05-01', '10:15:30.25', {'city': 'Rome', 'zip': '00184'}, [], ['gift', NULL], 2),
  ('o3', 'c1', 0.07, 'WINTER', NULL, '2024-05-01 11:00:00+00', '2024-05-01 13:00:00', NULL,
   '2024-04-30', '23:59:59', {'city': 'Paris', 'zip': NULL}, [{'sku': 'B-2', 'qty': 3}], [], 3),
  ('o4', 'c3', 1234.50, NULL, 'call first', '2024-05-01 11:15:00+00', NULL, '2024-05-03 09:00:00',
   '1999-12-31', NULL, NULL, NULL, NULL, 4),
  ('o5', NULL, 5.00, 'SPRING', NULL, '2024-05-01 11:30:00+00', '2024-05-01 14:00:00', NULL,
   '2024-05-01', '00:00:00', {'city': 'Oslo', 'zip': '0151'}, [{'sku': 'A-1', 'qty': 2}], ['new'], 5),
  ('o6', 'c2', 99.95, 'SUMMER', NULL, '2024-05-01 11:45:00+00', '2024-05-01 15:00:00', NULL,
   '2024-05-01', '12:00:00', {'city': 'Rome', 'zip': '00185'}, [{'sku': 'C-3', 'qty': 1}, {'sku': 'D-4', 'qty': NULL}],
   ['vip'], 9007199254740993)`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(TABLE);
await connection.run(ROWS);
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const codec of CODECS) {
  const file = join(OUT, `orders-${codec}.parquet`);
  await connection.run(
    `COPY (SELECT * FROM orders ORDER BY order_id) TO '${file}' (FORMAT parquet, COMPRESSION ${codec})`,
  );
  const check = await connection.runAndReadAll(
    `SELECT DISTINCT compression FROM parquet_metadata('${file}') ORDER BY ALL`,
  );
  console.log(
    `${file}: ${check
      .getRows()
      .map((r) => r[0])
      .join(', ')}`,
  );
}
connection.closeSync();
