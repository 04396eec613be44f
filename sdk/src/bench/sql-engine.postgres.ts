import pg from 'pg';
import { startThrowawayPostgres } from '../tools/throwaway-postgres.js';
import { ORDER_COLUMNS } from './sql-engine.fixtures.js';

/** A throwaway PostgreSQL holding `rows` orders in public.orders (primary key order_id), for the bench. */
export async function startBenchPostgres(
  dir: string,
  rows: number,
): Promise<{ url: string; location: string; stop(): Promise<void> }> {
  const db = await startThrowawayPostgres(dir);
  const client = new pg.Client(db.url);
  await client.connect();
  try {
    const columns = ORDER_COLUMNS(
      'i',
      'gen_random_uuid()::text',
      "TIMESTAMPTZ '2024-01-01 00:00:00+00' + make_interval(secs => i)",
    );
    await client.query(`CREATE TABLE public.orders AS SELECT ${columns} FROM generate_series(0, ${rows - 1}) AS t(i)`);
    await client.query('ALTER TABLE public.orders ADD PRIMARY KEY (order_id)');
    await client.query('VACUUM ANALYZE public.orders');
  } finally {
    await client.end();
  }
  return { url: db.url, location: `postgres://127.0.0.1:${db.port}/postgres/public.orders`, stop: db.stop };
}
