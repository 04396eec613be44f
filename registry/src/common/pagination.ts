import { RequestError } from './registry-error.js';

export const MAX_PAGE_SIZE = 100;

export function parsePageSize(first: string | number | undefined, fallback = 20): number {
  if (first === undefined || first === '') return fallback;
  const n = Number(first);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw new RequestError('BAD_REQUEST', `first must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${String(first)}`);
  }
  return n;
}

/** An opaque cursor for keyset pagination over `kind` ids. */
export const encodeCursor = (kind: string, id: string) => Buffer.from(`${kind}:${id}`).toString('base64url');

export function decodeCursor(kind: string, cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!text.startsWith(`${kind}:`))
    throw new RequestError('BAD_REQUEST', `"${cursor}" is not a cursor from this API`, [
      { code: 'CURSOR_INVALID', message: 'bad cursor', fix: 'pass endCursor from the previous page' },
    ]);
  return text.slice(kind.length + 1);
}
