/**
 * The verification and issuance benchmarks: Corridor's paths against the plain @digitalbazaar/vc
 * path with a typical offline loader, in the same process and run.
 */
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

export interface CryptoResults {
  verify: { corridor: Rate; plainLibrary: Rate; ratio: number };
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
  const plainVerifyRate = await measure(() => plainVerify(credential), { durationMs });
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
    verify: { corridor: oursVerifyRate, plainLibrary: plainVerifyRate, ratio: round(oursVerifyRate.opsPerSecond / plainVerifyRate.opsPerSecond, 2) },
    issue: { corridor: oursIssueRate, plainLibrary: plainIssueRate, ratio: round(oursIssueRate.opsPerSecond / plainIssueRate.opsPerSecond, 2) },
  };
}
