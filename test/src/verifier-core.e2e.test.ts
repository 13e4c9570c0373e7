/**
 * A third-party verifier on our credentials: @digitalcredentials/verifier-core (the verifier inside
 * the DCC's Learner Credential Wallet and VerifierPlus), offline. Every request it makes is
 * answered 404, except the issuer's own status-list URL, which is answered by the issuer's HTTP
 * service on loopback exactly as the issuer serves it. So it may use only the contexts it bundles:
 * a credential that needs any other context fails its signature check here.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { SkillCredential, TrustIndex } from '@corridor/shared';
import { startIssuerService, type IssuerService } from './issuer-api.js';
import { createWorld, HONOURED_EXTRAS, type World } from './world.js';

type Log = { id: string; valid?: boolean }[];
type Result = { log?: Log; errors?: { name: string; message: string }[] };

let world: World;
let service: IssuerService;
let verifyCredential: (options: { credential: object; knownDIDRegistries: unknown[] }) => Promise<Result>;
const requested: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  // It reports its 404s for the OB 3.0 JSON Schema on the console (schema-check.test.ts applies that schema offline).
  jest.spyOn(console, 'log').mockImplementation(() => {});
  jest.spyOn(console, 'error').mockImplementation(() => {});
  world = await createWorld();
  const trust = (await world.trust()) as TrustIndex;
  service = await startIssuerService(world, trust);
  const statusBase = 'https://mctc.example.ph/credentials/status/';
  // Everything it asks the network for: 404, but the issuer's status lists, served by the issuer.
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requested.push(url);
    if (url.startsWith(statusBase)) return realFetch(`${service.base}/credentials/status/${url.slice(statusBase.length)}`, init?.headers ? { headers: init.headers } : {});
    return new Response('not found', { status: 404 });
  };
  ({ verifyCredential } = (await import('@digitalcredentials/verifier-core')) as unknown as { verifyCredential: typeof verifyCredential });
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await service?.close();
  world?.close();
});

const step = (result: Result, id: string) => result.log?.find((entry) => entry.id === id)?.valid;

describe('@digitalcredentials/verifier-core on Corridor credentials, offline', () => {
  let valid: SkillCredential;
  let revoked: SkillCredential;
  beforeAll(async () => {
    valid = await world.issue();
    revoked = await world.issue({ subject: { name: 'Ana Reyes', birthDate: '1998-07-21' } });
    world.issuer.revoke(revoked.id);
  });

  it('finds the signature valid and the credential not revoked', async () => {
    const result = await verifyCredential({ credential: valid, knownDIDRegistries: [] });
    expect(result.errors).toBeUndefined();
    expect(step(result, 'valid_signature')).toBe(true);
    expect(step(result, 'revocation_status')).toBe(true);
    expect(step(result, 'expiration')).toBe(true);
    // It read the issuer's list, and nothing it fetched besides was answered.
    expect(requested).toContain(valid.credentialStatus.statusListCredential);
  });

  it('reads the revocation of a revoked one', async () => {
    const result = await verifyCredential({ credential: revoked, knownDIDRegistries: [] });
    expect(result.errors).toBeUndefined();
    expect(step(result, 'valid_signature')).toBe(true);
    expect(step(result, 'revocation_status')).toBe(false);
  });

  it('asked the network for nothing it could not do without: every other request was a 404, none left the machine', () => {
    const others = requested.filter((url) => !url.startsWith('https://mctc.example.ph/credentials/status/'));
    // Contexts are never among them: it had every context it needed bundled.
    expect(others.filter((url) => /context|credentials\/v2|w3id\.org/.test(url))).toEqual([]);
    expect((globalThis as { __corridorNetworkAttempts?: string[] }).__corridorNetworkAttempts ?? []).toEqual([]);
  });

  it('finds valid what a VC-API client may choose besides: AchievementCredential, names, description, evidence, a holder DID, validUntil', async () => {
    const chosen = await world.issue({ extras: HONOURED_EXTRAS, subject: { name: 'Ana Reyes', birthDate: '1998-07-21', walletDid: 'did:web:wallet.example:ana' }, validUntil: '2031-12-01T00:00:00Z' });
    expect(chosen).toMatchObject({ type: ['VerifiableCredential', 'AchievementCredential'], evidence: HONOURED_EXTRAS.evidence, validUntil: '2031-12-01T00:00:00Z' });
    const result = await verifyCredential({ credential: chosen, knownDIDRegistries: [] });
    expect(result.errors).toBeUndefined();
    expect([step(result, 'valid_signature'), step(result, 'revocation_status'), step(result, 'expiration')]).toEqual([true, true, true]);
  });

  it('calls a tampered one invalid', async () => {
    const tampered = { ...valid, credentialSubject: { ...valid.credentialSubject, name: 'Someone Else' } };
    const result = await verifyCredential({ credential: tampered, knownDIDRegistries: [] });
    expect(result.errors?.map((e) => e.name)).toContain('invalid_signature');
  });
});
