// The W3C "Data Integrity ECDSA Cryptosuites" ecdsa-rdfc-2019 vectors (P-256 and P-384) against the
// library path the standards verifier uses: the canonical document and proof configuration hash to
// the vectors' hashes, the vector signatures verify with the vector keys, and the keys resolve as
// did:key offline. Also the binding of key to cryptosuite, and that the default (Corridor's own)
// verification accepts eddsa-rdfc-2022 only. What each vector file is: shared/vectors/README.md.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { from as ecdsaKey } from '@digitalbazaar/ecdsa-multikey';
import { parseDidKey, parseStandardDidKey, resolveStandardDidKey } from './did-key.js';
import { createDocumentLoader, documentLoader as defaultLoader } from './document-loader.js';
import { decodeBase58btc, encodeBase58btc } from './encoding.js';
import { generateKeyPair, importKeyPair } from './keys.js';
import { signCredential, verifyCredentialProof } from './proof.js';

const dir = new URL('../vectors/ecdsa-rdfc-2019/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const json = (name: string) => JSON.parse(text(name));
const documentLoader = createDocumentLoader({
  documents: new Map([['https://www.w3.org/ns/credentials/examples/v2', { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } }]]),
});
const BOTH = ['eddsa-rdfc-2022', 'ecdsa-rdfc-2019'] as const;

const curves = [
  { curve: 'P-256', file: 'P256', hash: 'sha256', keys: json('p256KeyPair.json') },
  { curve: 'P-384', file: 'P384', hash: 'sha384', keys: json('p384KeyPair.json') },
].map((c) => ({
  ...c,
  publicKeyMultibase: c.keys.publicKeyMultibase as string,
  secretKeyMultibase: (c.keys.secretKeyMultibase ?? c.keys.privateKeyMultibase) as string,
  did: `did:key:${c.keys.publicKeyMultibase}`,
  signed: json(`signedECDSA${c.file}.json`),
  combined: text(`combinedHashECDSA${c.file}.txt`).trim(),
  sigHex: text(`sigHexECDSA${c.file}.txt`).trim(),
  sigBase58: text(`sigBTC58ECDSA${c.file}.txt`).trim(),
}));

const canonize = (input: unknown, algorithm: string) => ecdsaRdfc2019.canonize(input, {
  documentLoader, safe: true, base: null, skipExpansion: false, messageDigestAlgorithm: algorithm === 'sha256' ? 'SHA-256' : 'SHA-384',
});
const digest = (algorithm: string, data: string) => createHash(algorithm).update(data, 'utf8').digest('hex');

/** A key pair of the library, named by its did:key (the verification method Corridor resolves). */
async function signerOf(publicKeyMultibase: string, secretKeyMultibase: string) {
  const did = `did:key:${publicKeyMultibase}`;
  const key = await ecdsaKey({ type: 'Multikey', id: `${did}#${publicKeyMultibase}`, controller: did, publicKeyMultibase, secretKeyMultibase });
  return { did, key, signer: key.signer() };
}

async function ecdsaSign(credential: object, signer: unknown, loader = defaultLoader): Promise<Record<string, any>> {
  const suite = new DataIntegrityProof({ signer, cryptosuite: ecdsaRdfc2019, date: new Date('2026-01-02T00:00:00Z') });
  return vc.issue({ credential, suite, documentLoader: loader, now: new Date('2026-01-02T00:00:00Z') });
}

