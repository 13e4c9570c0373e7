// The specialised path must produce byte-identical canonical N-Quads to jsonld.js (through the
// eddsa-rdfc-2022 cryptosuite's own canonize), for thousands of generated credentials, and
// decline anything it is not sure about. Runs: CORRIDOR_DIFFERENTIAL_RUNS (default 1000).
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { CREDENTIAL_CONTEXTS } from './contexts/index.js';
import { documentLoader } from './document-loader.js';
import { canonicalCredential, canonicalProofConfig } from './fast-canonical.js';
import { generateKeyPair, importKeyPair } from './keys.js';
import { createProof, signCredential, verifyCredentialProof } from './proof.js';

const runs = Number(process.env.CORRIDOR_DIFFERENTIAL_RUNS ?? 1000);
const libraryCanonize = (doc: unknown) => eddsaRdfc2022.canonize(doc, { documentLoader });

const text = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', ' ', '"quoted"', 'back\\slash', 'line\nbreak', 'tab\t', '\u0000', '\u007f', 'ü日本語', 'مرحبا', '\ud800', '😀'),
);
const iriTail = fc.string({ unit: fc.constantFrom(...'abcXYZ019-._~:/?#[]@!$&\'()*+,;=%'.split('')), minLength: 1, maxLength: 16 });
const iri = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.constantFrom('https://', 'http://', 'urn:', 'did:key:z6Mk', 'did:web:'), iriTail).map(([a, b]) => a + b) },
  // Not sure IRIs: the fast path must decline these.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('https://a b', 'urn:x<y>', 'mailto:x', 'schema:name', '_:b0', 'xsd:date', 'urn:"q"'), iriTail).map(([a, b]) => a + b) },
);
const dateTime = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')),
  text,
);
const alignment = fc.record({
  type: fc.constant(['Alignment']), targetCode: text, targetFramework: text, targetName: text,
}, { requiredKeys: ['type', 'targetCode', 'targetFramework', 'targetName'] })
  .chain((a) => fc.option(iri, { nil: undefined }).map((targetUrl) => (targetUrl === undefined ? a : { ...a, targetUrl })));
const credential = fc.record({
  id: iri, issuerId: iri, issuerName: text, validFrom: dateTime, validUntil: fc.option(dateTime, { nil: undefined }), name: text,
  subjectId: fc.option(iri, { nil: undefined }), subjectName: text, birthDate: text, hashed: fc.boolean(), identityType: text, activityEndDate: dateTime,
  route: fc.constantFrom('training', 'recognition-of-prior-learning', 'other'),
  achievementId: iri, achievementName: text,
  description: text, narrative: text, achievementType: fc.constantFrom('Certificate', 'Certification', 'License', 'x'),
  alignment: fc.array(alignment, { maxLength: 4 }), statusId: fc.option(iri, { nil: undefined }), statusPurpose: fc.constantFrom('revocation', 'suspension'),
  statusIndex: text, statusList: iri,
}).map((g) => ({
  '@context': [...CREDENTIAL_CONTEXTS], id: g.id, type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: g.issuerId, type: ['Profile'], name: g.issuerName }, validFrom: g.validFrom,
  ...(g.validUntil === undefined ? {} : { validUntil: g.validUntil }), name: g.name,
  credentialSubject: {
    ...(g.subjectId === undefined ? {} : { id: g.subjectId }), type: ['AchievementSubject'], name: g.subjectName,
    identifier: [{ type: 'IdentityObject', hashed: g.hashed, identityHash: g.birthDate, identityType: g.identityType }],
    activityEndDate: g.activityEndDate,
    result: [{ type: ['Result'], value: g.route }],
    achievement: {
      id: g.achievementId, type: ['Achievement'], name: g.achievementName, description: g.description,
      criteria: { narrative: g.narrative }, achievementType: g.achievementType, alignment: g.alignment,
    },
  },
  credentialStatus: {
    ...(g.statusId === undefined ? {} : { id: g.statusId }), type: 'BitstringStatusListEntry', statusPurpose: g.statusPurpose,
    statusListIndex: g.statusIndex, statusListCredential: g.statusList,
  },
}));

