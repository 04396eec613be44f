import { LineageService } from '../../src/lineage/lineage.service.js';
import { PublishPipeline } from '../../src/publish/publish.pipeline.js';
import { ADMIN, contract, publishRequest } from '../fixtures.js';
import { startServices, type Services } from '../service-harness.js';

let s: Services;
const ID = { id: { type: 'string', description: 'Key.' }, name: { type: 'string', description: 'Name.' } };

beforeAll(async () => {
  s = await startServices();
  const pipeline = s.get(PublishPipeline);
  await pipeline.publish('a.up', publishRequest({ domain: 'a', name: 'up', schema: contract(ID) }), ADMIN);
  const versions: [string, Record<string, string[]>][] = [
    ['1.0.0', { id: ['a.up/up#id'] }],
    ['1.1.0', { id: ['a.up/up#id'], name: ['a.up/up#name'] }],
  ];
  for (const [version, lineage] of versions) {
    const request = publishRequest({
      domain: 'b',
      name: 'down',
      version,
      schema: contract(ID),
      inputs: [{ product: 'a.up', port: 'up', version: '^1.0.0' }],
      lineage,
    });
    await pipeline.publish('b.down', request, ADMIN);
  }
});
afterAll(() => s.close());

describe('current lineage (service)', () => {
  it("keeps only the latest version of each live major line: 1.1.0's field lineage, not 1.0.0's as well", async () => {
    expect(await s.rows('SELECT field, upstream_field FROM lineage_current_fields ORDER BY field')).toEqual([
      { field: 'id', upstream_field: 'id' },
      { field: 'name', upstream_field: 'name' },
    ]);
    expect(await s.rows('SELECT count(*)::int AS n FROM field_lineage')).toEqual([{ n: 3 }]);
  });

  it('rebuilds a product from what its current versions declare, whatever its rows held before', async () => {
    await s.rows("DELETE FROM lineage_current_inputs WHERE product_id = 'b.down'");
    await s.rows("INSERT INTO lineage_port_locations VALUES ('s3://stale', 'b.down', 'gone', 9)");
    await s.db.dataSource.transaction((tx) => s.get(LineageService).refreshCurrent(tx, 'b.down'));
    expect(
      await s.rows(
        "SELECT upstream_product_id, resolved_version FROM lineage_current_inputs WHERE product_id = 'b.down'",
      ),
    ).toEqual([{ upstream_product_id: 'a.up', resolved_version: '1.0.0' }]);
    expect(await s.rows("SELECT location_key, port FROM lineage_port_locations WHERE product_id = 'b.down'")).toEqual([
      { location_key: 's3://lake/b/down', port: 'down' },
    ]);
  });

  it('drops a retired line', async () => {
    await s.rows("UPDATE major_lines SET state = 'retired' WHERE product_id = 'b.down'");
    await s.db.dataSource.transaction((tx) => s.get(LineageService).refreshCurrent(tx, 'b.down'));
    for (const table of ['lineage_current_inputs', 'lineage_current_fields', 'lineage_port_locations'])
      expect(await s.rows(`SELECT 1 FROM ${table} WHERE product_id = 'b.down'`)).toEqual([]);
  });
});
