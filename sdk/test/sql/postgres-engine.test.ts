import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { SqlEngineError } from '../../src/io/sql/engine.js';
import { connectionConfig, parsePostgresLocation } from '../../src/io/sql/postgres-location.js';
import { runPostgresStream } from '../../src/io/sql/postgres-stream.js';
import { runSqlTest } from '../../src/io/sql/run-sql-test.js';
import { postgresDatabase, tempDir } from './engines.js';

const NOW = new Date('2024-06-01T12:00:00Z');
const dir = tempDir('dmesh-pg-engine-');
let db: { client: pg.Client; url: string; location: (t: string) => string };

/** Types the compiler has no typed view for (jsonb, arrays, char(n), enums, domains, intervals) read through to_jsonb. */
const CONTRACT = {
  type: 'object',
  required: ['id', 'doc'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', 'x-primary-key': true },
    doc: { type: 'object', required: ['sku'] },
    tags: { type: 'array', maxItems: 2 },
    code: { type: 'string', maxLength: 3 },
    mood: { enum: ['ok', 'sad'] },
    cents: { type: 'integer', minimum: 0 },
    wait: { type: 'string', pattern: '^\\d+ days?$' },
    big: { type: 'integer', multipleOf: 2 },
    ratio: { type: 'number', maximum: 1 },
    at: { type: 'string', format: 'date-time', 'x-timezone': 'UTC' },
  },
};

beforeAll(async () => {
  db = await postgresDatabase('engine');
  await db.client.query(`
    CREATE TYPE mood AS ENUM ('ok', 'sad', 'angry');
    CREATE DOMAIN cents AS integer;
    CREATE TABLE orders (
      id integer PRIMARY KEY, doc jsonb, tags text[], code char(4), mood mood, cents cents,
      wait interval, big bigint, ratio double precision, at timestamp);
    INSERT INTO orders VALUES
      (1, '{"sku": "a"}', '{x}', 'ab', 'ok', 5, '2 days', 2, 0.5, '2024-06-01 10:00:00'),
      (2, '{"name": "b"}', '{x,y,z}', 'abcd', 'angry', -1, '1 mon', 9007199254740993, 'NaN', '2024-06-01 11:00:00.25'),
      (3, 'null', NULL, NULL, NULL, NULL, NULL, NULL, 'Infinity', 'infinity'),
      (4, '[1]', '{}', 'x', 'sad', 0, '3 days', -4, 1.5, '0044-03-15 10:00:00 BC');`);
});
afterAll(async () => {
  await db.client.end();
  rmSync(dir, { recursive: true, force: true });
});

// the SQL engine on a PostgreSQL table
it('the SQL engine on a PostgreSQL table: gives the streaming engine’s verdict on types it reads through to_jsonb, in place', async () => {
  const rules = [
    { rule: 'unique' as const, field: 'big' },
    { rule: 'not_null' as const, fields: ['doc', 'tags'] },
    { rule: 'freshness' as const, field: 'at', maxAge: 'PT1H' },
    { rule: 'range' as const, field: 'ratio', max: 1 },
  ];
  const options = { data: db.location('orders'), contract: CONTRACT, rules, now: NOW, connection: db.url };
  const stream = await runPostgresStream({ ...options, rejectFile: join(dir, 'stream.jsonl') });
  const sql = await runSqlTest({ ...options, cwd: dir, rejectFile: join(dir, 'sql.jsonl') });
  const strip = ({ engine: _e, placement: _p, streamedRows: _s, ...rest }: Record<string, unknown>) => rest;
  expect(strip(sql.report as never)).toEqual(strip(stream.report as never));
  expect(readFileSync(join(dir, 'sql.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'stream.jsonl'), 'utf8'));
  expect(stream.report).toMatchObject({ engine: 'stream', streamedRows: 4 });
  expect(sql.report.engine).toBe('sql');
  // rows SQL cannot represent exactly (a bigint beyond 2^53, a BC timestamp) were the only ones read out
  expect(sql.report.streamedRows).toBeLessThan(4);
  // char(4) keeps its padding, a JSON null in jsonb counts as absent, NaN is the text "NaN"
  expect(sql.report.contract.violations.map((v) => `${v.path} ${v.keyword} ${v.count}`)).toEqual(
    expect.arrayContaining([
      '/code maxLength 3',
      '/ required 1',
      '/doc type 1',
      '/tags maxItems 1',
      '/mood enum 1',
      '/ratio type 2',
    ]),
  );
});

it('the SQL engine on a PostgreSQL table: names and orders rows by the contract’s x-primary-key, which it requires', async () => {
  const contract = { type: 'object', properties: { id: { type: 'integer' } } };
  await expect(runSqlTest({ data: db.location('orders'), cwd: dir, contract, connection: db.url })).rejects.toThrow(
    /names no primary key; mark the key field\(s\) with "x-primary-key": true/,
  );
});

it('the SQL engine on a PostgreSQL table: says what is wrong with a location, a missing table or an unreachable server', async () => {
  expect(parsePostgresLocation('postgres://wh:6432/sales/public.orders')).toEqual({
    host: 'wh',
    port: 6432,
    database: 'sales',
    schema: 'public',
    table: 'orders',
  });
  expect(() => parsePostgresLocation('postgres://wh/sales/orders')).toThrow(
    /does not name a table; write postgres:\/\/host\[:port\]\/<database>\/<schema>\.<table>/,
  );
  expect(() => parsePostgresLocation('postgres://u:secret@wh/sales/public.orders')).toThrow(
    /carries credentials; keep them out of the descriptor/,
  );
  expect(
    connectionConfig(
      parsePostgresLocation('postgres://wh/sales/public.orders'),
      'postgres://ann:p%40ss@elsewhere/x?sslmode=require',
    ),
  ).toEqual({
    host: 'wh',
    port: 5432,
    database: 'sales',
    application_name: 'dmesh test',
    user: 'ann',
    password: 'p@ss',
    ssl: true,
  });
  await expect(
    runSqlTest({ data: db.location('nope'), cwd: dir, contract: CONTRACT, connection: db.url }),
  ).rejects.toThrow(/no table public\.nope/);
  const unreachable = runSqlTest({ data: 'postgres://127.0.0.1:1/x/public.t', cwd: dir, contract: CONTRACT });
  await expect(unreachable).rejects.toThrow(SqlEngineError);
  await expect(unreachable).rejects.toMatchObject({ exitCode: 3 });
});
