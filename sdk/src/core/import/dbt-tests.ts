import type { QualityRule } from '../product/types.js';

/** A generic test node of the manifest (v12 `nodes.test.*`). */
export interface DbtTest {
  unique_id: string;
  resource_type: 'test';
  attached_node?: string | null;
  column_name?: string | null;
  config?: { severity?: string };
  test_metadata?: { name: string; namespace?: string | null; kwargs: Record<string, unknown> };
}

/**
 * A dbt test as a dmesh quality rule, one to one: unique, not_null,
 * accepted_values and relationships (dbt's built-ins); `severity: warn` is a
 * warning. Other tests (packages, singular tests) are left out by the caller
 * and named in the notes. `refOf` turns `ref('customers', v=2)` into a port id.
 */
export function ruleOfTest(test: DbtTest, refOf: (ref: string) => string | undefined): QualityRule | undefined {
  const meta = test.test_metadata;
  if (!meta || (meta.namespace && meta.namespace !== 'dbt')) return undefined;
  const field = String(test.column_name ?? meta.kwargs.column_name ?? '');
  const severity = String(test.config?.severity ?? '').toLowerCase() === 'warn' ? { severity: 'warning' as const } : {};
  if (!field) return undefined;
  switch (meta.name) {
    case 'unique':
      return { rule: 'unique', field, ...severity };
    case 'not_null':
      return { rule: 'not_null', fields: [field], ...severity };
    case 'accepted_values': {
      const values = (meta.kwargs.values ?? (meta.kwargs.arguments as { values?: unknown })?.values) as unknown[];
      if (!Array.isArray(values) || !values.length) return undefined;
      return { rule: 'accepted_values', field, values: values as [string, ...string[]], ...severity };
    }
    case 'relationships': {
      const port = refOf(String(meta.kwargs.to ?? ''));
      const to = meta.kwargs.field;
      return port && typeof to === 'string'
        ? { rule: 'relationship', field, ref: `${port}#${to}`, ...severity }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** `ref('customers')`, `ref("pkg", "customers", v=2)` → the model name and version. */
export function parseRef(text: string): { name: string; version?: number } | undefined {
  const m =
    /^\s*ref\(\s*(?:['"][^'"]+['"]\s*,\s*)?['"]([^'"]+)['"]\s*(?:,\s*(?:v|version)\s*=\s*['"]?(\d+)['"]?\s*)?\)\s*$/.exec(
      text,
    );
  return m ? { name: m[1], ...(m[2] && { version: Number(m[2]) }) } : undefined;
}
