// Issue 18, presentation: the officer's service makes an OpenID4VP request (DCQL, direct_post),
// the worker's wallet — the client side of @openid4vc/openid4vp, not our code — answers with
// holder-signed ldp_vp presentations, and the service verifies each credential offline against the
// pack, that all are bound to the wallet that signed (nonce = challenge, client_id = domain), and
// closes the gap (partial → full). Replays, wrong nonces and other holders are refused over HTTP.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Openid4vpClient } from '@openid4vc/openid4vp';
import { Issuer, IssuerStore } from '@corridor/issuer';
import { accreditationRecord } from '@corridor/registry';
import { JP_CARE_BRIDGING, JP_JLPT_N4, signPresentation, signRecord, type KeyPair, type QualificationRecord, type SkillCredential, type TrustIndex } from '@corridor/shared';
import { createVerifierApp } from '@corridor/verifier';
import { listenOnLoopback, type Listening } from './loopback.js';
import { createWorld, newKey, WORKER, type World } from './world.js';

const PUBLIC = 'https://verifier.example.jp';
let world: World;
let trust: TrustIndex;
let service: Listening;
let base: string;
const phone = newKey();
const otherPhone = newKey();
const companions: Record<string, { issuer: Issuer; qualification: QualificationRecord }> = {};

async function jpIssuer(qualificationId: string, name: string) {
  const key = newKey();
  const slug = name.toLowerCase().replace(/\W+/g, '-');
  await world.registry.submit(await signRecord(accreditationRecord({
    id: `urn:corridor:accreditation:JP:${slug}`, authority: world.keys.jp, trainingBody: key, name, country: 'JP',
    baseUrl: `https://${slug}.example.jp`, qualifications: [qualificationId], validFrom: '2026-01-01T00:00:00Z',
  }), world.keys.jp));
  const issuer = new Issuer({ store: new IssuerStore(':memory:'), key, name, baseUrl: `https://${slug}.example.jp` });
  const qualification = (await world.trust('JP')).qualifications.get(qualificationId) as QualificationRecord;
  companions[qualificationId] = { issuer, qualification };
}

/** A JP centre's credential for the worker, bound to `holder` (its wallet did). */
const companion = (qualificationId: string, holder: KeyPair) => {
  const { issuer, qualification } = companions[qualificationId]!;
  return issuer.issue({ qualification, subject: { ...WORKER, walletDid: holder.description.controller }, assessedAt: '2026-09-01T00:00:00Z', route: 'training' });
};

const unused = (): never => { throw new Error('not used'); };
/** The worker's wallet: the library's client, reaching the verifier's public URL on the loopback port. */
const walletClient = () => new Openid4vpClient({
  callbacks: {
    hash: unused, signJwt: unused, verifyJwt: unused, encryptJwe: unused, decryptJwe: unused,
    fetch: ((url: string | URL, init?: RequestInit) => fetch(String(url).replace(PUBLIC, base), init)) as typeof fetch,
  } as never,
});

