/** The slice of node:zlib that verification uses, for the browser, with node's output limit. */
import { Buffer } from './buffer.js';
import { Gunzip, gzipSync as fflateGzip, zlibSync } from 'fflate';

export function gunzipSync(input: Uint8Array, options: { maxOutputLength?: number } = {}): Buffer {
  const limit = options.maxOutputLength ?? Number.MAX_SAFE_INTEGER;
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Streamed so a small bomb cannot allocate its claimed size before we count what it produced.
  const gunzip = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > limit) throw new RangeError('Cannot create a string longer than maxOutputLength');
    chunks.push(chunk);
  });
  gunzip.push(input, true);
  return Buffer.concat(chunks);
}

export const gzipSync = (input: Uint8Array): Buffer => Buffer.from(fflateGzip(input));
export const deflateSync = (input: Uint8Array): Buffer => Buffer.from(zlibSync(input));
