// Issue 18, issuance: a worker's wallet receives their credential by scanning an OpenID4VCI offer
// and typing a PIN. The wallet is played by the client side of the same protocol libraries
// (@openid4vc/openid4vci, @openid4vc/oauth2), not by our code; it reaches the issuer service on a
// loopback port as if it were https://mctc.example.ph. Every attack goes through HTTP and is refused.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { clientAuthenticationNone, type JwtSigner } from '@openid4vc/oauth2';
import { Openid4vciClient, type CredentialOfferObject, type IssuerMetadataResult } from '@openid4vc/openid4vci';
import { Openid4vpClient } from '@openid4vc/openid4vp';
import { PH_CAREGIVING_NC_II, signPresentation, type KeyPair, type SkillCredential, type TrustIndex } from '@corridor/shared';
import { createVerifierApp, verifySkillCredential } from '@corridor/verifier';
import { startIssuerService, type IssuerService } from './issuer-api.js';
import { createWorld, newKey, type World } from './world.js';

let world: World;
let trust: TrustIndex;
let service: IssuerService;
let clock = Date.parse('2026-11-02T09:00:00Z');
const now = () => new Date(clock);
const logLines: string[] = [];
let desk: string;

const maria = { name: 'Maria Santos', birthDate: '1996-04-12', activityEndDate: '2026-10-30', achievement: { id: PH_CAREGIVING_NC_II } };
const issueBody = (subject: Record<string, unknown> = maria) => ({
  credential: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'], credentialSubject: subject },
});

async function call(method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(service.base + path, {
    method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/**
 * The worker's phone: the library's wallet client, with crypto callbacks of its own (jose and
 * node:crypto). `signWith` lets an attacker's wallet sign with another key than it names.
 */
function walletClient(key: KeyPair, signWith: KeyPair = key) {
  const callbacks = {
    hash: (data: Uint8Array, alg: string) => new Uint8Array(createHash(alg.replace('-', '').toLowerCase()).update(data).digest()),
    generateRandom: (n: number) => new Uint8Array(randomBytes(n)),
    signJwt: async (_signer: JwtSigner, jwt: { header: Record<string, unknown>; payload: Record<string, unknown> }) => ({
      jwt: await new SignJWT(jwt.payload).setProtectedHeader(jwt.header as never).sign(signWith.privateKey),
      signerJwk: signWith.publicKey.export({ format: 'jwk' }) as never,
    }),
    clientAuthentication: clientAuthenticationNone({ clientId: 'worker-wallet' }),
    // The issuer's name, resolved to the loopback service (as DNS would in production).
    fetch: ((url: string | URL, init?: RequestInit) => fetch(String(url).replace('https://mctc.example.ph', service.base), init)) as typeof fetch,
  };
  return new Openid4vciClient({ callbacks: callbacks as never });
}

const didOf = (key: KeyPair) => key.description.controller;
const signerOf = (key: KeyPair): JwtSigner => ({ method: 'did', didUrl: key.description.id, alg: 'EdDSA' });

/** What the error the library raised says: the protocol's `error` and our `code`. */
function refusal(error: unknown): { error?: string; code?: string } {
  const e = error as { errorResponse?: Record<string, unknown>; response?: { credentialErrorResponseResult?: { data?: Record<string, unknown> } } };
  const body = e.errorResponse ?? e.response?.credentialErrorResponseResult?.data;
  if (!body) throw error;
  return { error: body.error as string, code: body.code as string };
}

async function refused(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return refusal(error);
  }
  throw new Error('expected a refusal');
}

interface Session { client: Openid4vciClient; offer: CredentialOfferObject; metadata: IssuerMetadataResult }

async function scan(uri: string, key: KeyPair, signWith?: KeyPair): Promise<Session> {
  const client = walletClient(key, signWith);
  const offer = await client.resolveCredentialOffer(uri);
  const metadata = await client.resolveIssuerMetadata(offer.credential_issuer);
  return { client, offer, metadata };
}

const token = ({ client, offer, metadata }: Session, pin?: string) =>
  client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer: offer, issuerMetadata: metadata, ...(pin !== undefined ? { txCode: pin } : {}) });

