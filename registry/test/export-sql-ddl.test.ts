import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadProduct, toSqlDdl, type DataProduct } from '@dmesh/sdk';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const DOMAINS = fileURLToPath(new URL('../../domains', import.meta.url));
let db: TestDatabase;
let client: pg.Client;

interface Port {
  name: string;
  ddl: string;
  table: string;
  records: Record<string, unknown>[];
}

async function demoPorts(): Promise<Port[]> {
  const out: Port[] = [];
  for (const domain of readdirSync(DOMAINS, { withFileTypes: true }).filter((d) => d.isDirectory()))
    for (const product of readdirSync(join(DOMAINS, domain.name))) {
      const dir = join(DOMAINS, domain.name, product);
      if (!existsSync(join(dir, 'dataproduct.yaml'))) continue;
      const { bundle } = await loadProduct(dir);
      const d = bundle.descriptor as DataProduct;
      for (const port of d.spec.outputs) {
        const ddl = toSqlDdl({ product: d, port, contract: bundle.contracts[port.contract] });
        const data = join(dir, 'data', `${port.name}.jsonl`);
        const records = existsSync(data)
          ? readFileSync(data, 'utf8')
              .split('\n')
              .filter(Boolean)
              .slice(0, 200)
              .map((l) => JSON.parse(l))
          : [];
        out.push({
          name: `${d.metadata.domain}.${d.metadata.name}/${port.name}`,
          ddl,
          table: /CREATE TABLE (\S+) \(/.exec(ddl)![1],
          records,
        });
      }
    }
  return out;
}

beforeAll(async () => {
  db = await createTestDatabase();
  client = new pg.Client({ connectionString: db.ownerUrl });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

/** Inserts one JSON record through jsonb_populate_record; the error message when PostgreSQL refuses it. */
async function insert(table: string, record: unknown): Promise<string | undefined> {
  await client.query('SAVEPOINT row');
  try {
    await client.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_record(NULL::${table}, $1)`, [
      JSON.stringify(record),
    ]);
    await client.query('RELEASE SAVEPOINT row');
    return undefined;
  } catch (err) {
    await client.query('ROLLBACK TO SAVEPOINT row');
    return (err as Error).message;
  }
}

describe('export --format sql-ddl on a real PostgreSQL', () => {
  it('creates every demo port table, takes its sample records, and refuses records that break the contract', async () => {
    const ports = await demoPorts();
    expect(ports.length).toBeGreaterThanOrEqual(9);
    await client.query('BEGIN');
    for (const port of ports) {
      await client.query(port.ddl);
      for (const r of port.records) expect([port.name, await insert(port.table, r)]).toEqual([port.name, undefined]);
    }
    const orders = ports.find((p) => p.name === 'sales.orders/orders')!;
    const sample = { ...orders.records[0], order_id: '5f0c7a52-0000-4000-8000-000000000001' };
    expect(await insert(orders.table, { ...sample, currency: 'eur' })).toMatch(/currency_pattern/);
    expect(await insert(orders.table, { ...sample, status: 'lost' })).toMatch(/status_check/);
    expect(await insert(orders.table, { ...sample, total_amount: -1 })).toMatch(/total_amount_min/);
    expect(await insert(orders.table, { ...sample, customer_id: null })).toMatch(/null value in column "customer_id"/);
    expect(await insert(orders.table, { ...sample, coupon_code: null })).toBeUndefined();
    expect(await insert(orders.table, orders.records[0])).toMatch(/orders_pkey/);
    await client.query('ROLLBACK');
  });

  it('writes a pattern CHECK that means what the contract pattern means (translated as the SQL engine translates it)', async () => {
    const { bundle } = await loadProduct(join(DOMAINS, 'sales/orders'));
    const product = bundle.descriptor as DataProduct;
    const port = {
      ...product.spec.outputs[0],
      name: 'codes',
      location: 'postgres://warehouse/sales.codes',
      quality: [],
    };
    // \b is a word boundary in the contract (ECMA-262) and a backspace in PostgreSQL's own syntax
    const contract = {
      type: 'object',
      properties: { code: { type: 'string', pattern: '\\bEUR\\b' }, odd: { type: 'string', pattern: '\\BEUR' } },
    };
    const ddl = toSqlDdl({ product, port, contract });
    expect(ddl).toMatch(/-- .*\/properties\/odd: pattern \\BEUR \(no exact PostgreSQL translation/);
    await client.query('BEGIN');
    await client.query(ddl);
    expect(await insert('sales.codes', { code: 'pay EUR now' })).toBeUndefined();
    expect(await insert('sales.codes', { code: 'EUROS' })).toMatch(/code_pattern/);
    expect(await insert('sales.codes', { odd: 'nothing to check' })).toBeUndefined();
    await client.query('ROLLBACK');
  });
});
