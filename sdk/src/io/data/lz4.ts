/**
 * LZ4 for Parquet pages, in plain TypeScript. `LZ4_RAW` pages are one LZ4
 * block; the deprecated `LZ4` codec is the Hadoop framing (blocks each behind
 * a big-endian decompressed and compressed size), which some writers replaced
 * with a bare block, so a page that is not valid Hadoop framing is read as one
 * block (as Arrow does).
 */
export function decompressLz4Raw(input: Uint8Array, outputLength: number): Uint8Array {
  const output = new Uint8Array(outputLength);
  const written = decodeBlock(input, output, 0);
  if (written !== outputLength) throw new Error(`LZ4 page decodes to ${written} bytes, expected ${outputLength}`);
  return output;
}

export function decompressLz4Hadoop(input: Uint8Array, outputLength: number): Uint8Array {
  return hadoopFrames(input, outputLength) ?? decompressLz4Raw(input, outputLength);
}

function hadoopFrames(input: Uint8Array, outputLength: number): Uint8Array | undefined {
  const output = new Uint8Array(outputLength);
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  let i = 0;
  let o = 0;
  while (i + 8 <= input.length) {
    const size = view.getUint32(i);
    const compressed = view.getUint32(i + 4);
    i += 8;
    if (compressed > input.length - i || o + size > outputLength) return undefined;
    try {
      if (decodeBlock(input.subarray(i, i + compressed), output, o) !== o + size) return undefined;
    } catch {
      return undefined;
    }
    i += compressed;
    o += size;
  }
  return i === input.length && o === outputLength ? output : undefined;
}

/** Decodes one LZ4 block into `output` from `start`; returns the end offset written. */
function decodeBlock(input: Uint8Array, output: Uint8Array, start: number): number {
  let i = 0;
  let o = start;
  while (i < input.length) {
    const token = input[i++];
    let literals = token >> 4;
    if (literals === 15) ({ value: literals, next: i } = extendedLength(input, i, literals));
    if (i + literals > input.length || o + literals > output.length) throw new Error('LZ4 literals overrun');
    output.set(input.subarray(i, i + literals), o);
    i += literals;
    o += literals;
    if (i >= input.length) break; // the last sequence has literals only
    const offset = input[i] | (input[i + 1] << 8);
    i += 2;
    let length = token & 15;
    if (length === 15) ({ value: length, next: i } = extendedLength(input, i, length));
    length += 4;
    if (offset === 0 || offset > o - start || o + length > output.length) throw new Error('LZ4 match out of range');
    for (let k = 0; k < length; k++, o++) output[o] = output[o - offset]; // may overlap itself
  }
  return o;
}

function extendedLength(input: Uint8Array, i: number, base: number): { value: number; next: number } {
  let value = base;
  let byte: number;
  do {
    if (i >= input.length) throw new Error('LZ4 length overruns the input');
    byte = input[i++];
    value += byte;
  } while (byte === 255);
  return { value, next: i };
}