async function fetchCredential(session: Session, accessToken: string, key: KeyPair, nonce?: string, signer: JwtSigner = signerOf(key)) {
  const { client, offer, metadata } = session;
  const cNonce = nonce ?? (await client.requestNonce({ issuerMetadata: metadata })).c_nonce;
  const configurationId = offer.credential_configuration_ids[0]!;
  const { jwt } = await client.createCredentialRequestJwtProof({ issuerMetadata: metadata, credentialConfigurationId: configurationId, signer, nonce: cNonce });
  const { credentialResponse } = await client.retrieveCredentials({ issuerMetadata: metadata, accessToken, credentialConfigurationId: configurationId, proof: { proof_type: 'jwt', jwt } });
  const entry = credentialResponse.credentials?.[0] as { credential: SkillCredential } | undefined;
  return entry!.credential;
}

async function issuePaper(subject: Record<string, unknown> = maria): Promise<SkillCredential> {
  return (await call('POST', '/credentials/issue', desk, issueBody(subject))).body.verifiableCredential as SkillCredential;
}

async function offerFor(credentialId: string, token = desk) {
  const response = await call('POST', `/credentials/${encodeURIComponent(credentialId)}/offer`, token, {});
  expect(response.status).toBe(201);
  return response.body as { uri: string; pin: string; expiresAt: string; qrSvg: string };
}

beforeAll(async () => {
  world = await createWorld({ now });
  trust = await world.trust('PH');
  // Many wallets from one loopback address within a minute: the per-address wallet limit is not what this file tests.
  service = await startIssuerService(world, trust, { now, log: (line) => logLines.push(line), onStatusChange: () => world.publishStatus(), limits: { walletPerMinute: 1000 } });
  desk = (await service.client(['issue', 'read', 'status'])).token;
}, 60_000);

afterAll(async () => {
  await service.close();
  world.close();
});