async function createRequest(body: Record<string, unknown> = {}) {
  const response = await fetch(`${base}/oid4vp/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return await response.json() as { id: string; uri: string; nonce: string; clientId: string; qrSvg: string };
}

/** An ldp_vp of `credentials`, signed by `holder` over `challenge` and `domain`. */
const vp = (holder: KeyPair, credentials: SkillCredential[], challenge: string, domain: string) => signPresentation({
  presentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], holder: holder.description.controller, verifiableCredential: credentials },
  signer: holder.signer, challenge, domain,
});

/** The wallet scans the QR and answers: `answer` builds the vp_token from the request's nonce and client_id. */
async function answer(uri: string, build: (nonce: string, clientId: string) => Promise<Record<string, unknown[]>>) {
  const client = walletClient();
  const parsed = client.parseOpenid4vpAuthorizationRequest({ authorizationRequest: uri });
  const resolved = await client.resolveOpenId4vpAuthorizationRequest({ authorizationRequestPayload: (parsed as { params: never }).params });
  const request = resolved.authorizationRequestPayload as { nonce: string; client_id: string; response_uri: string };
  const { authorizationResponsePayload } = await client.createOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: resolved.authorizationRequestPayload, authorizationResponsePayload: { vp_token: await build(request.nonce, request.client_id) as never },
  });
  const { response } = await client.submitOpenid4vpAuthorizationResponse({ authorizationRequestPayload: request, authorizationResponsePayload });
  return { status: response.status, body: await response.json() as Record<string, unknown>, authorizationResponsePayload, resolved };
}

const status = async (id: string) => (await (await fetch(`${base}/oid4vp/requests/${id}`)).json()) as Record<string, any>;

let skill: SkillCredential;
let jlpt: SkillCredential;
let bridging: SkillCredential;

beforeAll(async () => {
  world = await createWorld();
  await jpIssuer(JP_JLPT_N4, 'Japan Foundation Test Centre');
  await jpIssuer(JP_CARE_BRIDGING, 'Tokyo Care Academy');
  skill = await world.issue({ subject: { ...WORKER, walletDid: phone.description.controller } });
  jlpt = await companion(JP_JLPT_N4, phone);
  bridging = await companion(JP_CARE_BRIDGING, phone);
  for (const { issuer } of Object.values(companions)) await world.publishStatus(issuer);
  await world.publishStatus();
  trust = await world.trust('JP');
  service = await listenOnLoopback(createVerifierApp({ trust: () => trust, country: 'JP', publicUrl: PUBLIC }));
  base = service.base;
}, 60_000);

afterAll(async () => {
  await service?.close();
  world?.close();
});

describe('OpenID4VP: the wallet presents, the officer gets the verdict', () => {
  it('a DCQL request by direct_post, shown as a QR; skill + JLPT N4 + bridging of the same holder → full', async () => {
    const request = await createRequest();
    expect(request.uri).toMatch(/^openid4vp:\/\//);
    expect(request.clientId).toBe(`redirect_uri:${PUBLIC}/oid4vp/response`);
    expect(request.qrSvg).toContain('<svg');
    const done = await answer(request.uri, async (nonce, clientId) => ({
      skill: [await vp(phone, [skill], nonce, clientId)],
      companions: [await vp(phone, [jlpt, bridging], nonce, clientId)],
    }));
    expect(done.resolved.dcql?.query).toMatchObject({ credentials: [{ id: 'skill', format: 'ldp_vc' }, { id: 'companions', multiple: true }] });
    expect(done).toMatchObject({ status: 200, body: { verified: true } });
    const read = await status(request.id);
    expect(read).toMatchObject({ status: 'answered', result: { verdict: 'valid', holder: { ok: true }, recognition: { outcome: 'full' } } });
    expect(read.presentations).toHaveLength(2);
  });

  it('the skill credential alone: valid, partial (the conditions not met)', async () => {
    const request = await createRequest();
    await answer(request.uri, async (nonce, clientId) => ({ skill: [await vp(phone, [skill], nonce, clientId)] }));
    expect((await status(request.id)).result).toMatchObject({ verdict: 'valid', recognition: { outcome: 'partial' } });
  });

  it('a companion credential of another holder, in the worker\'s presentation: that condition is not met', async () => {
    const theirs = await companion(JP_JLPT_N4, otherPhone);
    const request = await createRequest();
    await answer(request.uri, async (nonce, clientId) => ({
      skill: [await vp(phone, [skill], nonce, clientId)], companions: [await vp(phone, [theirs, bridging], nonce, clientId)],
    }));
    const { result } = await status(request.id);
    expect(result.recognition).toMatchObject({ outcome: 'partial', conditions: [{ met: false }, { met: true }] });
    expect(result.credentials[1].checks.map((c: { code?: string }) => c.code)).toContain('ERR_HOLDER_MISMATCH');
  });

  it('a companion presented under another wallet\'s key: the response is refused as a whole (ERR_HOLDER_MISMATCH)', async () => {
    const theirs = await companion(JP_JLPT_N4, otherPhone);
    const request = await createRequest();
    const done = await answer(request.uri, async (nonce, clientId) => ({
      skill: [await vp(phone, [skill], nonce, clientId)], companions: [await vp(otherPhone, [theirs], nonce, clientId)],
    }));
    expect(done.body).toEqual({ verified: false });
    expect((await status(request.id)).result).toMatchObject({ verdict: 'invalid', holder: { ok: false, code: 'ERR_HOLDER_MISMATCH' } });
  });

  it('a credential without a holder id (the paper one) is not bound to the wallet: invalid', async () => {
    const paper = await world.issue();
    const request = await createRequest();
    await answer(request.uri, async (nonce, clientId) => ({ skill: [await vp(phone, [paper], nonce, clientId)] }));
    expect((await status(request.id)).result).toMatchObject({ verdict: 'invalid', holder: { ok: false, code: 'ERR_HOLDER_MISMATCH' } });
  });

  it('a presentation signed over another nonce or for another verifier (client_id) is refused', async () => {
    for (const [nonceOf, domainOf] of [[() => 'an-old-nonce-from-elsewhere-0000', (c: string) => c], [(n: string) => n, () => 'redirect_uri:https://evil.example/response']] as const) {
      const request = await createRequest();
      await answer(request.uri, async (nonce, clientId) => ({ skill: [await vp(phone, [skill], nonceOf(nonce), domainOf(clientId))] }));
      const { result } = await status(request.id);
      expect(result.verdict).toBe('invalid');
      expect(result.holder.ok).toBe(false);
    }
  });

  it('a replayed response is refused: to the same request (ERR_REQUEST_REPLAYED), and to a new one (its nonce differs)', async () => {
    const request = await createRequest();
    const first = await answer(request.uri, async (nonce, clientId) => ({ skill: [await vp(phone, [skill], nonce, clientId)] }));
    const form = (payload: Record<string, unknown>) => new URLSearchParams(Object.entries(payload).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    const again = await fetch(`${base}/oid4vp/response`, { method: 'POST', body: form(first.authorizationResponsePayload as Record<string, unknown>) });
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe('ERR_REQUEST_REPLAYED');
    // The same vp_token, sent to a new request (with that request's state): its nonce is not this one.
    const next = await createRequest();
    const state = new URL(next.uri.replace('openid4vp://', 'https://x/')).searchParams.get('state')!;
    const replay = await fetch(`${base}/oid4vp/response`, { method: 'POST', body: form({ ...first.authorizationResponsePayload, state }) });
    expect(await replay.json()).toEqual({ verified: false });
    expect((await status(next.id)).result).toMatchObject({ verdict: 'invalid', holder: { ok: false } });
  });

  it('a response for no open request, or not by the DCQL query ids, is refused', async () => {
    const unknown = await fetch(`${base}/oid4vp/response`, { method: 'POST', body: new URLSearchParams({ state: 'nope', vp_token: '{}' }) });
    expect((await unknown.json()).code).toBe('ERR_NOT_FOUND');
    const request = await createRequest();
    const state = new URL(request.uri.replace('openid4vp://', 'https://x/')).searchParams.get('state')!;
    const wrong = await fetch(`${base}/oid4vp/response`, { method: 'POST', body: new URLSearchParams({ state, vp_token: JSON.stringify({ something: [{}] }) }) });
    expect((await wrong.json()).code).toBe('ERR_INPUT_INVALID');
    // A JWT presentation where ldp_vp was asked: not what this verifier checks.
    const jwt = await fetch(`${base}/oid4vp/response`, { method: 'POST', body: new URLSearchParams({ state, vp_token: JSON.stringify({ skill: ['eyJhbGciOiJub25lIn0.e30.'] }) }) });
    expect((await jwt.json()).code).toBe('ERR_INPUT_INVALID');
  });

  it('without companions, the request asks for the skill credential only', async () => {
    const request = await createRequest({ companions: false });
    const query = JSON.parse(new URL(request.uri.replace('openid4vp://', 'https://x/')).searchParams.get('dcql_query')!) as { credentials: { id: string }[] };
    expect(query.credentials.map((c) => c.id)).toEqual(['skill']);
  });
});
