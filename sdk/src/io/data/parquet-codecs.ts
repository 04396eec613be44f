import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';
import type { Compressors } from 'hyparquet';
import { decompressLz4Hadoop, decompressLz4Raw } from './lz4.js';

/**
 * Decompressors for every standard Parquet codec but LZO (no writer in use
 * produces it). hyparquet reads SNAPPY and UNCOMPRESSED itself (pure JS).
 * GZIP and BROTLI use Node's zlib; ZSTD uses fzstd (pure JS; Node 20's zlib has
 * no zstd); LZ4/LZ4_RAW use `lz4.ts`. `hyparquet-compressors` covers the same
 * codecs, but its index instantiates a WebAssembly snappy at import time; these
 * are the same pure-JS decoders (fzstd is the one it uses) or Node's own.
 */
export const PARQUET_COMPRESSORS: Compressors = {
  GZIP: (input, length) => exactly(gunzipSync(input, { maxOutputLength: Math.max(length, 1) }), length, 'GZIP'),
  BROTLI: (input, length) =>
    exactly(brotliDecompressSync(input, { maxOutputLength: Math.max(length, 1) }), length, 'BROTLI'),
  ZSTD: (input, length) => exactly(zstdDecompress(input, new Uint8Array(length)), length, 'ZSTD'),
  LZ4: decompressLz4Hadoop,
  LZ4_RAW: decompressLz4Raw,
};

function exactly(output: Uint8Array, length: number, codec: string): Uint8Array {
  if (output.length !== length)
    throw new Error(`a ${codec} page decompresses to ${output.length} bytes, its header says ${length}`);
  return output;
}
