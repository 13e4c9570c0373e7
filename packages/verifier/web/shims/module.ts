/**
 * node:module for the browser: `createRequire` hands out the pure-JS JPEG decoder a scanned PDF
 * needs (jpeg-js); the rendering library (qrcode) is not in the officer's page. QR codes are read
 * by ZXing (scan.ts).
 */
import * as jpeg from 'jpeg-js';

const AVAILABLE: Record<string, unknown> = { 'jpeg-js': jpeg };

export const createRequire = () => (id: string): unknown => {
  if (id in AVAILABLE) return AVAILABLE[id];
  throw new Error(`${id} is not loaded in the officer's page`);
};
