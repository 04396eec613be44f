import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RejectEntry } from '../../core/quality/batch.js';

/**
 * The dead-letter file of `--reject-file`: one JSON line per rejected record
 * (`{ line, record | raw, reasons }`), in line order. It is written to a
 * temporary file beside the target and renamed on `commit`, so a crash never
 * leaves half a file under the real name.
 */
export class RejectWriter {
  private readonly tempPath: string;
  private fd: number | undefined;

  constructor(readonly path: string) {
    this.tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
    this.fd = openSync(this.tempPath, 'w');
  }

  write(entries: RejectEntry[]): void {
    if (!entries.length || this.fd === undefined) return;
    writeSync(this.fd, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
  }

  commit(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.tempPath, this.path);
  }

  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.tempPath, { force: true });
  }
}
