import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Each context owns its tables: only its own code names them in SQL. The
 * import rules (eslint.config.js) keep other contexts out of its operations/;
 * this test keeps them out of its tables, whatever SQL they write.
 */
const TABLE_OWNERS: Record<string, string> = {
  domains: 'products',
  products: 'products',
  product_versions: 'products',
  output_ports: 'products',
  port_fields: 'products',
  input_dependencies: 'products',
  field_lineage: 'products',
  major_lines: 'products',
  contracts: 'contracts',
  lineage_current_inputs: 'lineage',
  lineage_current_fields: 'lineage',
  lineage_port_locations: 'lineage',
  lineage_run_events: 'lineage',
  lineage_observed_edges: 'lineage',
  lineage_observed_fields: 'lineage',
  lineage_external_consumers: 'lineage',
  lineage_external_reads: 'lineage',
  sla_observations: 'sla',
  sla_breaches: 'sla',
  policies: 'governance',
  waivers: 'governance',
  api_tokens: 'auth',
  events: 'audit',
  search_products: 'discovery',
  search_fields: 'discovery',
  search_words: 'discovery',
  search_documents: 'discovery',
};

const SRC = new URL('../../src/', import.meta.url).pathname;
/** Infrastructure that sees every table: migrations create them, benchmarks bulk-load them. */
const EXEMPT = ['database', 'bench'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Tables a source file names: after a SQL keyword (SQL is upper-case here), or
 * as a quoted snake_case name on its own (e.g. a list of tables to clear).
 */
function tablesNamedIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_]+)/g)) found.add(m[1]);
  for (const m of text.matchAll(/['"`]([a-z]+_[a-z_]+)['"`]/g)) found.add(m[1]);
  return new Set([...found].filter((t) => t in TABLE_OWNERS));
}

describe('context boundaries', () => {
  it('every table a migration creates has an owning context', () => {
    const migrations = filesUnder(join(SRC, 'database/migrations')).map((f) => readFileSync(f, 'utf8'));
    const created = migrations.flatMap((m) => [...m.matchAll(/CREATE TABLE ([a-z_]+)/g)].map((x) => x[1]));
    expect(created.length).toBeGreaterThan(15);
    expect(created.filter((t) => !(t in TABLE_OWNERS))).toEqual([]);
  });

  it("no context names another context's tables in its SQL", () => {
    const trespasses: string[] = [];
    for (const file of filesUnder(SRC)) {
      const [context] = relative(SRC, file).split('/');
      if (EXEMPT.includes(context) || !file.slice(SRC.length).includes('/')) continue;
      for (const table of tablesNamedIn(readFileSync(file, 'utf8')))
        if (TABLE_OWNERS[table] !== context)
          trespasses.push(`${relative(SRC, file)} names ${table} (${TABLE_OWNERS[table]}'s)`);
    }
    expect(trespasses).toEqual([]);
  });

  it('catches a trespass (the scanner itself works)', () => {
    expect([...tablesNamedIn('SELECT 1 FROM products p JOIN sla_breaches b ON true')].sort()).toEqual([
      'products',
      'sla_breaches',
    ]);
    expect([...tablesNamedIn("for (const t of ['lineage_current_inputs']) ;")]).toEqual(['lineage_current_inputs']);
  });
});
