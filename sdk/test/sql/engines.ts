import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';

/** A DuckDB of the test's own, for writing Parquet fixtures and evaluating SQL expressions. */
export async function duckdb(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  return instance.connect();
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The test run's PostgreSQL (test/global-setup.js), with a database of this test file's own. */
export async function postgresDatabase(
  name: string,
): Promise<{ url: string; client: pg.Client; location: (table: string) => string }> {
  const admin = process.env.DMESH_TEST_PG_URL;
  if (!admin) throw new Error('DMESH_TEST_PG_URL is not set: the SDK jest globalSetup starts PostgreSQL');
  const database = `${name}_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const root = new pg.Client(admin);
  await root.connect();
  await root.query(`CREATE DATABASE ${database}`);
  await root.end();
  const url = admin.replace(/\/postgres$/, `/${database}`);
  const client = new pg.Client(url);
  await client.connect();
  const { host } = new URL(url);
  return { url, client, location: (table) => `postgres://${host}/${database}/public.${table}` };
}

/** Evaluates SQL boolean expressions over many texts at once: one query per expression. */
export async function duckdbTruth(
  conn: DuckDBConnection,
  texts: string[],
  expr: (column: string) => string,
): Promise<boolean[]> {
  const values = texts.map((t, i) => `(${i}, '${t.replace(/'/g, "''")}')`).join(', ');
  const reader = await conn.runAndReadAll(`SELECT i, ${expr('s')} AS v FROM (VALUES ${values}) AS t(i, s) ORDER BY i`);
  return reader.getRows().map((r) => r[1] === true);
}

export async function postgresTruth(
  client: pg.Client,
  texts: string[],
  expr: (column: string) => string,
): Promise<boolean[]> {
  const { rows } = await client.query(
    `SELECT i, ${expr('s')} AS v FROM unnest($1::text[]) WITH ORDINALITY AS t(s, i) ORDER BY i`,
    [texts],
  );
  return rows.map((r) => r.v === true);
}
