import type { QualityRule } from '../product/types.js';

/**
 * dmesh quality rules as ODCS v3.1 quality entries: library metrics where ODCS
 * has one (nullValues, duplicateValues, invalidValues, rowCount), SQL for a
 * range, a custom `dmesh` entry otherwise. Each entry carries the rule it came
 * from (`dmeshRule`: its index and the rule) so importing the file gives the
 * same rules, in the same order, with the same grouping.
 */
export interface PlacedQuality {
  /** The top-level or dotted field the entry sits on; absent: the schema object itself. */
  field?: string;
  entry: Record<string, unknown>;
}

const DIMENSION: Record<string, string> = {
  not_null: 'completeness',
  unique: 'uniqueness',
  accepted_values: 'conformity',
  regex: 'conformity',
  range: 'conformity',
  row_count: 'completeness',
  freshness: 'timeliness',
  relationship: 'consistency',
};

export function qualityEntries(rules: readonly QualityRule[], object: string): PlacedQuality[] {
  return rules.flatMap((rule, index) =>
    placements(rule, object).map(({ field, entry }) => ({
      ...(field !== undefined && { field }),
      entry: {
        ...entry,
        dimension: DIMENSION[rule.rule],
        severity: rule.severity ?? 'error',
        customProperties: [{ property: 'dmeshRule', value: { index, rule } }],
      },
    })),
  );
}

function placements(rule: QualityRule, object: string): PlacedQuality[] {
  const r = rule as QualityRule & Record<string, unknown>;
  switch (rule.rule) {
    case 'not_null':
      return rule.fields.map((field) => ({ field, entry: { metric: 'nullValues', mustBe: 0 } }));
    case 'unique':
      return rule.fields && rule.fields.length > 1
        ? [{ entry: { metric: 'duplicateValues', mustBe: 0, arguments: { properties: rule.fields } } }]
        : [{ field: rule.field ?? rule.fields![0], entry: { metric: 'duplicateValues', mustBe: 0 } }];
    case 'accepted_values':
      return [
        { field: rule.field, entry: { metric: 'invalidValues', mustBe: 0, arguments: { validValues: rule.values } } },
      ];
    case 'regex':
      return [
        { field: rule.field, entry: { metric: 'invalidValues', mustBe: 0, arguments: { pattern: rule.pattern } } },
      ];
    case 'row_count':
      return [{ entry: { metric: 'rowCount', ...rowCountBound(rule.min, rule.max) } }];
    case 'range':
      return [
        {
          field: rule.field,
          entry: { type: 'sql', query: rangeQuery(object, rule.field, rule.min, rule.max), mustBe: 0 },
        },
      ];
    default:
      return [
        {
          ...(typeof r.field === 'string' && { field: r.field }),
          entry: { type: 'custom', engine: 'dmesh', implementation: rule, description: describe(rule) },
        },
      ];
  }
}

function rowCountBound(min?: number, max?: number): Record<string, unknown> {
  if (min !== undefined && max !== undefined && min !== max) return { mustBeBetween: [min, max] };
  if (min !== undefined && max !== undefined) return { mustBe: min };
  if (max !== undefined) return { mustBeLessOrEqualTo: max };
  return { mustBeGreaterOrEqualTo: min ?? 0 };
}

function rangeQuery(object: string, field: string, min?: number, max?: number): string {
  const bad = [min !== undefined && `${field} < ${min}`, max !== undefined && `${field} > ${max}`].filter(Boolean);
  return `SELECT COUNT(*) FROM ${object} WHERE ${bad.join(' OR ') || 'FALSE'}`;
}

function describe(rule: QualityRule): string {
  if (rule.rule === 'freshness') return `the newest ${rule.field} is at most ${rule.maxAge} old`;
  if (rule.rule === 'relationship') return `every ${rule.field} is a ${rule.ref}`;
  return rule.rule;
}
