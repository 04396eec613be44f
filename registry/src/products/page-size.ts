import { RegistryError } from '../common/registry-error.js';

export const MAX_PAGE_SIZE = 100;

export function parsePageSize(first: string | number | undefined, fallback = 20): number {
  if (first === undefined || first === '') return fallback;
  const n = Number(first);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw new RegistryError('BAD_REQUEST', `first must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${String(first)}`);
  }
  return n;
}
