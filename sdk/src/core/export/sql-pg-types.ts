import { postgresDialect } from '../sql/postgres/dialect.js';
import { translatePattern } from '../sql/regex/emit.js';
import type { Losses } from './losses.js';
import type { Node } from './model.js';

// The PostgreSQL side of sql-ddl: the type of a column and the CHECKs its
// contract keywords become. Patterns go through the contract-to-SQL
// compiler's regex translation (core/sql/regex), so a CHECK means what the
// contract's pattern means; one it cannot translate exactly is left out and said.

const INT4 = { min: -2147483648, max: 2147483647 };

export function pgColumnType(node: Node, losses: Losses): string {
  const path = node.path ?? '';
  switch (node.t) {
    case 'string':
      return stringType(node.format);
    case 'integer':
      return fitsInt4(node) ? 'integer' : 'bigint';
    case 'number':
      return node.multipleOf !== undefined && decimals(node.multipleOf) > 0
        ? `numeric(38, ${decimals(node.multipleOf)})`
        : 'double precision';
    case 'boolean':
      return 'boolean';
    case 'object':
    case 'array':
      losses.add(
        path,
        `${node.t === 'object' ? 'nested object' : 'array'} stored as jsonb (its inside is not checked by the table)`,
      );
      return 'jsonb';
    default:
      losses.add(
        path,
        `${node.t === 'literal' ? 'a set of mixed values' : node.t} stored as jsonb (not checked by the table)`,
      );
      return 'jsonb';
  }
}

function stringType(format: string | undefined): string {
  if (format === 'uuid') return 'uuid';
  if (format === 'date-time') return 'timestamptz';
  if (format === 'date') return 'date';
  if (format === 'time') return 'time';
  return 'text';
}

function fitsInt4(node: {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}): boolean {
  const min = node.minimum ?? node.exclusiveMinimum;
  const max = node.maximum ?? node.exclusiveMaximum;
  return min !== undefined && max !== undefined && min >= INT4.min && max <= INT4.max;
}

function decimals(n: number): number {
  const text = String(n);
  return text.includes('e-') ? Number(text.split('e-')[1]) : (text.split('.')[1] ?? '').length;
}

const literal = (v: unknown) => (typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));

/** CHECK constraints for a column's value keywords (enum, bounds, lengths, pattern). */
export function sqlChecks(name: string, node: Node, table: string, losses: Losses): string[] {
  const col = /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
  const out: string[] = [];
  const check = (suffix: string, condition: string) =>
    out.push(`CONSTRAINT "${`${table}_${name}_${suffix}`.slice(0, 63).replace(/"/g, '""')}" CHECK (${condition})`);
  if (node.t === 'string') {
    if (node.enum) check('check', `${col} IN (${node.enum.map(literal).join(', ')})`);
    if (node.minLength !== undefined) check('min_length', `char_length(${col}) >= ${node.minLength}`);
    if (node.maxLength !== undefined) check('max_length', `char_length(${col}) <= ${node.maxLength}`);
    if (node.pattern !== undefined) patternCheck(col, node.pattern, node.path ?? '', check, losses);
    if (node.format && !['uuid', 'date-time', 'date', 'time'].includes(node.format))
      losses.add(node.path ?? '', `format ${node.format}`);
  }
  if (node.t === 'number' || node.t === 'integer') {
    if (node.enum) check('check', `${col} IN (${node.enum.map(literal).join(', ')})`);
    if (node.minimum !== undefined) check('min', `${col} >= ${node.minimum}`);
    if (node.maximum !== undefined) check('max', `${col} <= ${node.maximum}`);
    if (node.exclusiveMinimum !== undefined) check('gt', `${col} > ${node.exclusiveMinimum}`);
    if (node.exclusiveMaximum !== undefined) check('lt', `${col} < ${node.exclusiveMaximum}`);
    if (node.multipleOf !== undefined && node.t === 'integer') check('multiple', `${col} % ${node.multipleOf} = 0`);
    else if (node.multipleOf !== undefined)
      losses.add(node.path ?? '', `multipleOf ${node.multipleOf} (as the numeric scale)`);
  }
  return out;
}

/**
 * A `pattern` as a CHECK in PostgreSQL's regular-expression syntax, translated
 * as `dmesh test --engine sql` translates it (ECMA-262 and PostgreSQL's ARE read
 * `\b`, `\d`, `.` and `$` differently); left out, and said, when no exact
 * translation exists.
 */
function patternCheck(
  col: string,
  pattern: string,
  path: string,
  check: (suffix: string, condition: string) => void,
  losses: Losses,
): void {
  const translated = translatePattern(pattern, postgresDialect.regex);
  if (translated.ok) check('pattern', `${col} ~ ${postgresDialect.string(translated.pattern)}`);
  else losses.add(path, `pattern ${pattern} (no exact PostgreSQL translation: ${translated.reason})`);
}
