import pg from 'pg';
import { postgresDialect, POSTGRES_SESSION } from '../../core/sql/postgres/dialect.js';
import type { SourceColumn } from '../../core/sql/fields.js';
import { SqlEngineError, type SqlEngine } from './engine.js';
import { postgresToJson } from './postgres-values.js';
import { connectionConfig, locationLabel, parsePostgresLocation } from './postgres-location.js';

/**
 * A PostgreSQL table tested where it lives: statements run in its database,
 * rows leave it only when the report shows them or the streaming engine must
 * judge them. The session pins what `to_jsonb` output depends on.
 */
export async function openPostgresEngine(location: string, connection: string | undefined): Promise<SqlEngine> {
  const where = parsePostgresLocation(location);
  const label = locationLabel(where);
  const client = new pg.Client(connectionConfig(where, connection));
  try {
    await client.connect();
  } catch (err) {
    const e = new SqlEngineError(
      `cannot connect to ${label}: ${(err as Error).message}; check --connection (or DMESH_CONNECTION) and that the server is reachable`,
    ) as SqlEngineError & { exitCode?: number };
    e.exitCode = 3;
    throw e;
  }
  try {
    for (const statement of POSTGRES_SESSION) await client.query(statement);
    const encoding = (await client.query('SHOW server_encoding')).rows[0].server_encoding;
    if (encoding !== 'UTF8')
      throw new SqlEngineError(
        `${label}: the database encoding is ${encoding}; the SQL engine needs UTF8 (string lengths and patterns count code points)`,
      );
    const columns = await describe(client, where.schema, where.table, label);
    const relation = `${postgresDialect.ident(where.schema)}.${postgresDialect.ident(where.table)}`;
    return engine(client, { relation, columns, label });
  } catch (err) {
    await client.end();
    throw err;
  }
}

async function describe(client: pg.Client, schema: string, table: string, label: string): Promise<SourceColumn[]> {
  const { rows } = await client.query(
    `SELECT a.attname AS name,
            CASE WHEN t.typtype = 'e' OR b.typtype = 'e' THEN 'enum'
                 WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod)
                 ELSE format_type(a.atttypid, a.atttypmod) END AS type
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type b ON b.oid = t.typbasetype
      WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [schema, table],
  );
  if (rows.length === 0)
    throw new SqlEngineError(`${label}: no table ${schema}.${table} (or it has no columns); check the port's location`);
  return rows.map((r) => ({ name: r.name as string, nativeType: r.type as string }));
}

function engine(client: pg.Client, source: { relation: string; columns: SourceColumn[]; label: string }): SqlEngine {
  return {
    dialect: postgresDialect,
    format: 'postgres',
    multiFile: false,
    threads: 1,
    ...source,
    identity: (pk) => postgresDialect.identity(pk),
    async all(sql) {
      return (await client.query(sql)).rows;
    },
    async each(sql, onRows) {
      await client.query('BEGIN READ ONLY');
      try {
        await client.query(`DECLARE __dmesh_rows NO SCROLL CURSOR FOR ${sql}`);
        for (;;) {
          const { rows } = await client.query('FETCH 5000 FROM __dmesh_rows');
          if (rows.length === 0) break;
          onRows(rows);
        }
      } finally {
        await client.query('ROLLBACK');
      }
    },
    toJson: postgresToJson,
    async registerKeys(keys) {
      if (keys.size === 0) return '(SELECT NULL::text AS k WHERE FALSE)';
      return `(SELECT unnest(ARRAY[${[...keys].map(postgresDialect.string).join(', ')}]::text[]) AS k)`;
    },
    async close() {
      await client.end();
    },
  };
}
