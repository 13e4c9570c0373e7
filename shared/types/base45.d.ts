// The npm `base45` package (CommonJS, no types). Only what shared/src/qr/base45.ts calls.
declare module 'base45' {
  const base45: {
    encode(input: Uint8Array | string): string;
    /** Lenient: never throws (see the wrapper). */
    decode(input: string): Uint8Array;
  };
  export default base45;
}
