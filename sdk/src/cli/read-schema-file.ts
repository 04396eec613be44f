import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './io.js';
import { parseJson } from '../io/parse-files.js';

/** Reads and parses one JSON Schema file; bad input becomes a UsageError naming the file, the place and the fix. */
export function readSchemaFile(file: string, cwd: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new UsageError(`cannot read ${file}: ${reason} (check the path; it is resolved from the current folder)`);
  }
  const parsed = parseJson(text, file);
  if (parsed.problems.length) {
    const p = parsed.problems[0];
    const at = p.line ? `:${p.line}:${p.column}` : '';
    throw new UsageError(`${file}${at}: ${p.message}; ${p.fix}`, p.code);
  }
  return parsed.value;
}
