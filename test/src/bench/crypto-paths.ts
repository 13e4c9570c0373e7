/**
 * The verification and issuance benchmarks: Corridor's paths against the plain @digitalbazaar/vc
 * path with a typical offline loader, against the same library configured as well as it can be
 * (issue 19), and against node:crypto's bare Ed25519 verify — all in the same process and run.
 */
import { generateKeyPairSync, randomBytes, sign as signBytes, verify as verifyBytes } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {
  BUNDLED_CONTEXTS, decodeBitstring, generateKeyPair, getBit, resolveDidKey, type SkillCredential, type StatusListCredential,
} from '@corridor/shared';
import { verifySkillCredential } from '@corridor/verifier';
import { createWorld } from '../world.js';
import { measure, round, type Rate } from './measure.js';

/** A typical offline loader: a Map of contexts and did:key, without `tag: 'static'`. */
const contexts = new Map<string, unknown>(BUNDLED_CONTEXTS.map(({ url, document }) => [url, document]));
async function plainLoader(url: string) {
  const document = contexts.get(url) ?? (url.startsWith('did:key:') ? resolveDidKey(url) : undefined);
  if (document === undefined) throw new Error(`not found: ${url}`);
  return { contextUrl: null, documentUrl: url, document };
}

/**
 * The best-configured plain loader: the same documents, marked `tag: 'static'` (the library may then
 * skip its own copies and checks), did:key documents resolved once.
 */
const resolvedDids = new Map<string, unknown>();
async function bestLoader(url: string) {
  let document = contexts.get(url);
  if (document === undefined && url.startsWith('did:key:')) {
    document = resolvedDids.get(url) ?? resolveDidKey(url);
    resolvedDids.set(url, document);
  }
  if (document === undefined) throw new Error(`not found: ${url}`);
  return { contextUrl: null, documentUrl: url, document, tag: 'static' };
}

/** The cryptosuite with each verification method's key imported once, not on every verify. */
type Cryptosuite = typeof eddsaRdfc2022 & { createVerifier: (options: { verificationMethod: { id: string } }) => Promise<unknown> };
function withKeysImportedOnce(suite: typeof eddsaRdfc2022): typeof eddsaRdfc2022 {
  const verifiers = new Map<string, Promise<unknown>>();
  const original = suite as Cryptosuite;
  return {
    ...original,
    createVerifier: (options: { verificationMethod: { id: string } }) => {
      const known = verifiers.get(options.verificationMethod.id);
      if (known) return known;
      const created = original.createVerifier(options);
      verifiers.set(options.verificationMethod.id, created);
      return created;
    },
  } as typeof eddsaRdfc2022;
}

/** node:crypto's Ed25519 verify of a 64-byte message (what eddsa-rdfc-2022 signs), the key object made once. */
async function bareEd25519Rate(durationMs: number): Promise<Rate> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const message = randomBytes(64);
  const signature = signBytes(null, message, privateKey);
  return measure(async () => {
    if (!verifyBytes(null, message, publicKey, signature)) throw new Error('bare Ed25519 verify failed');
  }, { durationMs });
}

export interface CryptoResults {
  verify: {
    corridor: Rate; plainLibrary: Rate; ratio: number;
    /** The library as well configured as it can be: static loader, status list verified once, keys imported once. */
    bestPlainLibrary: Rate; ratioToBest: number;
    /** node:crypto's bare Ed25519 verify, and our rate as a share of it. */
    bareEd25519: Rate; shareOfBareEd25519: number;
  };
  issue: { corridor: Rate; plainLibrary: Rate; ratio: number };
}

export async function benchCryptoPaths(durationMs: number): Promise<CryptoResults> {
  const world = await createWorld({ now: () => new Date() });
  const credential = await world.issue();
  await world.publishStatus();
  const trust = await world.trust('JP');
  const [statusList] = (await world.issuer.statusListCredentials()) as StatusListCredential[];

  // The plain path: the library verifies the proof, and its status check re-verifies and inflates the list.
  const plainVerify = async (c: SkillCredential) => {
    const result = await vc.verifyCredential({
      credential: c, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader: plainLoader,
      checkStatus: async () => {
        const list = await vc.verifyCredential({ credential: statusList!, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader: plainLoader });
        if (!list.verified) return { verified: false };
        const bits = decodeBitstring(statusList!.credentialSubject.encodedList);
        return { verified: !getBit(bits, Number(c.credentialStatus.statusListIndex)) };
      },
    });
    if (!result.verified) throw new Error('plain verify failed');
  };
  const oursVerify = async () => {
    const result = await verifySkillCredential(credential, { trust, country: 'JP' });
    if (result.verdict !== 'valid') throw new Error(`corridor verify: ${result.verdict}`);
  };
  // The best-configured plain path: the status list's proof verified once and its bits kept.
  const bestSuite = withKeysImportedOnce(eddsaRdfc2022);
  const listCheck = await vc.verifyCredential({ credential: statusList!, suite: new DataIntegrityProof({ cryptosuite: bestSuite }), documentLoader: bestLoader });
  if (!listCheck.verified) throw new Error('best plain: the status list does not verify');
  const listBits = decodeBitstring(statusList!.credentialSubject.encodedList);
  const bestVerify = async (c: SkillCredential) => {
    const result = await vc.verifyCredential({
      credential: c, suite: new DataIntegrityProof({ cryptosuite: bestSuite }), documentLoader: bestLoader,
      checkStatus: async () => ({ verified: !getBit(listBits, Number(c.credentialStatus.statusListIndex)) }),
    });
    if (!result.verified) throw new Error('best plain verify failed');
  };
  const plainVerifyRate = await measure(() => plainVerify(credential), { durationMs });
  const bestVerifyRate = await measure(() => bestVerify(credential), { durationMs });
  const bareRate = await bareEd25519Rate(durationMs);
  const oursVerifyRate = await measure(oursVerify, { durationMs });

  const stored = generateKeyPair();
  const multikey = await Ed25519Multikey.from(stored);
  const { proof: _proof, ...signedFields } = credential;
  const unsigned = { ...signedFields, issuer: { ...signedFields.issuer, id: stored.controller } };
  const plainIssue = async () => vc.issue({
    credential: structuredClone(unsigned), suite: new DataIntegrityProof({ signer: multikey.signer(), cryptosuite: eddsaRdfc2022 }), documentLoader: plainLoader,
  });
  const plainIssueRate = await measure(plainIssue, { durationMs });
  const oursIssueRate = await measure(() => world.issue(), { durationMs });
  world.close();
  return {
    verify: {
      corridor: oursVerifyRate, plainLibrary: plainVerifyRate, ratio: round(oursVerifyRate.opsPerSecond / plainVerifyRate.opsPerSecond, 2),
      bestPlainLibrary: bestVerifyRate, ratioToBest: round(oursVerifyRate.opsPerSecond / bestVerifyRate.opsPerSecond, 2),
      bareEd25519: bareRate, shareOfBareEd25519: round(oursVerifyRate.opsPerSecond / bareRate.opsPerSecond, 2),
    },
    issue: { corridor: oursIssueRate, plainLibrary: plainIssueRate, ratio: round(oursIssueRate.opsPerSecond / plainIssueRate.opsPerSecond, 2) },
  };
}
