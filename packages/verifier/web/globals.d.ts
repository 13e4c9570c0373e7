// Node globals that verifier sources bundled into the page mention; shims/globals.ts provides them at run time.
declare const Buffer: typeof import('./shims/buffer.js').Buffer;

// qrcode's core, bundled for the page's wallet request QR (the package's own types pull in Node's).
declare module 'qrcode/lib/core/qrcode.js' {
  export function create(text: string, options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' }): { version: number; modules: { size: number; data: Uint8Array } };
}
