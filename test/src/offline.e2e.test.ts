// Offline means offline: the test environment refuses every non-loopback connection and records
// the attempt; every verification path, including hostile input that names remote documents,
// must finish with no attempt recorded.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { renderCredentialFiles } from '@corridor/issuer';
import { signCredential, type TrustIndex, type SkillCredential } from '@corridor/shared';
import { readCredentialInput, verifySkillCredential } from '@corridor/verifier';
import { createWorld, newKey } from './world.js';

const attempts = () => globalThis.__corridorNetworkAttempts as string[];
let trust: TrustIndex;
let credential: SkillCredential;

beforeAll(async () => {
  const world = await createWorld({ now: () => new Date('2026-11-01T00:00:00Z') });
  credential = await world.issue();
  await world.publishStatus();
  trust = await world.trust('JP');
});

describe('no network', () => {
  it('the guard itself works: a connection attempt fails and is recorded', async () => {
    const before = attempts().length;
    await expect(fetch('https://www.w3.org/ns/credentials/v2')).rejects.toThrow(/network access refused/);
    expect(() => request('http://example.org/').end()).toThrow(/network access refused/);
    expect(attempts().length).toBe(before + 2);
    attempts().length = 0;
  });

  it('verifying from PNG, JSON and QR text, valid or not, opens no connection', async () => {
    const files = await renderCredentialFiles(credential, { catalogue: trust.qrCatalogue! });
    const inputs = [files.png, new TextEncoder().encode(files.json), new TextEncoder().encode(files.qrText)];
    for (const input of inputs) {
      const { credential: read } = await readCredentialInput(input, { catalogue: trust.qrCatalogue! });
      expect((await verifySkillCredential(read, { trust, country: 'JP', now: new Date('2026-11-02T00:00:00Z') })).verdict).toBe('valid');
    }
    const tampered = { ...credential, name: 'Something else' };
    expect((await verifySkillCredential(tampered, { trust, country: 'JP' })).verdict).toBe('invalid');
    expect(attempts()).toEqual([]);
  });

  it('a credential that names a remote context or a did:web issuer is refused with a code, not fetched', async () => {
    const key = newKey();
    const remote = { ...credential, '@context': [...credential['@context'], 'https://evil.example/context.jsonld'] };
    delete (remote as { proof?: unknown }).proof;
    const result = await verifySkillCredential({ ...remote, proof: credential.proof }, { trust, country: 'JP' });
    expect(result.verdict).toBe('invalid');
    expect(result.checks.find((c) => !c.ok)?.code).toMatch(/ERR_CREDENTIAL_MALFORMED|ERR_CONTEXT_UNKNOWN/);
    const webProof = { ...credential.proof, verificationMethod: 'did:web:evil.example#key-1' };
    const web = await verifySkillCredential({ ...credential, proof: webProof }, { trust, country: 'JP' });
    expect(web.verdict).toBe('invalid');
    await expect(signCredential({ credential: remote, signer: key.signer })).rejects.toMatchObject({ code: 'ERR_CONTEXT_UNKNOWN' });
    expect(attempts()).toEqual([]);
  });
});
