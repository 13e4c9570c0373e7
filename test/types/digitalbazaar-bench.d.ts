// The plain-library baseline of the benchmarks uses these untyped packages.
declare module '@digitalbazaar/ed25519-multikey' {
  export function from(key: object): Promise<{ signer(): { id: string; algorithm: string; sign(o: { data: Uint8Array }): Promise<Uint8Array> } }>;
}