describe('the specialised canonical path', () => {
  it(`matches jsonld.js byte for byte on ${runs} generated credentials, or declines`, async () => {
    let compared = 0;
    await fc.assert(fc.asyncProperty(credential, async (doc) => {
      const fast = canonicalCredential(doc);
      if (fast === undefined) return;
      compared += 1;
      expect(fast).toBe(await libraryCanonize(doc));
    }), { numRuns: runs });
    expect(compared).toBeGreaterThan(runs / 4);
  });

  it('matches jsonld.js when blank nodes tie on their first-degree hash (two or three identical alignments)', async () => {
    await fc.assert(fc.asyncProperty(credential, alignment, fc.constantFrom(2, 3), async (doc, same, copies) => {
      const twins = structuredClone(doc);
      twins.credentialSubject.achievement.alignment = Array.from({ length: copies }, () => ({ ...same }));
      const fast = canonicalCredential(twins);
      if (fast !== undefined) expect(fast).toBe(await libraryCanonize(twins));
    }), { numRuns: Math.max(20, Math.floor(runs / 20)) });
  });

  it('matches on proof configurations, and declines anything else', async () => {
    await fc.assert(fc.asyncProperty(fc.option(dateTime, { nil: undefined }), iri, async (created, verificationMethod) => {
      const config = { '@context': [...CREDENTIAL_CONTEXTS], type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', ...(created === undefined ? {} : { created }), verificationMethod, proofPurpose: 'assertionMethod' };
      const { '@context': _c, ...bare } = config;
      const fast = canonicalProofConfig(bare);
      if (fast !== undefined) expect(fast).toBe(await libraryCanonize(config));
    }), { numRuns: Math.max(50, runs / 10) });
    expect(canonicalProofConfig({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: 'did:key:z6Mk', proofPurpose: 'authentication' })).toBeUndefined();
    expect(canonicalProofConfig({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: 'did:key:z6Mk', proofPurpose: 'assertionMethod', challenge: 'x' })).toBeUndefined();
  });

  it('declines extra fields, other contexts and other types', () => {
    const sample = fc.sample(credential, { numRuns: 50, seed: 7 }).find((c) => canonicalCredential(c) !== undefined)!;
    expect(canonicalCredential({ ...sample, extra: 'x' })).toBeUndefined();
    expect(canonicalCredential({ ...sample, '@context': [...CREDENTIAL_CONTEXTS, 'https://example.org/ctx'] })).toBeUndefined();
    expect(canonicalCredential({ ...sample, type: ['VerifiableCredential'] })).toBeUndefined();
    expect(canonicalCredential({ ...sample, credentialSubject: { ...sample.credentialSubject, name: 5 } })).toBeUndefined();
  });
});

describe('fast signing and verification', () => {
  const key = importKeyPair(generateKeyPair());
  const librarySign = async (doc: object, now: Date) => vc.issue({
    credential: structuredClone(doc), suite: new DataIntegrityProof({ signer: key.signer, cryptosuite: eddsaRdfc2022, date: now }), documentLoader, now,
  });

  it('signs with the same proofValue as the library, and both paths verify each other', async () => {
    const wellFormed = credential.map((c) => ({
      ...c, issuer: { ...c.issuer, id: key.description.controller }, validFrom: '2026-11-01T00:00:00Z', validUntil: undefined,
      credentialSubject: { ...c.credentialSubject, activityEndDate: '2026-10-01T00:00:00Z' },
    })).filter((c) => canonicalCredential(c) !== undefined);
    await fc.assert(fc.asyncProperty(wellFormed, async (raw) => {
      const { validUntil: _v, ...doc } = raw;
      const now = new Date('2026-11-01T00:00:00Z');
      const theirs = await librarySign(doc, now).catch(() => 'refused');
      const ours = await signCredential({ credential: doc, signer: key.signer, now }).catch(() => 'refused');
      expect(ours).toEqual(theirs);
    }), { numRuns: Math.max(20, runs / 20) });
  });

  it('never says verified for a changed credential, and agrees with the library', async () => {
    const doc = fc.sample(credential, { numRuns: 200, seed: 11 })
      .map(({ validUntil: _v, ...c }) => ({ ...c, issuer: { ...c.issuer, id: key.description.controller }, validFrom: '2026-11-01T00:00:00Z', credentialSubject: { ...c.credentialSubject, activityEndDate: '2026-10-01T00:00:00Z' } }))
      .find((c) => canonicalCredential(c) !== undefined && /^urn:|^https:/.test(c.id))!;
    const signed = await signCredential({ credential: doc, signer: key.signer, now: new Date('2026-11-01T00:00:00Z') });
    expect(await verifyCredentialProof({ credential: signed })).toEqual({ verified: true });
    const changed = { ...signed, name: `${signed.name}!` };
    expect((await verifyCredentialProof({ credential: changed })).verified).toBe(false);
    // The remembered proof configuration is one of plain strings: the same instant as a Date
    // object is a different configuration, and the answer is the library's.
    const dated = { ...signed, proof: { ...signed.proof, created: new Date(signed.proof.created as string) } };
    const library = await vc.verifyCredential({ credential: dated, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader, checkStatus: async () => ({ verified: true }) }).catch(() => ({ verified: false }));
    expect((await verifyCredentialProof({ credential: dated })).verified).toBe(library.verified);
  });

  it('createProof gives exactly the proof signCredential adds, on our shape and off it, and leaves its input alone', async () => {
    const now = new Date('2026-11-01T00:00:00Z');
    const doc = fc.sample(credential, { numRuns: 200, seed: 5 })
      .map(({ validUntil: _v, ...c }) => ({ ...c, issuer: { ...c.issuer, id: key.description.controller }, validFrom: '2026-11-01T00:00:00Z', credentialSubject: { ...c.credentialSubject, activityEndDate: '2026-10-01T00:00:00Z' } }))
      // The library checks credentialStatus.id is a URL (on the off-shape path): a sample it takes.
      .find((c) => canonicalCredential(c) !== undefined && (c.credentialStatus.id === undefined || URL.canParse(c.credentialStatus.id)))!;
    const offShape = { ...doc, description: 'An extra field our specialised path does not take: the library signs it.' };
    expect(canonicalCredential(offShape)).toBeUndefined();
    for (const unsigned of [doc, offShape]) {
      const before = JSON.stringify(unsigned);
      const proof = await createProof({ credential: unsigned, signer: key.signer, now });
      expect(proof).toEqual((await signCredential({ credential: unsigned, signer: key.signer, now })).proof);
      expect(JSON.stringify(unsigned)).toBe(before);
    }
  });
});

describe('the specialised path for status lists', () => {
  it('matches jsonld.js on generated BitstringStatusListCredentials and their proof configurations', async () => {
    const { canonicalStatusList } = await import('./fast-canonical.js');
    const { VC_V2_CONTEXT } = await import('./contexts/index.js');
    const list = fc.record({
      id: iri, issuer: iri, validFrom: dateTime, validUntil: fc.option(dateTime, { nil: undefined }), purpose: fc.constantFrom('revocation', 'suspension', 'x'), encodedList: text,
    });
    let compared = 0;
    await fc.assert(fc.asyncProperty(list, async (g) => {
      const doc = {
        '@context': [VC_V2_CONTEXT], id: g.id, type: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: g.issuer, validFrom: g.validFrom,
        ...(g.validUntil === undefined ? {} : { validUntil: g.validUntil }),
        credentialSubject: { id: `${g.id}#list`, type: 'BitstringStatusList', statusPurpose: g.purpose, encodedList: g.encodedList },
      };
      const fast = canonicalStatusList(doc);
      if (fast === undefined) return;
      compared += 1;
      expect(fast).toBe(await libraryCanonize(doc));
      const config = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2026-01-01T00:00:00Z', verificationMethod: `${g.issuer}#k`, proofPurpose: 'assertionMethod' };
      const fastConfig = canonicalProofConfig(config);
      if (fastConfig !== undefined) expect(fastConfig).toBe(await libraryCanonize({ '@context': [VC_V2_CONTEXT], ...config }));
    }), { numRuns: Math.max(50, runs / 5) });
    expect(compared).toBeGreaterThan(10);
  });
});
