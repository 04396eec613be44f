/**
 * One comparable key for a storage location, whether it comes from an output
 * port (`location`) or from an OpenLineage dataset (`namespace` + `name`).
 *
 * The rule (documented in ARCHITECTURE.md, "Lineage"):
 * - scheme and host are lower-cased, default ports dropped (postgres 5432,
 *   mysql 3306, kafka 9092, http 80, https 443), trailing slashes removed;
 *   `s3a://` and `s3n://` (Hadoop's S3 connectors, as Spark reports them) are `s3://`;
 * - a dataset is `namespace` + `/` + `name` (`s3://lake` + `sales/orders` →
 *   `s3://lake/sales/orders`, matching the port `s3://lake/sales/orders/`);
 * - Kafka topics are global names: `kafka://<any broker>` + `orders.v1` →
 *   `kafka://orders.v1`, the form ports use;
 * - SQL tables (`postgres`, `mysql`, …): `postgres://warehouse:5432` +
 *   `sales.orders` → `postgres://warehouse/sales.orders`; a three-part name
 *   `db.schema.table` also matches `schema.table` (OpenLineage names tables
 *   with the database, dmesh locations usually without).
 */
const DEFAULT_PORTS: Record<string, string> = {
  postgres: '5432',
  postgresql: '5432',
  mysql: '3306',
  kafka: '9092',
  http: '80',
  https: '443',
};
const SCHEME_ALIASES: Record<string, string> = { s3a: 's3', s3n: 's3', postgresql: 'postgres' };
const SQL_SCHEMES = new Set(['postgres', 'mysql', 'redshift', 'snowflake', 'bigquery', 'sqlserver', 'trino', 'hive']);

interface SplitUri {
  scheme: string;
  host: string;
  path: string;
}

function split(uri: string): SplitUri | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/]*)(.*)$/.exec(uri.trim());
  if (!m) return undefined;
  const rawScheme = m[1].toLowerCase();
  const scheme = SCHEME_ALIASES[rawScheme] ?? rawScheme;
  let host = m[2].toLowerCase().replace(/^[^@]*@/, '');
  const port = /:(\d+)$/.exec(host)?.[1];
  if (port && DEFAULT_PORTS[rawScheme] === port) host = host.slice(0, -port.length - 1);
  return { scheme, host, path: m[3].replace(/\/+$/, '').replace(/^\/+/, '') };
}

function join(u: SplitUri): string {
  return `${u.scheme}://${u.host}${u.path ? `/${u.path}` : ''}`;
}

/** The key of an output port's location. */
export function portLocationKey(location: string): string {
  const u = split(location);
  if (!u) return location.trim().replace(/\/+$/, '');
  if (u.scheme === 'kafka') return `kafka://${u.path || u.host}`;
  return join(u);
}

/** Keys a dataset may match, most specific first; the first is also its identity when nothing matches. */
export function datasetLocationKeys(namespace: string, name: string): string[] {
  const u = split(namespace);
  const cleanName = name.trim().replace(/^\/+/, '').replace(/\/+$/, '');
  if (!u) return [`${namespace.trim().replace(/\/+$/, '')}/${cleanName}`];
  if (u.scheme === 'kafka') return [`kafka://${cleanName}`];
  const path = [u.path, cleanName].filter(Boolean).join('/');
  const keys = [join({ ...u, path })];
  const parts = cleanName.split('.');
  if (SQL_SCHEMES.has(u.scheme) && parts.length === 3 && !u.path)
    keys.push(join({ ...u, path: parts.slice(1).join('.') }));
  return keys;
}
