import type { Problem } from '../core/product/types.js';
import type { CliIO } from './io.js';

/** `file:line:column path` — the place an editor or a person jumps to. */
export function problemLocation(p: { file?: string; line?: number; column?: number; path?: string }): string {
  const file = p.file ? `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}` : '';
  return [file, p.path && p.path !== '/' && p.path !== '' ? p.path : ''].filter(Boolean).join(' ');
}

export function printProblems(io: CliIO, problems: Problem[], write: (t: string) => void = io.err): void {
  for (const p of problems) {
    const mark = p.severity === 'error' ? io.color.red('✗') : io.color.yellow('!');
    const where = problemLocation(p);
    write(`  ${mark} ${where ? io.color.bold(where) + ': ' : ''}${p.message}`);
    write(`    ${io.color.dim('fix:')} ${p.fix}`);
  }
}

export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