describe('OpenID4VCI: a wallet receives the credential with the PIN, bound to its key', () => {
  it('publishes issuer and authorization server metadata for ldp_vc (eddsa-rdfc-2022) with jwt proofs', async () => {
    const issuerMetadata = (await call('GET', '/.well-known/openid-credential-issuer')).body;
    expect(issuerMetadata.credential_issuer).toBe('https://mctc.example.ph');
    const configuration = (issuerMetadata.credential_configurations_supported as Record<string, Record<string, unknown>>).CorridorSkillCredential!;
    expect(configuration).toMatchObject({ format: 'ldp_vc', credential_signing_alg_values_supported: ['eddsa-rdfc-2022'], proof_types_supported: { jwt: expect.anything() } });
    expect((await call('GET', '/.well-known/oauth-authorization-server')).body).toMatchObject({ issuer: 'https://mctc.example.ph', token_endpoint: 'https://mctc.example.ph/oid4vci/token' });
  });

  it('offer → PIN → token → proof of possession → a credential for credentialSubject.id = the wallet key, which verifies', async () => {
    const paper = await issuePaper();
    const offer = await offerFor(paper.id);
    expect(offer.uri).toMatch(/^openid-credential-offer:\/\/\?credential_offer=/);
    expect(offer.pin).toMatch(/^\d{6}$/);
    expect(offer.qrSvg).toContain('<svg');
    const phone = newKey();
    const session = await scan(offer.uri, phone);
    expect(session.offer.grants?.['urn:ietf:params:oauth:grant-type:pre-authorized_code']?.tx_code).toMatchObject({ input_mode: 'numeric', length: 6 });
    const { accessTokenResponse } = await token(session, offer.pin);
    const credential = await fetchCredential(session, accessTokenResponse.access_token, phone);
    expect(credential.credentialSubject.id).toBe(didOf(phone));
    expect(credential.id).not.toBe(paper.id);
    expect(credential.credentialStatus).toEqual(paper.credentialStatus);
    await world.publishStatus();
    const result = await verifySkillCredential(credential, { trust: await world.trust('JP'), country: 'JP', now: now() });
    expect(result.verdict).toBe('valid');
    // The paper credential without a holder is untouched and still valid.
    expect((await verifySkillCredential(paper, { trust: await world.trust('JP'), country: 'JP', now: now() })).verdict).toBe('valid');
    // Its audit trail names the desk, the offer and its use; no PIN, code or name in logs.
    const actions = world.issuerStore.auditLog().filter((e) => e.credentialId === paper.id).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['offer', 'offer-token', 'offer-issue']));
    expect(logLines.join('\n')).not.toContain(offer.pin);
    expect(logLines.join('\n')).not.toContain('Maria');
  });

  it('the whole flow: received by OpenID4VCI, then presented by OpenID4VP to a JP officer: valid, bound to the wallet', async () => {
    const paper = await issuePaper();
    const offer = await offerFor(paper.id);
    const phone = newKey();
    const session = await scan(offer.uri, phone);
    const credential = await fetchCredential(session, (await token(session, offer.pin)).accessTokenResponse.access_token, phone);
    await world.publishStatus();
    const jpTrust = await world.trust('JP');
    const officer = createVerifierApp({ trust: () => jpTrust, country: 'JP', publicUrl: 'https://verifier.example.jp', now }).listen(0, '127.0.0.1');
    await new Promise((resolve) => officer.once('listening', resolve));
    const officerBase = `http://127.0.0.1:${(officer.address() as { port: number }).port}`;
    try {
      const request = await (await fetch(`${officerBase}/oid4vp/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json() as { id: string; uri: string };
      const unused = (): never => { throw new Error('not used'); };
      const wallet = new Openid4vpClient({ callbacks: {
        hash: unused, signJwt: unused, verifyJwt: unused, encryptJwe: unused, decryptJwe: unused,
        fetch: ((url: string | URL, init?: RequestInit) => fetch(String(url).replace('https://verifier.example.jp', officerBase), init)) as typeof fetch,
      } as never });
      const parsed = wallet.parseOpenid4vpAuthorizationRequest({ authorizationRequest: request.uri }) as { params: never };
      const resolved = await wallet.resolveOpenId4vpAuthorizationRequest({ authorizationRequestPayload: parsed.params });
      const asked = resolved.authorizationRequestPayload as { nonce: string; client_id: string; response_uri: string };
      const vp = await signPresentation({
        presentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], holder: didOf(phone), verifiableCredential: [credential] },
        signer: phone.signer, challenge: asked.nonce, domain: asked.client_id,
      });
      const { authorizationResponsePayload } = await wallet.createOpenid4vpAuthorizationResponse({
        authorizationRequestPayload: resolved.authorizationRequestPayload, authorizationResponsePayload: { vp_token: { skill: [vp] } as never },
      });
      await wallet.submitOpenid4vpAuthorizationResponse({ authorizationRequestPayload: asked, authorizationResponsePayload });
      const answered = await (await fetch(`${officerBase}/oid4vp/requests/${request.id}`)).json() as { result: Record<string, unknown> };
      expect(answered.result).toMatchObject({ verdict: 'valid', holder: { ok: true }, recognition: { outcome: 'partial' } });
    } finally {
      await new Promise((resolve) => officer.close(resolve));
    }
  });

  it('a wallet proving its key as a jwk (Ed25519) is bound as that key\'s did:key; a P-256 key is refused', async () => {
    const paper = await issuePaper();
    const offer = await offerFor(paper.id);
    const phone = newKey();
    const session = await scan(offer.uri, phone);
    const accessToken = (await token(session, offer.pin)).accessTokenResponse.access_token;
    const publicJwk = phone.publicKey.export({ format: 'jwk' }) as never;
    const credential = await fetchCredential(session, accessToken, phone, undefined, { method: 'jwk', alg: 'EdDSA', publicJwk });
    expect(credential.credentialSubject.id).toBe(didOf(phone));

    // A P-256 key has no Ed25519 did:key: the verifier could not check that holder's presentations offline.
    const other = await issuePaper();
    const otherOffer = await offerFor(other.id);
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const p256Session = await scan(otherOffer.uri, { ...phone, privateKey: p256.privateKey, publicKey: p256.publicKey });
    const p256Token = (await token(p256Session, otherOffer.pin)).accessTokenResponse.access_token;
    const p256Signer: JwtSigner = { method: 'jwk', alg: 'ES256', publicJwk: p256.publicKey.export({ format: 'jwk' }) as never };
    // The library's wallet would not sign ES256 for this issuer; an attacker's wallet reads the metadata its own way.
    const metadata = structuredClone(p256Session.metadata) as unknown as { credentialIssuer: { credential_configurations_supported: Record<string, any> }; knownCredentialConfigurations: Record<string, any> };
    for (const where of [metadata.credentialIssuer.credential_configurations_supported, metadata.knownCredentialConfigurations]) {
      where.CorridorSkillCredential.proof_types_supported.jwt.proof_signing_alg_values_supported = ['EdDSA', 'ES256'];
    }
    const attacker = { ...p256Session, metadata: metadata as unknown as IssuerMetadataResult };
    expect(await refused(fetchCredential(attacker, p256Token, phone, undefined, p256Signer))).toMatchObject({ error: 'invalid_proof' });
  });

  it('an offer works once: the same QR and PIN again are refused (invalid_grant, ERR_NOT_FOUND)', async () => {
    const paper = await issuePaper();
    const offer = await offerFor(paper.id);
    const first = await scan(offer.uri, newKey());
    await token(first, offer.pin);
    expect(await refused(token(await scan(offer.uri, newKey()), offer.pin))).toEqual({ error: 'invalid_grant', code: 'ERR_NOT_FOUND' });
  });

  it('a wrong PIN is refused; five wrong PINs end the offer, even for the right PIN', async () => {
    const paper = await issuePaper();
    const offer = await offerFor(paper.id);
    const wrong = String((Number(offer.pin) + 1) % 1_000_000).padStart(6, '0');
    const session = await scan(offer.uri, newKey());
    expect(await refused(token(session, wrong))).toEqual({ error: 'invalid_grant', code: 'ERR_UNAUTHENTICATED' });
    // Without a PIN (the library's wallet would not send that: a hand-made request does).
    const code = session.offer.grants!['urn:ietf:params:oauth:grant-type:pre-authorized_code']!['pre-authorized_code'];
    const bare = await fetch(`${service.base}/oid4vci/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code', 'pre-authorized_code': code }) });
    expect(await bare.json()).toMatchObject({ error: 'invalid_grant', code: 'ERR_UNAUTHENTICATED' });
    for (let i = 0; i < 3; i++) await refused(token(session, wrong));
    expect(await refused(token(session, offer.pin))).toEqual({ error: 'invalid_grant', code: 'ERR_NOT_FOUND' });
  });

  it('an expired offer is refused', async () => {
    const paper = await issuePaper();
    const offer = await offerFor(paper.id);
    const session = await scan(offer.uri, newKey());
    clock += 15 * 86_400_000;
    try {
      expect(await refused(token(session, offer.pin))).toEqual({ error: 'invalid_grant', code: 'ERR_NOT_FOUND' });
    } finally {
      clock -= 15 * 86_400_000;
    }
  });

  it('a proof with a nonce the issuer never gave, or gave and saw used, is refused (invalid_nonce)', async () => {
    const paper = await issuePaper();
    const offer = await offerFor(paper.id);
    const phone = newKey();
    const session = await scan(offer.uri, phone);
    const { accessTokenResponse } = await token(session, offer.pin);
    expect(await refused(fetchCredential(session, accessTokenResponse.access_token, phone, 'a-nonce-of-my-own-choosing'))).toEqual({ error: 'invalid_nonce', code: 'ERR_SIGNATURE_INVALID' });
    const used = accessTokenResponse.c_nonce!;
    const other = await issuePaper();
    const otherOffer = await offerFor(other.id);
    const otherSession = await scan(otherOffer.uri, phone);
    await fetchCredential(otherSession, (await token(otherSession, otherOffer.pin)).accessTokenResponse.access_token, phone, (await session.client.requestNonce({ issuerMetadata: session.metadata })).c_nonce);
    expect(used).toBeDefined();
    // The first nonce is still fresh: it works once, and a replay of it does not.
    const nonce = (await session.client.requestNonce({ issuerMetadata: session.metadata })).c_nonce;
    const credential = await fetchCredential(session, accessTokenResponse.access_token, phone, nonce);
    expect(credential.credentialSubject.id).toBe(didOf(phone));
    const third = await issuePaper();
    const thirdOffer = await offerFor(third.id);
    const thirdSession = await scan(thirdOffer.uri, phone);
    const thirdToken = (await token(thirdSession, thirdOffer.pin)).accessTokenResponse.access_token;
    expect(await refused(fetchCredential(thirdSession, thirdToken, phone, nonce))).toEqual({ error: 'invalid_nonce', code: 'ERR_SIGNATURE_INVALID' });
  });

  it('a proof naming one key and signed by another is refused (invalid_proof), and the token fetches one credential only', async () => {
    const paper = await issuePaper();
    const offer = await offerFor(paper.id);
    const victim = newKey();
    const attacker = newKey();
    const session = await scan(offer.uri, victim, attacker);
    const { accessTokenResponse } = await token(session, offer.pin);
    expect(await refused(fetchCredential(session, accessTokenResponse.access_token, victim))).toEqual({ error: 'invalid_proof', code: 'ERR_SIGNATURE_INVALID' });
    // The honest wallet with the same token gets it once; a second request with the token is refused.
    const honest = { ...session, client: walletClient(victim) };
    await fetchCredential(honest, accessTokenResponse.access_token, victim);
    expect(await refused(fetchCredential(honest, accessTokenResponse.access_token, victim))).toEqual({ error: 'invalid_token', code: 'ERR_UNAUTHENTICATED' });
  });

  it('a proof with alg none or an HMAC, naming the wallet key, is refused', async () => {
    const paper = await issuePaper();
    const offer = await offerFor(paper.id);
    const victim = newKey();
    const session = await scan(offer.uri, victim);
    const { accessTokenResponse } = await token(session, offer.pin);
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const alg of ['none', 'HS256']) {
      const { c_nonce: nonce } = await session.client.requestNonce({ issuerMetadata: session.metadata });
      const jwt = `${b64({ typ: 'openid4vci-proof+jwt', alg, kid: victim.description.id })}.${b64({ aud: 'https://mctc.example.ph', iat: Math.floor(clock / 1000), nonce })}.${alg === 'none' ? '' : 'c2lnbmF0dXJl'}`;
      const response = await fetch(`${service.base}/oid4vci/credential`, {
        method: 'POST', headers: { authorization: `Bearer ${accessTokenResponse.access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ credential_configuration_id: 'CorridorSkillCredential', proofs: { jwt: [jwt] } }),
      });
      expect(response.status).toBe(400);
      // `none` fails the library's message schema, HS256 our callback (Ed25519 and P-256 only).
      expect(await response.json()).toMatchObject(alg === 'none'
        ? { error: 'invalid_credential_request', code: 'ERR_INPUT_INVALID' } : { error: 'invalid_proof', code: 'ERR_SIGNATURE_INVALID' });
    }
    // The token was not used up by the refused requests: the real wallet still gets its credential.
    expect((await fetchCredential(session, accessTokenResponse.access_token, victim)).credentialSubject.id).toBe(didOf(victim));
  });

  it('a credential already issued to a wallet did goes to no other key (ERR_HOLDER_MISMATCH)', async () => {
    const owner = newKey();
    const paper = await issuePaper({ ...maria, id: didOf(owner) });
    const offer = await offerFor(paper.id);
    const thief = newKey();
    const session = await scan(offer.uri, thief);
    const { accessTokenResponse } = await token(session, offer.pin);
    expect(await refused(fetchCredential(session, accessTokenResponse.access_token, thief))).toEqual({ error: 'credential_request_denied', code: 'ERR_HOLDER_MISMATCH' });
  });

  it('revoking the paper credential revokes the wallet credential too (one status entry)', async () => {
    const paper = await issuePaper();
    const offer = await offerFor(paper.id);
    const phone = newKey();
    const session = await scan(offer.uri, phone);
    const credential = await fetchCredential(session, (await token(session, offer.pin)).accessTokenResponse.access_token, phone);
    const revoke = await call('POST', '/credentials/status', desk, { credentialId: paper.id, credentialStatus: [{ type: 'BitstringStatusListEntry', status: 'revoked' }] });
    expect(revoke.status).toBe(200);
    const result = await verifySkillCredential(credential, { trust: await world.trust('JP'), country: 'JP', now: now() });
    expect(result.checks.find((c) => c.id === 'status')?.code).toBe('ERR_CREDENTIAL_REVOKED');
    // And a revoked credential is offered to no wallet.
    expect((await call('POST', `/credentials/${encodeURIComponent(paper.id)}/offer`, desk, {})).body.code).toBe('ERR_CREDENTIAL_REVOKED');
  });

  it('malformed requests to the token, nonce and credential endpoints: always 4xx with a code, never a 500', async () => {
    const bodies: [string, string][] = [
      ['application/x-www-form-urlencoded', ''], ['application/x-www-form-urlencoded', 'grant_type=client_credentials'],
      ['application/x-www-form-urlencoded', 'grant_type=urn:ietf:params:oauth:grant-type:pre-authorized_code'],
      ['application/x-www-form-urlencoded', 'grant_type=urn:ietf:params:oauth:grant-type:pre-authorized_code&pre-authorized_code=x&tx_code=123456'],
      ['application/x-www-form-urlencoded', 'grant_type=authorization_code&code=x'], ['application/json', '{"__proto__":{"a":1}}'],
      ['application/json', '[1,2'], ['application/json', '{"proofs":{"jwt":["a.b.c"]},"credential_configuration_id":"CorridorSkillCredential"}'],
      ['text/plain', 'hello'], ['application/json', JSON.stringify({ format: 'ldp_vc', credential_definition: { type: [1] } })],
    ];
    const bearer = { authorization: 'Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln' };
    for (const [path, headers] of [['/oid4vci/token', {}], ['/oid4vci/credential', {}], ['/oid4vci/credential', bearer], ['/oid4vci/nonce', {}]] as const) {
      for (const [type, body] of bodies) {
        const response = await fetch(`${service.base}${path}`, { method: 'POST', headers: { 'content-type': type, ...headers }, body });
        // The nonce endpoint reads no body: it answers 200 unless the body is not even JSON.
        if (path === '/oid4vci/nonce' && response.status === 200) continue;
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect((await response.json() as { code?: string }).code).toMatch(/^ERR_/);
      }
    }
  });

  it('only staff with read or issue create offers (401 without a token, 403 with status only)', async () => {
    const paper = await issuePaper();
    expect((await call('POST', `/credentials/${encodeURIComponent(paper.id)}/offer`, undefined, {})).body.code).toBe('ERR_UNAUTHENTICATED');
    const statusOnly = (await service.client(['status'])).token;
    expect((await call('POST', `/credentials/${encodeURIComponent(paper.id)}/offer`, statusOnly, {})).body.code).toBe('ERR_FORBIDDEN');
  });
});
