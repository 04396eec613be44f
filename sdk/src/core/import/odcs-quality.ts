import type { QualityRule } from '../product/types.js';
import { customProperty } from './odcs-properties.js';

type Entry = Record<string, unknown>;
type Property = Record<string, unknown>;

/**
 * The quality rules of one ODCS schema object. Entries dmesh wrote carry their
 * rule (`dmeshRule`: index and rule) and come back as they were, grouped and
 * ordered; other entries map one to one where dmesh has the rule: nullValues
 * → not_null, duplicateValues → unique, invalidValues with validValues →
 * accepted_values or with pattern → regex, rowCount → row_count, a custom
 * `dmesh` entry → its implementation. Others are named in `skipped`.
 */
export function rulesOf(object: Property, skipped: string[]): QualityRule[] {
  const placed = [...entriesOf(object, undefined)];
  const byIndex = new Map<number, QualityRule>();
  const foreign: QualityRule[] = [];
  for (const { field, entry } of placed) {
    const own = customProperty(entry, 'dmeshRule') as { index?: number; rule?: QualityRule } | undefined;
    if (own?.rule && typeof own.index === 'number') byIndex.set(own.index, own.rule);
    else {
      const rule = mapEntry(entry, field);
      if (rule) foreign.push(rule);
      else skipped.push(`${String(object.name)}${field ? `.${field}` : ''}: ${JSON.stringify(entry).slice(0, 120)}`);
    }
  }
  return [...[...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r), ...foreign];
}

function* entriesOf(holder: Property, path: string | undefined): Generator<{ field?: string; entry: Entry }> {
  for (const entry of (holder.quality as Entry[] | undefined) ?? []) yield { ...(path && { field: path }), entry };
  const children = (holder.properties ?? (holder.items as Property | undefined)?.properties) as Property[] | undefined;
  for (const child of children ?? [])
    yield* entriesOf(child, path ? `${path}.${String(child.name)}` : String(child.name));
}

function mapEntry(e: Entry, field: string | undefined): QualityRule | undefined {
  const severity = e.severity === 'warning' || e.severity === 'info' ? { severity: 'warning' as const } : {};
  const args = (e.arguments ?? {}) as Entry;
  const metric = e.metric ?? e.rule;
  if (e.type === 'custom' && e.engine === 'dmesh' && e.implementation && typeof e.implementation === 'object')
    return e.implementation as QualityRule;
  if (metric === 'rowCount') return rowCount(e, severity);
  const zero = e.mustBe === 0 || e.mustBeLessOrEqualTo === 0;
  if (!zero) return undefined;
  if (metric === 'duplicateValues' && Array.isArray(args.properties))
    return { rule: 'unique', fields: args.properties as [string, ...string[]], ...severity } as QualityRule;
  if (!field) return undefined;
  if (metric === 'nullValues' || metric === 'missingValues') return { rule: 'not_null', fields: [field], ...severity };
  if (metric === 'duplicateValues') return { rule: 'unique', field, ...severity };
  if (metric === 'invalidValues' && Array.isArray(args.validValues))
    return { rule: 'accepted_values', field, values: args.validValues as [string, ...string[]], ...severity };
  if (metric === 'invalidValues' && typeof args.pattern === 'string')
    return { rule: 'regex', field, pattern: args.pattern, ...severity };
  return undefined;
}

function rowCount(e: Entry, severity: object): QualityRule | undefined {
  const between = e.mustBeBetween as number[] | undefined;
  if (Array.isArray(between)) return { rule: 'row_count', min: between[0], max: between[1], ...severity };
  if (typeof e.mustBeGreaterOrEqualTo === 'number')
    return { rule: 'row_count', min: e.mustBeGreaterOrEqualTo, ...severity };
  if (typeof e.mustBeGreaterThan === 'number')
    return { rule: 'row_count', min: Math.floor(e.mustBeGreaterThan) + 1, ...severity };
  if (typeof e.mustBeLessOrEqualTo === 'number') return { rule: 'row_count', max: e.mustBeLessOrEqualTo, ...severity };
  if (typeof e.mustBe === 'number') return { rule: 'row_count', min: e.mustBe, max: e.mustBe, ...severity };
  return undefined;
}
