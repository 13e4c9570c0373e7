/** The slice of node:zlib that verification uses, for the browser, with node's output limit. */
import { Buffer } from './buffer.js';
import { Gunzip, gzipSync as fflateGzip, Unzlib, zlibSync } from 'fflate';

type Streaming = new (ondata: (chunk: Uint8Array) => void) => { push(chunk: Uint8Array, final?: boolean): void };

// Streamed so a small bomb cannot allocate its claimed size before we count what it produced.
function inflateWith(Decoder: Streaming, input: Uint8Array, options: { maxOutputLength?: number }): Buffer {
  const limit = options.maxOutputLength ?? Number.MAX_SAFE_INTEGER;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const decoder = new Decoder((chunk) => {
    total += chunk.length;
    if (total > limit) throw new RangeError('Cannot create a buffer larger than maxOutputLength');
    chunks.push(chunk);
  });
  decoder.push(input, true);
  return Buffer.concat(chunks);
}

export const gunzipSync = (input: Uint8Array, options: { maxOutputLength?: number } = {}): Buffer => inflateWith(Gunzip, input, options);
export const inflateSync = (input: Uint8Array, options: { maxOutputLength?: number } = {}): Buffer => inflateWith(Unzlib, input, options);

export const gzipSync = (input: Uint8Array): Buffer => Buffer.from(fflateGzip(input));
export const deflateSync = (input: Uint8Array, _options?: object): Buffer => Buffer.from(zlibSync(input));
/** Strategy hints are node's to use; fflate has one strategy, and the output is valid zlib either way. */
export const constants = { Z_RLE: 3 } as const;
