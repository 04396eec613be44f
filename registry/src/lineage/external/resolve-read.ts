import semver from 'semver';
import type { MajorLineRecord, PortVersion } from '../../products/products.types.js';

/**
 * The version a range reads now: the highest published version of the port it
 * admits whose major line is not retired. A dashboard pinning `^1.0.0` is on
 * the 1.x line; one pinning `>=1.0.0` moves to 2.x as soon as it is published.
 */
export function resolveRange(
  history: readonly PortVersion[],
  lines: readonly Pick<MajorLineRecord, 'major' | 'state'>[],
  range: string,
): string | undefined {
  const retired = new Set(lines.filter((l) => l.state === 'retired').map((l) => l.major));
  const admitted = history.filter((h) => !retired.has(h.major) && satisfies(h.version, range)).map((h) => h.version);
  return semver.rsort(admitted)[0];
}

export function satisfies(version: string, range: string): boolean {
  try {
    return semver.satisfies(version, range, { includePrerelease: true });
  } catch {
    return false;
  }
}

/** Whether a read registered until `expires` has lapsed on `today` (both YYYY-MM-DD). */
export const hasExpired = (expires: string | null | undefined, today: string): boolean =>
  Boolean(expires && expires < today);
