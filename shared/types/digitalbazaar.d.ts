// Minimal shims: the @digitalbazaar packages ship no types. Only what Corridor calls.
declare module '@digitalbazaar/vc' {
  export function issue(options: {
    credential: object;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    now?: Date | string;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    checkStatus?: (options: unknown) => Promise<{ verified: boolean }>;
    now?: Date;
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>;
  export const defaultDocumentLoader: unknown;
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string });
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: {
    name: string;
    requiredAlgorithm: string;
    canonize: (input: unknown, options: unknown) => Promise<string>;
    createVerifier: (options: { verificationMethod: unknown }) => Promise<unknown>;
  };
}
declare module '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite' {
  export const cryptosuite: {
    name: string;
    requiredAlgorithm: string[];
    canonize: (input: unknown, options: unknown) => Promise<string>;
    createVerifier: (options: { verificationMethod: unknown }) => Promise<unknown>;
  };
}
declare module '@digitalbazaar/ecdsa-multikey' {
  export interface EcdsaKeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    export(options?: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<{ publicKeyMultibase?: string; secretKeyMultibase?: string }>;
    signer(): { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
    verifier(): { id: string; algorithm: string; verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean> };
  }
  export function from(key: object): Promise<EcdsaKeyPair>;
  export function generate(options: { curve: 'P-256' | 'P-384'; id?: string; controller?: string }): Promise<EcdsaKeyPair>;
}
declare module '@digitalbazaar/cborld' {
  export function encode(options: {
    jsonldDocument: object;
    documentLoader: (url: string) => Promise<unknown>;
    registryEntryId?: number;
    typeTableLoader?: (options: { registryEntryId: number }) => Promise<Map<string, Map<unknown, number>>>;
    format?: string;
  }): Promise<Uint8Array>;
  export function decode(options: {
    cborldBytes: Uint8Array;
    documentLoader: (url: string) => Promise<unknown>;
    typeTableLoader?: (options: { registryEntryId: number }) => Promise<Map<string, Map<unknown, number>>>;
  }): Promise<Record<string, unknown>>;
}
declare module 'jsonld' {
  const jsonld: {
    canonize(input: unknown, options: Record<string, unknown>): Promise<string>;
    toRDF(input: unknown, options: Record<string, unknown>): Promise<unknown>;
    expand(input: unknown, options: Record<string, unknown>): Promise<unknown[]>;
  };
  export default jsonld;
}
declare module 'rdf-canonize' {
  interface Term { termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph'; value: string; datatype?: Term; language?: string }
  export interface Quad { subject: Term; predicate: Term; object: Term; graph: Term }
  const rdfCanonize: {
    _canonizeSync(input: Quad[], options: { algorithm: 'RDFC-1.0'; format: 'application/n-quads' }): string;
    canonize(input: Quad[], options: { algorithm: 'RDFC-1.0'; format: 'application/n-quads' }): Promise<string>;
    NQuads: { serializeQuad(quad: Quad): string };
  };
  export default rdfCanonize;
}
