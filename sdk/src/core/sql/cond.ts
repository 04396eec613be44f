/**
 * A per-row SQL condition, or a constant when the column's type decides it for
 * every row. Constants fold away, so a check the file's schema already settles
 * (a VARCHAR column can never fail `minimum`) costs nothing per row, and a column
 * of the wrong type is judged once, from the schema.
 */
export type Cond = boolean | string;

export function and(...conds: Cond[]): Cond {
  const parts: string[] = [];
  for (const c of conds) {
    if (c === false) return false;
    if (c !== true) parts.push(c);
  }
  if (parts.length === 0) return true;
  return parts.length === 1 ? parts[0] : parts.map(paren).join(' AND ');
}

export function or(...conds: Cond[]): Cond {
  const parts: string[] = [];
  for (const c of conds) {
    if (c === true) return true;
    if (c !== false) parts.push(c);
  }
  if (parts.length === 0) return false;
  return parts.length === 1 ? parts[0] : parts.map(paren).join(' OR ');
}

export function not(c: Cond): Cond {
  return typeof c === 'boolean' ? !c : `NOT ${paren(c)}`;
}

/** The condition as SQL text. */
export function sql(c: Cond): string {
  return c === true ? 'TRUE' : c === false ? 'FALSE' : c;
}

function paren(s: string): string {
  return /^[\w."]+$/.test(s) || isWrapped(s) ? s : `(${s})`;
}

/** True when the whole text is one parenthesised group. */
function isWrapped(s: string): boolean {
  if (!s.startsWith('(') || !s.endsWith(')')) return false;
  let depth = 0;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0 && i < s.length - 1) return false;
  }
  return depth === 0;
}
