/**
 * Keys of one batch as bytes: what a worker sends to the main thread for
 * `unique`. An array of a thousand small strings costs the structured clone one
 * allocation each, and the main thread's `Map<string, line>` costs a hash, an
 * entry and an old-generation string per key (the profile of 1M uuid keys: 1 s
 * of the main thread, most of its garbage collection). Bytes, offsets, hashes
 * and lines in four typed arrays cross threads as four copies, and `KeyTable`
 * judges them without allocating.
 *
 * A key's text is injectively encoded: a UTF-16 code unit below 0x80 is one
 * byte, any other is three (a lead byte of 0xE0 or more, then two continuation
 * bytes), so equal bytes mean equal text. The hash is FNV-1a over those bytes.
 */
export interface KeyBatch {
  count: number;
  bytes: Uint8Array;
  /** Key i is `bytes[offsets[i] .. offsets[i + 1])`. */
  offsets: Int32Array;
  hashes: Int32Array;
  lines: Float64Array;
}

export class KeyWriter {
  private count = 0;
  private used = 0;
  private bytes = new Uint8Array(16 * 1024);
  private offsets = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private lines = new Float64Array(1024);

  /** Appends the key `text` seen at `line`. */
  add(text: string, line: number): void {
    const i = this.count;
    if (i + 1 >= this.offsets.length) this.growEntries();
    if (this.used + text.length * 3 > this.bytes.length) this.bytes = grow(this.bytes, this.used + text.length * 3);
    const bytes = this.bytes;
    let o = this.used;
    let h = 0x811c9dc5 | 0;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x80) {
        bytes[o++] = c;
        h = Math.imul(h ^ c, 0x01000193);
      } else {
        const b0 = 0xe0 | (c >> 12);
        const b1 = 0x80 | ((c >> 6) & 63);
        const b2 = 0x80 | (c & 63);
        bytes[o++] = b0;
        bytes[o++] = b1;
        bytes[o++] = b2;
        h = Math.imul(Math.imul(Math.imul(h ^ b0, 0x01000193) ^ b1, 0x01000193) ^ b2, 0x01000193);
      }
    }
    this.offsets[i] = this.used;
    this.offsets[i + 1] = o;
    this.hashes[i] = h;
    this.lines[i] = line;
    this.used = o;
    this.count = i + 1;
  }

  /** The batch so far (trimmed copies, safe to send), and a fresh start. */
  take(): KeyBatch {
    const n = this.count;
    const batch: KeyBatch = {
      count: n,
      bytes: this.bytes.slice(0, this.used),
      offsets: this.offsets.slice(0, n + 1),
      hashes: this.hashes.slice(0, n),
      lines: this.lines.slice(0, n),
    };
    this.count = 0;
    this.used = 0;
    this.offsets[0] = 0;
    return batch;
  }

  private growEntries(): void {
    const size = this.offsets.length * 2;
    this.offsets = grow(this.offsets, size);
    this.hashes = grow(this.hashes, size);
    this.lines = grow(this.lines, size);
  }
}

type Growable = Uint8Array | Int32Array | Float64Array;

export function grow<T extends Growable>(array: T, atLeast: number): T {
  const next = new (array.constructor as new (n: number) => T)(Math.max(atLeast, array.length * 2));
  next.set(array);
  return next;
}

/** The text of key `i` of a batch (only for the few keys a report shows). */
export function keyText(batch: KeyBatch, i: number): string {
  const { bytes } = batch;
  const codes: number[] = [];
  for (let o = batch.offsets[i]; o < batch.offsets[i + 1];) {
    const b = bytes[o];
    if (b < 0x80) {
      codes.push(b);
      o++;
    } else {
      codes.push(((b & 0x0f) << 12) | ((bytes[o + 1] & 63) << 6) | (bytes[o + 2] & 63));
      o += 3;
    }
  }
  let text = '';
  for (let k = 0; k < codes.length; k += 4096) text += String.fromCharCode(...codes.slice(k, k + 4096));
  return text;
}
