// The W3C "Data Integrity EdDSA Cryptosuites" eddsa-rdfc-2022 test vectors reproduce offline:
// canonical N-Quads byte for byte, the hashes, the signature, and re-signing gives the same proofValue.
import { describe, expect, test } from '@jest/globals';
import { createHash, verify as verifySignature } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createDocumentLoader } from './document-loader.js';
import { decodeBase58btc } from './encoding.js';
import { importKeyPair, publicKeyObject } from './keys.js';
import { signCredential } from './proof.js';

const dir = new URL('../vectors/eddsa-rdfc-2022/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const json = (name: string) => JSON.parse(text(name));
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

// The spec's examples context, given in the vectors' README; only these tests load it.
const documentLoader = createDocumentLoader({
  documents: new Map([
    ['https://www.w3.org/ns/credentials/examples/v2', { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } }],
  ]),
});
const canonize = (input: unknown) => cryptosuite.canonize(input, { documentLoader, safe: true, base: null, skipExpansion: false, messageDigestAlgorithm: 'SHA-256' } as never);

describe('eddsa-rdfc-2022 W3C vectors', () => {
  const keyPair = json('keyPair.json');
  const unsigned = json('unsigned.json');
  const proofConfig = json('proofConfigDataInt.json');

  test('the unsigned document canonicalizes to the vector N-Quads and hash', async () => {
    const canon = await canonize(unsigned);
    expect(canon).toBe(text('canonDocDataInt.txt'));
    expect(sha256(canon)).toBe(text('docHashDataInt.txt').trim());
  });

  test('the proof configuration canonicalizes to the vector N-Quads and hash', async () => {
    const canon = await canonize(proofConfig);
    expect(canon).toBe(text('proofCanonDataInt.txt'));
    expect(sha256(canon)).toBe(text('proofHashDataInt.txt').trim());
  });

  test('the vector signature verifies over the combined hash with the vector public key', () => {
    const combined = text('combinedHashDataInt.txt').trim();
    const signature = Buffer.from(text('sigHexDataInt.txt').trim(), 'hex');
    const key = publicKeyObject(keyPair.publicKeyMultibase);
    expect(verifySignature(null, Buffer.from(combined, 'hex'), key, signature)).toBe(true);
    expect(Buffer.from(decodeBase58btc(text('sigBTC58DataInt.txt').trim().slice(1)) ?? []).toString('hex'))
      .toBe(text('sigHexDataInt.txt').trim());
  });

  test('re-signing the unsigned document with our signer yields the identical proofValue', async () => {
    const key = importKeyPair({ publicKeyMultibase: keyPair.publicKeyMultibase, secretKeyMultibase: keyPair.privateKeyMultibase });
    const signed = await signCredential({
      credential: unsigned,
      signer: key.signer,
      now: new Date(proofConfig.created),
      documentLoader,
    });
    expect(signed).toEqual(json('signedDataInt.json'));
  });

  test('a signed vector with any altered byte of its proofValue no longer verifies', () => {
    const signature = Buffer.from(text('sigHexDataInt.txt').trim(), 'hex');
    signature[5] = (signature[5] as number) ^ 0x01;
    const key = publicKeyObject(keyPair.publicKeyMultibase);
    expect(verifySignature(null, Buffer.from(text('combinedHashDataInt.txt').trim(), 'hex'), key, signature)).toBe(false);
  });
});
