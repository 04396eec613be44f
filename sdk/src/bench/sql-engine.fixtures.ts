import { loadDuckDb } from '../io/sql/duckdb-load.js';

/** The orders contract of the SQL engine bench: like the demo's, with a uuid, patterns, bounds, an enum. */
export const BENCH_CONTRACT_SQL = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['order_id', 'customer_id', 'amount', 'currency', 'status', 'created_at', 'quantity'],
  properties: {
    order_id: { type: 'string', format: 'uuid', 'x-primary-key': true },
    customer_id: { type: 'string', pattern: '^cus-[0-9]+$' },
    amount: { type: 'number', minimum: 0 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    status: { type: 'string', enum: ['placed', 'shipped', 'delivered', 'cancelled'] },
    created_at: { type: 'string', format: 'date-time' },
    quantity: { type: 'integer', minimum: 1 },
  },
};

const STATUSES = "'placed', 'shipped', 'delivered', 'cancelled'";

export const BENCH_DESCRIPTOR = `apiVersion: dmesh.io/v1
kind: DataProduct
metadata:
  domain: bench
  name: orders
  version: 1.0.0
  title: Orders
  description: The SQL engine benchmark's orders, one row per order.
  owner: { team: bench-team, email: bench-team@example.com }
  tags: [bench]
  classification: internal
  tier: bronze
spec:
  outputs:
    - name: orders
      kind: table
      format: parquet
      location: s3://lake/bench/orders/
      contract: contracts/orders.schema.json
      quality:
        - { rule: unique, field: order_id }
        - { rule: not_null, fields: [order_id, customer_id, amount] }
        - { rule: accepted_values, field: status, values: [placed, shipped, delivered, cancelled] }
        - { rule: range, field: amount, min: 0 }
        - { rule: regex, field: currency, pattern: "^[A-Z]{3}$" }
`;

/**
 * The same checks written by hand as one DuckDB statement: the baseline of
 * test.sql_parquet_raw_ratio. Every contract keyword and rule of the bench
 * product is here once (a human writes the enum and accepted_values, the
 * pattern and the regex rule, the required fields and not_null once each).
 */
export const RAW_DUCKDB = (glob: string) => `
SELECT count(*) AS records,
  count(*) - count(DISTINCT order_id) AS duplicate_order_ids,
  count(*) FILTER (WHERE order_id IS NULL OR customer_id IS NULL OR amount IS NULL OR currency IS NULL
    OR status IS NULL OR created_at IS NULL OR quantity IS NULL) AS missing,
  count(*) FILTER (WHERE NOT regexp_matches(order_id, '^(?i:urn:uuid:)?[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$')) AS bad_uuid,
  count(*) FILTER (WHERE NOT regexp_matches(customer_id, '^cus-[0-9]+$')) AS bad_customer,
  count(*) FILTER (WHERE amount < 0 OR NOT isfinite(amount)) AS bad_amount,
  count(*) FILTER (WHERE NOT regexp_matches(currency, '^[A-Z]{3}$')) AS bad_currency,
  count(*) FILTER (WHERE status NOT IN (${STATUSES})) AS bad_status,
  count(*) FILTER (WHERE quantity < 1) AS bad_quantity
FROM read_parquet('${glob}')`;

/** The same checks by hand in PostgreSQL: the baseline of test.pg_1m_raw_ratio. */
export const RAW_POSTGRES = `
SELECT count(*) AS records,
  count(*) - count(DISTINCT order_id) AS duplicate_order_ids,
  count(*) FILTER (WHERE order_id IS NULL OR customer_id IS NULL OR amount IS NULL OR currency IS NULL
    OR status IS NULL OR created_at IS NULL OR quantity IS NULL) AS missing,
  count(*) FILTER (WHERE order_id !~* '^(urn:uuid:)?[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$') AS bad_uuid,
  count(*) FILTER (WHERE customer_id !~ '^cus-[0-9]+$') AS bad_customer,
  count(*) FILTER (WHERE amount < 0 OR amount IN ('NaN', 'Infinity', '-Infinity')) AS bad_amount,
  count(*) FILTER (WHERE currency !~ '^[A-Z]{3}$') AS bad_currency,
  count(*) FILTER (WHERE status NOT IN (${STATUSES})) AS bad_status,
  count(*) FILTER (WHERE quantity < 1) AS bad_quantity
FROM public.orders`;

/** Orders as SQL over DuckDB's range(i) / PostgreSQL's generate_series(i): valid, like a clean load. */
export const ORDER_COLUMNS = (i: string, uuid: string, at: string) => `
  ${uuid} AS order_id,
  'cus-' || (${i} % 50000) AS customer_id,
  ((${i} % 10000) * 137 / 10000.0)::DOUBLE PRECISION AS amount,
  (ARRAY['EUR', 'USD', 'GBP', 'SEK'])[${i} % 4 + 1] AS currency,
  (ARRAY[${STATUSES}])[${i} % 4 + 1] AS status,
  ${at} AS created_at,
  (1 + ${i} % 9)::INTEGER AS quantity`;

/** Writes `rows` orders as `files` Parquet files in `dir` (part-0.parquet, …). */
export async function writeOrdersParquet(
  dir: string,
  rows: number,
  files: number,
  codec: 'zstd' | 'snappy',
): Promise<void> {
  const { DuckDBInstance } = await loadDuckDb();
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const per = Math.ceil(rows / files);
  for (let f = 0; f < files; f++) {
    const columns = ORDER_COLUMNS('i', 'uuid()::VARCHAR', "TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(i)");
    await conn.run(
      `COPY (SELECT ${columns} FROM range(${f * per}, ${Math.min(rows, (f + 1) * per)}) AS t(i)) TO '${dir}/part-${f}.parquet' (FORMAT parquet, COMPRESSION ${codec})`,
    );
  }
  conn.closeSync();
  db.closeSync();
}
