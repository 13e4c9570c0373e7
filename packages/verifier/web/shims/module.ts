/**
 * node:module for the browser: `createRequire` hands out the pure-JS decoders the QR code reads
 * need (jsQR, jpeg-js); the rendering libraries (qrcode, pngjs) are not in the officer's page.
 */
import * as jpeg from 'jpeg-js';
import jsQR from 'jsqr';

const AVAILABLE: Record<string, unknown> = { jsqr: jsQR, 'jpeg-js': jpeg };

export const createRequire = () => (id: string): unknown => {
  if (id in AVAILABLE) return AVAILABLE[id];
  throw new Error(`${id} is not loaded in the officer's page`);
};
