import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { DataFileError } from '../data/errors.js';

/** Local Parquet data as DuckDB reads it: a file, a glob, or a folder (all `*.parquet` below it). */
export interface ParquetSource {
  /** The pattern handed to read_parquet. */
  pattern: string;
  label: string;
}

/** Any `scheme://` other than postgres is remote: refused until dmesh reads remote data. */
export function isRemote(data: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(data) && !/^postgres(ql)?:\/\//i.test(data);
}

export function isGlob(data: string): boolean {
  return /[*?[{]/.test(data);
}

export function resolveParquetSource(data: string, cwd: string): ParquetSource {
  if (isRemote(data))
    throw new DataFileError(
      data,
      'is remote; the SQL engine reads local files only (remote reads would need network access and DuckDB extensions, which dmesh keeps off)',
      'copy the files to a local folder and pass it to --data, or test them where they live',
    );
  const path = isAbsolute(data) ? data : resolve(cwd, data);
  if (isGlob(data)) return { pattern: path, label: data };
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    throw new DataFileError(path, `cannot be read: ${(err as Error).message}`, 'check the path given to --data');
  }
  return isDir ? { pattern: `${path.replace(/\/+$/, '')}/**/*.parquet`, label: data } : { pattern: path, label: data };
}

/** Hive partition keys (`year=2024/`) on the paths below the pattern's fixed prefix, in path order. */
export function hiveKeys(pattern: string, files: string[]): string[] {
  const fixed = pattern.split('/').findIndex((part) => isGlob(part));
  const base = fixed < 0 ? pattern.split('/').length - 1 : fixed;
  const keys: string[] = [];
  for (const file of files) {
    for (const part of file.split('/').slice(base, -1)) {
      const m = /^([^=]+)=[^=]*$/.exec(part);
      if (m && !keys.includes(m[1])) keys.push(m[1]);
    }
  }
  return keys;
}
