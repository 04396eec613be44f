import { SqlEngineError } from './engine.js';

/** A port's `location: postgres://host[:port]/<database>/<schema>.<table>` (ARCHITECTURE.md "Domain model"). */
export interface PostgresLocation {
  host: string;
  port: number;
  database: string;
  schema: string;
  table: string;
}

export function isPostgresLocation(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text);
}

const FORM = 'postgres://host[:port]/<database>/<schema>.<table>, e.g. postgres://warehouse:5432/sales/public.orders';

export function parsePostgresLocation(location: string): PostgresLocation {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new SqlEngineError(`location ${location} is not a URL; write ${FORM}`);
  }
  if (url.username || url.password)
    throw new SqlEngineError(
      `location ${url.host}${url.pathname} carries credentials; keep them out of the descriptor and pass --connection <url> or DMESH_CONNECTION instead`,
    );
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const dot = parts[1]?.indexOf('.') ?? -1;
  if (parts.length !== 2 || dot <= 0 || dot === parts[1].length - 1 || !url.hostname)
    throw new SqlEngineError(`location ${location} does not name a table; write ${FORM}`);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 5432,
    database: parts[0],
    schema: parts[1].slice(0, dot),
    table: parts[1].slice(dot + 1),
  };
}

/**
 * Connection settings: host, port and database from the location; user,
 * password and options (sslmode, …) from `--connection` or DMESH_CONNECTION,
 * which are never written anywhere.
 */
export function connectionConfig(location: PostgresLocation, connection: string | undefined) {
  const base = {
    host: location.host,
    port: location.port,
    database: location.database,
    application_name: 'dmesh test',
  };
  if (!connection) return base;
  let url: URL;
  try {
    url = new URL(connection);
  } catch {
    throw new SqlEngineError(
      '--connection (or DMESH_CONNECTION) is not a URL; write postgres://user:password@host:port/database',
    );
  }
  const ssl = url.searchParams.get('sslmode');
  return {
    ...base,
    ...(url.username && { user: decodeURIComponent(url.username) }),
    ...(url.password && { password: decodeURIComponent(url.password) }),
    ...(ssl && ssl !== 'disable' && { ssl: ssl === 'no-verify' ? { rejectUnauthorized: false } : true }),
  };
}

export function locationLabel(l: PostgresLocation): string {
  return `postgres://${l.host}:${l.port}/${l.database}/${l.schema}.${l.table}`;
}
