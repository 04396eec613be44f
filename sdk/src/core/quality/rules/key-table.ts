import { grow, type KeyBatch } from './key-bytes.js';

const PAGE = 1 << 20;

/**
 * Every distinct key of a file with the line it first appeared on, for
 * `unique`: an open-addressing hash table over typed arrays. Keys are compared
 * byte for byte whenever their hashes are equal, so the verdict is exact; the
 * hash only chooses where to look. Memory per distinct key: its bytes, plus
 * about 30 bytes (slot pair at a load of at most 1/2, offset, hash, line).
 * Key bytes live in 1 MiB pages that are never copied: a doubling arena would
 * hold twice the keys' size while it grows (1M uuid keys: 96 MB instead of 37).
 */
export class KeyTable {
  /** Slot pairs: `[id + 1, hash]`; id 0 means empty. */
  private slots = new Int32Array(2 * 1024);
  private mask = 1023;
  private count = 0;
  private readonly pages: Uint8Array[] = [new Uint8Array(PAGE)];
  /** Bytes used in the last page. */
  private used = 0;
  /** Where key `id` starts: `page * PAGE + offset`; its length is `lengths[id]`. */
  private starts = new Float64Array(1024);
  private lengths = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private firstLines = new Float64Array(1024);

  /** Key `i` of `batch`: the line it first appeared on, or -1 when this is its first appearance (now recorded). */
  firstLineOf(batch: KeyBatch, i: number): number {
    const hash = batch.hashes[i];
    const start = batch.offsets[i];
    const length = batch.offsets[i + 1] - start;
    const slots = this.slots;
    for (let p = hash & this.mask; ; p = (p + 1) & this.mask) {
      const id = slots[2 * p] - 1;
      if (id < 0) break;
      if (slots[2 * p + 1] === hash && this.equals(id, batch.bytes, start, length)) return this.firstLines[id];
    }
    this.insert(batch.bytes, start, length, hash, batch.lines[i]);
    return -1;
  }

  private equals(id: number, bytes: Uint8Array, start: number, length: number): boolean {
    if (this.lengths[id] !== length) return false;
    const at = this.starts[id];
    const page = this.pages[Math.floor(at / PAGE)];
    const from = at % PAGE;
    for (let k = 0; k < length; k++) if (page[from + k] !== bytes[start + k]) return false;
    return true;
  }

  private insert(bytes: Uint8Array, start: number, length: number, hash: number, line: number): void {
    const id = this.count;
    if (id + 1 > this.starts.length) {
      this.starts = grow(this.starts, id + 1);
      this.lengths = grow(this.lengths, id + 1);
      this.hashes = grow(this.hashes, id + 1);
      this.firstLines = grow(this.firstLines, id + 1);
    }
    if (this.used + length > this.pages[this.pages.length - 1].length) {
      this.pages.push(new Uint8Array(Math.max(PAGE, length))); // a longer key gets a page of its own
      this.used = 0;
    }
    const page = this.pages[this.pages.length - 1];
    for (let k = 0; k < length; k++) page[this.used + k] = bytes[start + k]; // no subarray object per key
    this.starts[id] = (this.pages.length - 1) * PAGE + this.used;
    this.lengths[id] = length;
    this.used += length;
    this.hashes[id] = hash;
    this.firstLines[id] = line;
    this.count = id + 1;
    if (2 * this.count > this.mask + 1) this.rehash();
    else this.place(id, hash);
  }

  private place(id: number, hash: number): void {
    let p = hash & this.mask;
    while (this.slots[2 * p] !== 0) p = (p + 1) & this.mask;
    this.slots[2 * p] = id + 1;
    this.slots[2 * p + 1] = hash;
  }

  /** Doubles the slots (keeps the load at most 1/2) and places every key again. */
  private rehash(): void {
    const size = 2 * (this.mask + 1);
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
    for (let id = 0; id < this.count; id++) this.place(id, this.hashes[id]);
  }
}
