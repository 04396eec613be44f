import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import pc from 'picocolors';
import type { CliIO } from '../../src/cli/io.js';

export type Register = (program: Command, io: CliIO, done: (code: number) => void) => void;

/** A temporary folder for one test, with a writer of JSON/text files relative to it. */
export function tempFolder(prefix: string): {
  dir: string;
  write(name: string, content: unknown): string;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(name, content) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return name;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs one `dmesh` command in-process, as the bin entry would, and captures its exit code and output. */
export async function runCommand(
  register: Register,
  cwd: string,
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    color: pc.createColors(false),
    isTTY: false,
    env: {},
    cwd,
  };
  let code = -1;
  const program = new Command('dmesh')
    .exitOverride()
    .configureOutput({ writeOut: (t) => out.push(t), writeErr: (t) => err.push(t) });
  register(program, io, (c) => (code = c));
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch {
    code = code === -1 ? 2 : code;
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
}
