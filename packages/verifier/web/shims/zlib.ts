/** The slice of node:zlib that verification uses, for the browser, with node's output limit. */
import { Buffer } from './buffer.js';
import { Gunzip, gzipSync as fflateGzip, Unzlib, zlibSync } from 'fflate';

type Streaming = new (ondata: (chunk: Uint8Array) => void) => { push(chunk: Uint8Array, final?: boolean): void };

interface InflateOptions {
  maxOutputLength?: number;
  /** Node's Z_SYNC_FLUSH (2): a truncated stream gives what it inflated so far instead of an error. */
  finishFlush?: number;
}

/** Node's error past maxOutputLength: a RangeError with code ERR_BUFFER_TOO_LARGE. */
function tooLarge(): RangeError {
  return Object.assign(new RangeError('Cannot create a buffer larger than maxOutputLength'), { code: 'ERR_BUFFER_TOO_LARGE' });
}

/**
 * Input bytes a push: fflate inflates all it is given at once into one buffer, so a 25 MB bomb
 * pushed whole would allocate its gigabytes before a chunk is counted. Deflate expands at most
 * ~1032×, so a push makes at most a few MB.
 */
const INPUT_STEP = 4096;

// Streamed so a small bomb cannot allocate its claimed size before we count what it produced.
function inflateWith(Decoder: Streaming, input: Uint8Array, options: InflateOptions): Buffer {
  const limit = options.maxOutputLength ?? Number.MAX_SAFE_INTEGER;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let overLimit = false;
  const decoder = new Decoder((chunk) => {
    total += chunk.length;
    if (total > limit) {
      overLimit = true;
      throw tooLarge();
    }
    chunks.push(chunk);
  });
  try {
    let at = 0;
    for (; input.length - at > INPUT_STEP; at += INPUT_STEP) decoder.push(input.subarray(at, at + INPUT_STEP));
    decoder.push(input.subarray(at), true);
  } catch (error) {
    if (overLimit || options.finishFlush !== 2) throw error;
  }
  return Buffer.concat(chunks);
}

export const gunzipSync = (input: Uint8Array, options: InflateOptions = {}): Buffer => inflateWith(Gunzip, input, options);
export const inflateSync = (input: Uint8Array, options: InflateOptions = {}): Buffer => inflateWith(Unzlib, input, options);

export const gzipSync = (input: Uint8Array): Buffer => Buffer.from(fflateGzip(input));
export const deflateSync = (input: Uint8Array, _options?: object): Buffer => Buffer.from(zlibSync(input));
/** Strategy hints are node's to use; fflate has one strategy, and the output is valid zlib either way. */
export const constants = { Z_RLE: 3 } as const;
