import { LEVEL_SQL, parseLevel, type InputEdge } from '../src/lineage/operations/level-edges.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

/** The level statement, run by PostgreSQL over the given rows (a CTE shadows the table), parsed back. */
async function level(
  direction: 'downstream' | 'upstream',
  frontier: string[],
  rows: [string, string, string, number, string, string | null][],
): Promise<InputEdge[]> {
  const values = rows
    .map((_, i) => `($${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}::int, $${i * 6 + 6}, $${i * 6 + 7})`)
    .join(', ');
  const sql = `WITH lineage_current_inputs (upstream_product_id, upstream_port, product_id, major, version_range, resolved_version) AS (VALUES ${values}) ${LEVEL_SQL[direction]}`;
  const [row] = await db.dataSource.query(sql, [frontier, ...rows.flat()]);
  return parseLevel(row.edges);
}

describe('a lineage level as text (operations/level-edges.ts)', () => {
  it('round-trips every range, however odd, and a missing resolved version, in the walk order', async () => {
    const odd = 'a\tb"c\\d\ne é';
    const edges = await level(
      'downstream',
      ['x.up', 'x.other'],
      [
        ['x.up', 'out', 'y.two', 2, '^2.0.0', '2.1.0'],
        ['x.up', 'out', 'y.two', 1, '>=1.2.0 <2.0.0', null],
        ['x.up', 'daily', 'y.one', 1, odd, '1.0.0'],
        ['x.other', 'out', 'y.one', 1, '~0.3.1', '0.3.4'],
        ['x.unrelated', 'out', 'y.one', 1, '^1.0.0', '1.0.0'],
      ],
    );
    expect(edges).toEqual([
      ['x.other', 'out', 'y.one', '~0.3.1', '0.3.4'],
      ['x.up', 'daily', 'y.one', odd, '1.0.0'],
      ['x.up', 'out', 'y.two', '>=1.2.0 <2.0.0', null],
      ['x.up', 'out', 'y.two', '^2.0.0', '2.1.0'],
    ]);
  });

  it('walks upstream from the consumers, ordered by consumer, then upstream port', async () => {
    const edges = await level(
      'upstream',
      ['y.one'],
      [
        ['x.b', 'out', 'y.one', 1, '^1.0.0', '1.0.0'],
        ['x.a', 'out', 'y.one', 1, '^1.0.0', '1.0.0'],
        ['x.a', 'out', 'y.two', 1, '^1.0.0', '1.0.0'],
      ],
    );
    expect(edges.map(([up, , consumer]) => `${up}>${consumer}`)).toEqual(['x.a>y.one', 'x.b>y.one']);
  });

  it('is empty text, and no edges, when nothing leaves the frontier', async () => {
    expect(await level('downstream', ['nobody.here'], [['x.up', 'out', 'y.one', 1, '^1.0.0', '1.0.0']])).toEqual([]);
    expect(parseLevel('')).toEqual([]);
  });
});
