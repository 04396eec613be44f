import semver from 'semver';

export type VersionVerdict =
  | { ok: true }
  | {
      ok: false;
      code: 'VERSION_INVALID' | 'VERSION_NOT_INCREASING' | 'MAJOR_LINE_BEHIND';
      message: string;
      fix: string;
    };

/**
 * ARCHITECTURE.md "Versions": a new version must raise the latest version of an
 * existing major line, or open a new major line above every existing one
 * (1.4.1 may follow 2.0.0; 1.0.0 may not follow 2.0.0 when no 1.x exists).
 * Identity and conflicts with stored versions are checked before this.
 */
export function checkVersionOrder(existing: string[], candidate: string): VersionVerdict {
  const next = semver.parse(candidate);
  if (!next)
    return {
      ok: false,
      code: 'VERSION_INVALID',
      message: `"${candidate}" is not a semantic version`,
      fix: 'use MAJOR.MINOR.PATCH, e.g. 1.0.0',
    };
  const sameLine = existing.filter((v) => semver.major(v) === next.major);
  if (sameLine.length) {
    const latest = semver.rsort([...sameLine])[0];
    if (semver.gt(candidate, latest)) return { ok: true };
    return {
      ok: false,
      code: 'VERSION_NOT_INCREASING',
      message: `${candidate} does not raise the latest ${next.major}.x version ${latest}`,
      fix: `publish ${semver.inc(latest, 'patch')} or higher`,
    };
  }
  const highestMajor = existing.reduce((m, v) => Math.max(m, semver.major(v)), -1);
  if (next.major > highestMajor) return { ok: true };
  return {
    ok: false,
    code: 'MAJOR_LINE_BEHIND',
    message: `${candidate} would open major line ${next.major}, below the existing major ${highestMajor}`,
    fix: `publish ${highestMajor + 1}.0.0 to open a new major line, or a version in an existing line`,
  };
}

/** Highest published version that satisfies a range (the upstream an input resolves to). */
export function resolveRange(published: string[], range: string): string | undefined {
  return semver.maxSatisfying(published, range) ?? undefined;
}
