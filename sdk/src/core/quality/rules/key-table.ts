import { grow, type KeyBatch } from './key-bytes.js';

const PAGE = 1 << 20;

/**
 * Every distinct key of a file with the line it first appeared on, for
 * `unique`: an open-addressing hash table over typed arrays. Keys are compared
 * byte for byte whenever their hashes are equal, so the verdict is exact; the
 * hash only chooses where to look. Memory per distinct key: its bytes, plus
 * 36 to 52 bytes (a slot pair at a load between 1/4 and 1/2, offset, length, line).
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
  private firstLines = new Float64Array(1024);

  /** Written by `warm`, so its loads are not dead code. */
  private touched = 0;

  /**
   * Reads the slot of every key of `batch` before they are judged one by one: here the loads are
   * independent and the processor overlaps their cache misses, while in `firstLineOf` each miss waits
   * for the previous key's work. The table outgrows the caches (1M keys: 16 MB of slots) and the file's
   * parsing evicts it between batches. Profile of `dmesh test --workers 1` on 1M uuid keys: the main
   * thread's unique merge 772 ms before; 386 ms with this pass and the hashes kept only in the slots.
   */
  warm(batch: KeyBatch): void {
    const { slots, mask } = this;
    const hashes = batch.hashes;
    let sum = 0;
    for (let i = 0; i < batch.count; i++) sum += slots[2 * (hashes[i] & mask)];
    this.touched = sum;
  }

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
    this.firstLines[id] = line;
    this.count = id + 1;
    this.place(id + 1, hash);
    if (2 * this.count > this.mask + 1) this.rehash();
  }

  /** Puts the pair `[id + 1, hash]` in the first free slot from `hash`. */
  private place(idPlusOne: number, hash: number): void {
    const slots = this.slots;
    let p = hash & this.mask;
    while (slots[2 * p] !== 0) p = (p + 1) & this.mask;
    slots[2 * p] = idPlusOne;
    slots[2 * p + 1] = hash;
  }

  /** Doubles the slots (keeps the load at most 1/2) and places every pair again; the hashes are in the pairs. */
  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    this.mask = old.length - 1;
    for (let q = 0; q < old.length; q += 2) if (old[q] !== 0) this.place(old[q], old[q + 1]);
  }
}
