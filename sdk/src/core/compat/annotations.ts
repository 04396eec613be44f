import {
  DEFINITION_KEYWORDS,
  LIST_SCHEMA_KEYWORDS,
  MAP_SCHEMA_KEYWORDS,
  SINGLE_SCHEMA_KEYWORDS,
} from '../contract/schema-walk.js';
import type { ChangeCode } from './codes.js';
import { canon, escapePointer, isObj, nodeKey, resolveRef, type Schema } from './nodes.js';

export interface DocChange {
  code: ChangeCode;
  path: string;
  message: string;
}

const DOC_CODES: Record<string, ChangeCode> = {
  title: 'TITLE_CHANGED',
  description: 'DESCRIPTION_CHANGED',
  examples: 'EXAMPLES_CHANGED',
  default: 'DEFAULT_CHANGED',
  $comment: 'COMMENT_CHANGED',
  deprecated: 'DEPRECATED_CHANGED',
  readOnly: 'READ_WRITE_ONLY_CHANGED',
  writeOnly: 'READ_WRITE_ONLY_CHANGED',
  contentEncoding: 'CONTENT_ANNOTATION_CHANGED',
  contentMediaType: 'CONTENT_ANNOTATION_CHANGED',
  contentSchema: 'CONTENT_ANNOTATION_CHANGED',
};

// The internal form's subschema places; `$defs` are reached through `$ref` only, so moving a definition never counts.
const SINGLE: readonly string[] = SINGLE_SCHEMA_KEYWORDS;
const MAPS = MAP_SCHEMA_KEYWORDS.filter((k) => !DEFINITION_KEYWORDS.has(k));
const LISTS = LIST_SCHEMA_KEYWORDS.filter((k) => k !== 'items');

function codeOf(key: string): ChangeCode | undefined {
  return DOC_CODES[key] ?? (key.startsWith('x-') ? 'EXTENSION_CHANGED' : undefined);
}

/** A value short enough for one line; a cut string keeps its closing quote. */
const brief = (v: unknown): string => {
  if (v === undefined) return 'none';
  const text = JSON.stringify(v);
  if (text.length <= 60) return text;
  return typeof v === 'string' ? `${JSON.stringify(v.slice(0, 50))}…` : `${text.slice(0, 57)}…`;
};

/**
 * Documentation-only differences (title, description, examples, default, x-…)
 * at matching places of the two versions. `$ref`s are followed, so moving a
 * definition between `$defs` never counts.
 */
export function diffAnnotations(
  prev: Schema,
  next: Schema,
  path = '',
  seen = new Set<string>(),
  out: DocChange[] = [],
): DocChange[] {
  if (!isObj(prev) || !isObj(next)) return out;
  const key = `${nodeKey(prev)}|${nodeKey(next)}`;
  if (seen.has(key) || seen.size > 5000) return out;
  seen.add(key);
  for (const k of new Set([...Object.keys(prev), ...Object.keys(next)])) {
    const code = codeOf(k);
    if (code && canon(prev[k]) !== canon(next[k])) {
      out.push({
        code,
        path: `${path}/${k}`,
        message: `${path || '/'}: ${k} changed from ${brief(prev[k])} to ${brief(next[k])} (documentation only)`,
      });
    }
  }
  const pr = typeof prev.$ref === 'string' ? resolveRef(prev) : undefined;
  const nr = typeof next.$ref === 'string' ? resolveRef(next) : undefined;
  if (pr !== undefined || nr !== undefined) diffAnnotations(pr ?? prev, nr ?? next, path, seen, out);
  for (const k of SINGLE)
    if (k in prev && k in next) diffAnnotations(prev[k] as Schema, next[k] as Schema, `${path}/${k}`, seen, out);
  for (const k of MAPS) {
    const a = (prev[k] ?? {}) as Record<string, Schema>;
    const b = (next[k] ?? {}) as Record<string, Schema>;
    for (const name of Object.keys(a))
      if (name in b) diffAnnotations(a[name], b[name], `${path}/${k}/${escapePointer(name)}`, seen, out);
  }
  for (const k of LISTS) {
    const a = prev[k];
    const b = next[k];
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length)
      a.forEach((s, i) => diffAnnotations(s as Schema, b[i] as Schema, `${path}/${k}/${i}`, seen, out));
  }
  return out;
}