describe.each(curves)('ecdsa-rdfc-2019 W3C vector, $curve', (v) => {
  const { proof, ...document } = v.signed;
  /** The vector's current proof configuration: its verification method is the key's did:key (proofCanonECDSAP384.txt). */
  const config = { type: proof.type, cryptosuite: proof.cryptosuite, created: proof.created, verificationMethod: `${v.did}#${v.publicKeyMultibase}`, proofPurpose: proof.proofPurpose };

  it('the document and the proof configuration canonicalize to the vector hashes', async () => {
    expect(digest(v.hash, await canonize(document, v.hash))).toBe(v.combined.slice(v.combined.length / 2));
    const canonicalConfig = await canonize({ '@context': document['@context'], ...config }, v.hash);
    expect(digest(v.hash, canonicalConfig)).toBe(v.combined.slice(0, v.combined.length / 2));
    if (v.curve === 'P-384') expect(canonicalConfig).toBe(text('proofCanonECDSAP384.txt'));
  });

  it('the vector signature verifies over the combined hash with the vector key; one flipped bit does not', async () => {
    expect(Buffer.from(decodeBase58btc(v.sigBase58.slice(1)) ?? []).toString('hex')).toBe(v.sigHex);
    const verifier = (await ecdsaKey({ type: 'Multikey', controller: v.did, publicKeyMultibase: v.publicKeyMultibase })).verifier();
    expect(verifier.algorithm).toBe(v.curve);
    const data = Buffer.from(v.combined, 'hex');
    expect(await verifier.verify({ data, signature: Buffer.from(v.sigHex, 'hex') })).toBe(true);
    const flipped = Buffer.from(v.sigHex, 'hex');
    flipped[7] = (flipped[7] as number) ^ 0x01;
    expect(await verifier.verify({ data, signature: flipped })).toBe(false);
  });

  it('the whole vector: its signature holds, but its https issuer is not the key\'s controller, so the library refuses it', async () => {
    const current = { ...document, proof: { ...config, proofValue: v.sigBase58 } };
    const result = await verifyCredentialProof({ credential: current, documentLoader, cryptosuites: BOTH });
    expect(result).toMatchObject({ verified: false });
    const cause = JSON.stringify((result as { error: { cause?: { errors?: { message: string }[] } } }).error.cause?.errors?.map((e) => e.message));
    expect(cause).toMatch(/issuer must match the verification method controller/);
    // The same document issued by that did:key is another document: the vector signature does not cover it.
    expect(await verifyCredentialProof({ credential: { ...current, issuer: v.did }, documentLoader, cryptosuites: BOTH })).toMatchObject({ verified: false });
  });

  it('its did:key resolves offline to a Multikey on its curve; parseDidKey (Corridor\'s Ed25519 keys) still refuses it', async () => {
    expect(parseStandardDidKey(`${v.did}#${v.publicKeyMultibase}`)).toEqual({ did: v.did, publicKeyMultibase: v.publicKeyMultibase, fragment: v.publicKeyMultibase, curve: v.curve });
    expect(await resolveStandardDidKey(v.did)).toMatchObject({ id: v.did, assertionMethod: [`${v.did}#${v.publicKeyMultibase}`], verificationMethod: [{ type: 'Multikey', controller: v.did, publicKeyMultibase: v.publicKeyMultibase }] });
    expect(() => parseDidKey(v.did)).toThrow(expect.objectContaining({ code: 'ERR_DID_UNRESOLVABLE' }));
  });

  it('a credential issued by the vector key\'s own did:key verifies; tampered, or under the default suite, it does not', async () => {
    const { did, signer } = await signerOf(v.publicKeyMultibase, v.secretKeyMultibase);
    const signed = await ecdsaSign({ ...document, issuer: did }, signer, documentLoader);
    expect(signed.proof).toMatchObject({ cryptosuite: 'ecdsa-rdfc-2019', verificationMethod: `${did}#${v.publicKeyMultibase}` });
    expect(await verifyCredentialProof({ credential: signed, documentLoader, cryptosuites: BOTH })).toEqual({ verified: true });
    const tampered = { ...signed, credentialSubject: { ...signed.credentialSubject, alumniOf: 'Another School' } };
    expect(await verifyCredentialProof({ credential: tampered, documentLoader, cryptosuites: BOTH })).toMatchObject({ verified: false, error: { code: 'ERR_SIGNATURE_INVALID' } });
    // Corridor's own verification (the strict pipeline, status lists, the registry) takes eddsa-rdfc-2022 only.
    expect(await verifyCredentialProof({ credential: signed, documentLoader })).toMatchObject({ verified: false });
  });
});

describe('a key bound to its cryptosuite', () => {
  const plain = (issuer: string) => ({
    '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], name: 'Alumni Credential',
    issuer, validFrom: '2026-01-01T00:00:00Z', credentialSubject: { id: 'did:example:abcdefgh' },
  });

  it('a P-256 proof relabelled eddsa-rdfc-2022, or an Ed25519 proof relabelled ecdsa-rdfc-2019, does not verify', async () => {
    const [p256] = curves;
    const { did, signer } = await signerOf(p256!.publicKeyMultibase, p256!.secretKeyMultibase);
    const ecdsa = await ecdsaSign(plain(did), signer);
    const asEddsa = { ...ecdsa, proof: { ...ecdsa.proof, cryptosuite: 'eddsa-rdfc-2022' } };
    expect(await verifyCredentialProof({ credential: asEddsa, cryptosuites: BOTH })).toMatchObject({ verified: false });

    const ed25519 = importKeyPair(generateKeyPair());
    const eddsa = await signCredential({ credential: plain(ed25519.description.controller), signer: ed25519.signer, now: new Date('2026-01-02T00:00:00Z') });
    expect(await verifyCredentialProof({ credential: eddsa, cryptosuites: BOTH })).toEqual({ verified: true });
    const asEcdsa = { ...eddsa, proof: { ...eddsa.proof, cryptosuite: 'ecdsa-rdfc-2019' } };
    expect(await verifyCredentialProof({ credential: asEcdsa, cryptosuites: BOTH })).toMatchObject({ verified: false });
  });

  it('a did:key that is not a point on its curve, or of another curve, does not resolve', async () => {
    const [p256] = curves;
    const bytes = Buffer.from(decodeBase58btc(p256!.publicKeyMultibase.slice(1))!);
    bytes[2] = 0x04; // not a compressed point
    await expect(resolveStandardDidKey(`did:key:z${encodeBase58btc(bytes)}`)).rejects.toMatchObject({ code: 'ERR_DID_UNRESOLVABLE' });
    bytes[2] = 0x02;
    bytes.fill(0xff, 3); // x beyond the field: no point
    await expect(resolveStandardDidKey(`did:key:z${encodeBase58btc(bytes)}`)).rejects.toMatchObject({ code: 'ERR_DID_UNRESOLVABLE' });
    // P-521 (0x1202) and secp256k1 (0xe7) are not ecdsa-rdfc-2019 keys here.
    const p521 = Buffer.concat([Buffer.from([0x82, 0x24, 0x02]), Buffer.alloc(66, 1)]);
    expect(() => parseStandardDidKey(`did:key:z${encodeBase58btc(p521)}`)).toThrow(expect.objectContaining({ code: 'ERR_DID_UNRESOLVABLE' }));
    const k1 = Buffer.concat([Buffer.from([0xe7, 0x01, 0x02]), Buffer.alloc(32, 1)]);
    expect(() => parseStandardDidKey(`did:key:z${encodeBase58btc(k1)}`)).toThrow(expect.objectContaining({ code: 'ERR_DID_UNRESOLVABLE' }));
    expect(() => parseStandardDidKey(`did:key:${p256!.publicKeyMultibase}#zOther`)).toThrow(expect.objectContaining({ code: 'ERR_DID_UNRESOLVABLE' }));
  });
});
