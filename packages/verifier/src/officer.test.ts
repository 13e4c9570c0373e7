// What the officer's page decides about a served document, without a browser: the pins win over
// anything the document claims, the signature is the pinned operator's, the sequence never goes back.
import { describe, expect, it } from '@jest/globals';
import { generateKeyPair, importKeyPair, signJson, type KeyPair } from '@corridor/shared';
import {
  acceptOfficerDocument, anchorsDigest, anchorsOf, fingerprint, OFFICER_TRUST_FORMAT, openChain, readOfficerDocument,
  type OfficerTrustDocument, type PinnedTrust,
} from './officer.js';

const key = (): KeyPair => importKeyPair(generateKeyPair());
const operator = key();
const root = key().description.controller;
const pinned: PinnedTrust = { country: 'JP', roots: [root], operator: operator.description.controller, maxStatusAgeSeconds: 7 * 86400 };
const HEAD = 'a'.repeat(64);

const pack = (sequence: number, signer = operator, country = 'JP') => signJson({
  format: 'corridor-trust-pack/1', country, sequence, logHead: HEAD, issuedAt: new Date(Date.UTC(2026, 10, sequence)).toISOString(), records: [], statusLists: [],
}, signer);
const delta = (since: number, sequence: number, signer = operator) => signJson({
  format: 'corridor-trust-pack-delta/1', country: 'JP', since, sequence, logHead: HEAD, issuedAt: new Date(Date.UTC(2026, 10, sequence)).toISOString(), records: [], statusLists: [],
}, signer);
const document = async (over: Partial<OfficerTrustDocument> = {}): Promise<OfficerTrustDocument> => ({
  format: OFFICER_TRUST_FORMAT, pack: await pack(5), deltas: [], ...pinned, ...over,
});
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: { code?: string }) => error.code);

describe('the officer trust document', () => {
  it('fingerprints a did as 8 + 4 hex digits, and digests the anchors whatever the order of the roots', () => {
    expect(fingerprint(root)).toMatch(/^[0-9A-F]{4} [0-9A-F]{4} … [0-9A-F]{4}$/);
    expect(fingerprint(root)).not.toBe(fingerprint(operator.description.controller));
    const two = { ...pinned, roots: ['did:key:b', 'did:key:a'] };
    expect(anchorsDigest(two)).toBe(anchorsDigest({ ...two, roots: ['did:key:a', 'did:key:b'] }));
    expect(anchorsDigest(two)).not.toBe(anchorsDigest({ ...two, maxStatusAgeSeconds: 86400 }));
  });

  it('refuses an unsigned v1 document and one without a signed pack', async () => {
    expect(() => readOfficerDocument({ format: 'corridor-officer-trust/1', ...pinned, content: {} })).toThrow(expect.objectContaining({ code: 'ERR_TRUST_PACK_INVALID' }));
    const signed = await document();
    expect(() => readOfficerDocument({ ...signed, pack: { payload: 'x' } })).toThrow(expect.objectContaining({ code: 'ERR_TRUST_PACK_INVALID' }));
    for (const over of [{ country: 'jp' }, { operator: 'https://evil.example' }, { roots: [] }, { roots: ['<img src=x>'] }, { maxStatusAgeSeconds: 0 }]) {
      expect(() => readOfficerDocument({ ...signed, ...over })).toThrow(expect.objectContaining({ code: 'ERR_TRUST_PACK_INVALID' }));
    }
    expect(anchorsOf(readOfficerDocument(await document()))).toEqual(pinned);
  });

  it('accepts the pinned operator\'s pack and deltas, newer or the same as held', async () => {
    const held = await openChain(await document(), pinned);
    const next = await acceptOfficerDocument(await document({ deltas: [await delta(5, 6), await delta(6, 8)] }), pinned, held.held);
    expect(next.index.sequence).toBe(8);
    expect(next.chain.deltas).toHaveLength(2);
    expect(await codeOf(acceptOfficerDocument(await document(), pinned, held.held))).toBe('accepted');
  });

  it('refuses other anchors, a stranger\'s signature, an older pack, another country, a stranger\'s delta', async () => {
    const held = (await openChain(await document({ pack: await pack(7) }), pinned)).held;
    const stranger = key();
    expect(await codeOf(acceptOfficerDocument(await document({ roots: [key().description.controller] }), pinned, held))).toBe('ERR_TRUST_PACK_INVALID');
    expect(await codeOf(acceptOfficerDocument(await document({ country: 'PH' }), pinned, held))).toBe('ERR_TRUST_PACK_INVALID');
    expect(await codeOf(acceptOfficerDocument(await document({ maxStatusAgeSeconds: 365 * 86400 }), pinned, held))).toBe('ERR_TRUST_PACK_INVALID');
    expect(await codeOf(acceptOfficerDocument(await document({ operator: stranger.description.controller, pack: await pack(9, stranger) }), pinned, held))).toBe('ERR_TRUST_PACK_INVALID');
    expect(await codeOf(acceptOfficerDocument(await document({ pack: await pack(9, stranger) }), pinned, held))).toBe('ERR_TRUST_PACK_INVALID');
    expect(await codeOf(acceptOfficerDocument(await document({ pack: await pack(9, operator, 'PH') }), pinned, held))).toBe('ERR_TRUST_PACK_INVALID');
    expect(await codeOf(acceptOfficerDocument(await document({ deltas: [await delta(5, 9, stranger)] }), pinned, held))).toBe('ERR_TRUST_PACK_INVALID');
    expect(await codeOf(acceptOfficerDocument(await document({ pack: await pack(6) }), pinned, held))).toBe('ERR_TRUST_PACK_ROLLBACK');
    expect(await codeOf(acceptOfficerDocument(await document({ pack: await pack(5), deltas: [await delta(5, 6)] }), pinned, held))).toBe('ERR_TRUST_PACK_ROLLBACK');
  });
});
