// VC-API and VC Data Model 2.0 conformance of the issuer and verifier services, over HTTP: the
// assertions of the W3C CCG vc-api issuer and verifier test suites (which need the network to
// run as published), restated here against our endpoints: every missing or wrongly typed
// envelope property is refused (issuer: an error, no credential; verifier: 400, verified false).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import { PH_CAREGIVING_NC_II, type SkillCredential, type TrustIndex } from '@corridor/shared';
import { createVerifierApp } from '@corridor/verifier';
import { addClient } from '@corridor/issuer';
import { startIssuerService, type IssuerService } from './issuer-api.js';
import { createWorld, type World } from './world.js';

let world: World;
let trust: TrustIndex;
let valid: SkillCredential;
const servers: Server[] = [];
let issuerBase = '';
let issuerService: IssuerService;
// The vc-api issuer suite is configured with an OAuth 2.0 client (client credentials) and sends its token.
let bearer: Record<string, string> = {};
let verifierBase = '';

async function listen(app: { listen(port: number, host: string): Server }): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const post = async (url: string, body: unknown) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(url.startsWith(issuerBase) ? bearer : {}) }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() as Record<string, unknown> };
};
const copy = <T>(value: T): T => structuredClone(value);
const WRONG = ['string', {}, null, 10, true, []];

beforeAll(async () => {
  world = await createWorld();
  valid = await world.issue();
  await world.publishStatus();
  trust = await world.trust('JP');
  const phTrust = await world.trust('PH');
  issuerService = await startIssuerService(world, phTrust);
  issuerBase = issuerService.base;
  // As the suites' oauth2 helper asks: a form body with client_id, client_secret, grant_type,
  // audience and space-separated `scopes`; the answer's access_token goes in every request.
  const { client, secret } = await addClient(world.issuerStore, { name: 'vc-api test suite', scopes: ['issue', 'status'] });
  const tokenResponse = await fetch(`${issuerBase}/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: client.id, client_secret: secret, grant_type: 'client_credentials', audience: issuerBase, scopes: 'issue' }),
  });
  const token = await tokenResponse.json() as { access_token: string; expires_in: number; scope: string };
  expect(token).toMatchObject({ expires_in: 600, scope: 'issue' });
  bearer = { authorization: `Bearer ${token.access_token}` };
  verifierBase = await listen(createVerifierApp({ trust: () => trust, country: 'JP' }));
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await issuerService.close();
  world.close();
});

describe('issuer: POST /credentials/issue', () => {
  const request = () => ({
    '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'],
    credentialSubject: { name: 'Conformance Worker', birthDate: '1990-01-01', achievement: { id: PH_CAREGIVING_NC_II } },
  });
  const refused = async (body: unknown) => {
    const { status, body: answer } = await post(`${issuerBase}/credentials/issue`, body);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(answer.verifiableCredential).toBeUndefined();
    expect(answer.code).toMatch(/^ERR_/);
  };

  it('issues a well-formed request: 201, signed, with the issuer\'s own BitstringStatusListEntry', async () => {
    for (const issuer of [undefined, world.issuer.did, { id: world.issuer.did }]) {
      const { status, body } = await post(`${issuerBase}/credentials/issue`, { credential: { ...request(), ...(issuer ? { issuer } : {}) }, options: {} });
      expect(status).toBe(201);
      const credential = body.verifiableCredential as SkillCredential;
      expect(credential.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' });
      expect(credential.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
    }
  });

  it('requires the body to have "credential"', async () => {
    await refused({ verifiableCredential: request() });
  });

  it('requires "@context": present, an array, of strings, starting with VC 2.0', async () => {
    const { '@context': _context, ...withoutContext } = request();
    await refused({ credential: withoutContext });
    for (const context of [4, 'https://www.w3.org/ns/credentials/v2', [{ foo: true }, 4, false, null], ['https://www.w3.org/2018/credentials/v1']]) {
      await refused({ credential: { ...request(), '@context': context } });
    }
  });

  it('requires "type": present, an array, of strings, with VerifiableCredential', async () => {
    const { type: _type, ...withoutType } = request();
    await refused({ credential: withoutType });
    for (const type of [4, 'VerifiableCredential', [2, null, { foo: true }, false], ['OpenBadgeCredential']]) {
      await refused({ credential: { ...request(), type } });
    }
  });

  it('requires "issuer", when given, to be a string or an object with an id — and to be this issuer', async () => {
    for (const issuer of [4, true, [], {}, { id: 4 }, 'did:key:z6MkSomeoneElse', { id: 'did:key:z6MkSomeoneElse' }]) {
      await refused({ credential: { ...request(), issuer } });
    }
  });

  it('requires "credentialSubject" to be a non-empty object', async () => {
    const { credentialSubject: _subject, ...withoutSubject } = request();
    await refused({ credential: withoutSubject });
    for (const subject of [[null, true, 4], 'string', {}, null]) await refused({ credential: { ...request(), credentialSubject: subject } });
  });
});

describe('verifier: POST /credentials/verify', () => {
  const badRequest = async (credential: unknown) => {
    const { status, body } = await post(`${verifierBase}/credentials/verify`, { verifiableCredential: credential, options: {} });
    expect(status).toBe(400);
    expect(body.verified).toBe(false);
  };

  it('verifies a valid credential: 200, verified true', async () => {
    const { status, body } = await post(`${verifierBase}/credentials/verify`, { verifiableCredential: valid, options: {} });
    expect([status, body.verified]).toEqual([200, true]);
  });

  it('does not verify when "@context", "type", "issuer", "credentialSubject" or "proof" is missing', async () => {
    for (const property of ['@context', 'type', 'issuer', 'credentialSubject', 'proof'] as const) {
      const credential = copy(valid) as unknown as Record<string, unknown>;
      delete credential[property];
      await badRequest(credential);
    }
  });

  it('does not verify when proof.type, created, verificationMethod, proofValue or proofPurpose is missing', async () => {
    for (const property of ['type', 'created', 'verificationMethod', 'proofValue', 'proofPurpose'] as const) {
      const credential = copy(valid);
      delete (credential.proof as unknown as Record<string, unknown>)[property];
      await badRequest(credential);
    }
  });

  it('does not verify when "@context" or "type" is not an array of strings', async () => {
    for (const property of ['@context', 'type'] as const) {
      for (const wrong of [...WRONG, ...WRONG.map((item) => [item])]) await badRequest({ ...copy(valid), [property]: wrong });
    }
  });

  it('does not verify when "issuer" is neither an object nor a string, or "credentialSubject" or "proof" is not an object', async () => {
    for (const wrong of [[], null, 10, true]) await badRequest({ ...copy(valid), issuer: wrong });
    for (const property of ['credentialSubject', 'proof'] as const) {
      for (const wrong of ['string', null, 10, true, []]) await badRequest({ ...copy(valid), [property]: wrong });
    }
  });

  it('answers a body without "verifiableCredential" with 400 and verified false', async () => {
    const { status, body } = await post(`${verifierBase}/credentials/verify`, { credential: valid });
    expect([status, body.verified]).toEqual([400, false]);
  });
});
