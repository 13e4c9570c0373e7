// Node globals that verifier sources bundled into the page mention; shims/globals.ts provides them at run time.
declare const Buffer: typeof import('./shims/buffer.js').Buffer;
