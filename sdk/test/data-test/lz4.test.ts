import { decompressLz4Hadoop, decompressLz4Raw } from '../../src/io/data/lz4.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** An LZ4 block for "abcabcabcabcabcxy": literals "abc", a 12-byte match 3 back (overlapping), literals "xy". */
const BLOCK = new Uint8Array([0x38, 0x61, 0x62, 0x63, 0x03, 0x00, 0x20, 0x78, 0x79]);
const EXPECTED = 'abcabcabcabcabcxy';

function hadoopFrame(block: Uint8Array, size: number): Uint8Array {
  const framed = new Uint8Array(8 + block.length);
  const view = new DataView(framed.buffer);
  view.setUint32(0, size);
  view.setUint32(4, block.length);
  framed.set(block, 8);
  return framed;
}

describe('LZ4 pages', () => {
  it('LZ4_RAW: one block, overlapping matches copied byte by byte', () => {
    expect(text(decompressLz4Raw(BLOCK, EXPECTED.length))).toBe(EXPECTED);
  });

  it('LZ4 (Hadoop framing), and a bare block under the LZ4 codec as Arrow reads it', () => {
    const two = new Uint8Array([...hadoopFrame(BLOCK, 17), ...hadoopFrame(BLOCK, 17)]);
    expect(text(decompressLz4Hadoop(two, 34))).toBe(EXPECTED + EXPECTED);
    expect(text(decompressLz4Hadoop(BLOCK, 17))).toBe(EXPECTED);
  });

  it('a page that does not decode to the size its header says is an error, not short data', () => {
    expect(() => decompressLz4Raw(BLOCK, 20)).toThrow(/decodes to 17 bytes, expected 20/);
    expect(() => decompressLz4Raw(new Uint8Array([0x0f, 0x61]), 20)).toThrow(/LZ4/);
    expect(() => decompressLz4Raw(new Uint8Array([0x10, 0x61, 0x09, 0x00]), 20)).toThrow(/match out of range/);
  });
});
