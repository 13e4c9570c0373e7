// Issue 16, as an attacker on the training centre's shared office network would try it: the
// issuer service over HTTP refuses every staff endpoint without a valid bearer token of the
// right scope (401/403 problem+json), tokens are OAuth 2.0 client credentials that a revoked
// client loses at once, the audit trail names the client and the credential id and never the
// worker, a worker's wallet link works once, and rate limits answer 429 with Retry-After.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { addClient, type Scope } from '@corridor/issuer';
import { PH_CAREGIVING_NC_II, type SkillCredential, type TrustIndex } from '@corridor/shared';
import { verifySkillCredential } from '@corridor/verifier';
import { requestToken, startIssuerService, type IssuerService } from './issuer-api.js';
import { createWorld, type World } from './world.js';

let world: World;
let trust: TrustIndex;
let service: IssuerService;
let clock = Date.parse('2026-11-02T09:00:00Z');
const now = () => new Date(clock);
const logLines: string[] = [];

const maria = { name: 'Maria Santos', birthDate: '1996-04-12', activityEndDate: '2026-10-30', achievement: { id: PH_CAREGIVING_NC_II } };
const issueBody = (subject: Record<string, unknown> = maria, options: Record<string, unknown> = {}) => ({
  credential: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'], credentialSubject: subject },
  options,
});
const revokeBody = (credentialId: string) => ({ credentialId, credentialStatus: [{ type: 'BitstringStatusListEntry', status: 'revoked' }] });

async function call(method: string, path: string, token?: string, body?: unknown, base = service.base) {
  const response = await fetch(base + path, {
    method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

let audience = '';
let issued: SkillCredential;
let tokens: Record<'all' | Scope, string>;

beforeAll(async () => {
  world = await createWorld({ now });
  trust = await world.trust('PH');
  audience = `urn:corridor:issuer-api:${world.issuer.did}`;
  service = await startIssuerService(world, trust, { now, log: (line) => logLines.push(line), onStatusChange: () => world.publishStatus() });
  tokens = {
    all: (await service.client()).token,
    issue: (await service.client(['issue'])).token,
    status: (await service.client(['status'])).token,
    read: (await service.client(['read'])).token,
  };
  issued = (await call('POST', '/credentials/issue', tokens.issue, issueBody())).body.verifiableCredential as SkillCredential;
}, 60_000);

afterAll(async () => {
  await service.close();
  world.close();
});

/** Every staff endpoint with the scope it needs. */
const endpoints = (): { method: string; path: string; body?: unknown; scope: Scope }[] => [
  { method: 'POST', path: '/credentials/issue', body: issueBody({ ...maria, name: 'Attacker Made' }), scope: 'issue' },
  { method: 'POST', path: '/credentials/status', body: revokeBody(issued.id), scope: 'status' },
  { method: 'GET', path: '/credentials?name=Santos', scope: 'read' },
  { method: 'GET', path: `/credentials/${issued.id}`, scope: 'read' },
];

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = (scope = 'issue status read', clientId = 'client-x') => ({ scope, client_id: clientId, sub: clientId, aud: audience, iss: audience, jti: 'j', iat: Math.floor(clock / 1000), exp: Math.floor(clock / 1000) + 600 });

describe('the attacks of issue 16 are refused', () => {
  it('no token: 401 problem+json ERR_UNAUTHENTICATED with WWW-Authenticate: Bearer, and nothing issued, revoked or shown', async () => {
    const before = world.issuerStore.credentials({ limit: 1000 }).length;
    for (const endpoint of endpoints()) {
      const answer = await call(endpoint.method, endpoint.path, undefined, endpoint.body);
      expect([endpoint.path, answer.status, answer.body.code]).toEqual([endpoint.path, 401, 'ERR_UNAUTHENTICATED']);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(answer.text).not.toMatch(/Maria|Santos|1996/);
    }
    expect(world.issuerStore.credentials({ limit: 1000 })).toHaveLength(before);
    expect(world.issuerStore.credential(issued.id)!.state).toBe('active');
  });

  it('forged tokens: another key, alg none, EdDSA, another audience, garbage: all 401 — and the credential stays active', async () => {
    const clientId = (await addClient(world.issuerStore, { name: 'real desk', scopes: ['issue', 'status', 'read'] })).client.id;
    const otherKey = new Uint8Array(randomBytes(32));
    const { generateKeyPair } = await import('jose');
    const ed = await generateKeyPair('EdDSA');
    const forged = [
      await new SignJWT(claims(undefined, clientId)).setProtectedHeader({ alg: 'HS256' }).sign(otherKey),
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims(undefined, clientId))}.`,
      await new SignJWT(claims(undefined, clientId)).setProtectedHeader({ alg: 'EdDSA' }).sign(ed.privateKey),
      await new SignJWT({ ...claims(undefined, clientId), aud: 'urn:corridor:issuer-api:did:key:z6MkOther', iss: 'urn:corridor:issuer-api:did:key:z6MkOther' })
        .setProtectedHeader({ alg: 'HS256' }).sign(otherKey),
      'not-a-token', '',
    ];
    for (const token of forged) {
      for (const endpoint of endpoints()) {
        const answer = await call(endpoint.method, endpoint.path, token, endpoint.body);
        expect([token.slice(0, 12), endpoint.path, answer.status, answer.body.code]).toEqual([token.slice(0, 12), endpoint.path, 401, 'ERR_UNAUTHENTICATED']);
      }
    }
    expect(world.issuerStore.credential(issued.id)!.state).toBe('active');
  });

  it('a token for another scope: 403 ERR_FORBIDDEN (WWW-Authenticate insufficient_scope)', async () => {
    for (const endpoint of endpoints()) {
      for (const scope of ['issue', 'status', 'read'] as const) {
        if (scope === endpoint.scope) continue;
        const answer = await call(endpoint.method, endpoint.path, tokens[scope], endpoint.body);
        expect([endpoint.path, scope, answer.status, answer.body.code]).toEqual([endpoint.path, scope, 403, 'ERR_FORBIDDEN']);
        expect(answer.headers.get('www-authenticate')).toMatch(/insufficient_scope/);
      }
    }
    expect(world.issuerStore.credential(issued.id)!.state).toBe('active');
  });

  it('an expired token: 401 on every endpoint; a fresh one from the same client works', async () => {
    const desk = await service.client(['issue', 'status', 'read']);
    expect((await call('GET', `/credentials/${issued.id}`, desk.token)).status).toBe(200);
    clock += 11 * 60_000;
    try {
      for (const endpoint of endpoints()) {
        const answer = await call(endpoint.method, endpoint.path, desk.token, endpoint.body);
        expect([endpoint.path, answer.status, answer.body.code]).toEqual([endpoint.path, 401, 'ERR_UNAUTHENTICATED']);
        expect(answer.body.detail).toMatch(/expired/);
      }
      expect(world.issuerStore.credential(issued.id)!.state).toBe('active');
      const fresh = (await (await requestToken(service.base, desk.id, desk.secret)).json()) as { access_token: string };
      expect((await call('GET', `/credentials/${issued.id}`, fresh.access_token)).status).toBe(200);
    } finally {
      clock -= 11 * 60_000;
    }
  });

  it('a revoked client: its unexpired token stops working at once, and it gets no new one', async () => {
    const desk = await service.client(['read']);
    expect((await call('GET', '/credentials', desk.token)).status).toBe(200);
    world.issuerStore.revokeClient(desk.id, { at: now().toISOString(), clientId: 'cli', action: 'client-revoke' });
    expect((await call('GET', '/credentials', desk.token)).status).toBe(401);
    const again = await requestToken(service.base, desk.id, desk.secret);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('the published status lists stay public', async () => {
    const list = await call('GET', `/credentials/status/${issued.credentialStatus.statusListCredential.split('/').pop()}`);
    expect(list.status).toBe(200);
    expect(list.body.type).toContain('BitstringStatusListCredential');
  });
});

describe('POST /oauth2/token (RFC 6749 §4.4, §5.2)', () => {
  let desk: { id: string; secret: string };
  beforeAll(async () => {
    const { client, secret } = await addClient(world.issuerStore, { name: 'registrar desk', scopes: ['issue', 'read'] });
    desk = { id: client.id, secret };
  });
  const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => fetch(`${service.base}/oauth2/token`, { method: 'POST', body: new URLSearchParams(fields), headers });

  it('grants a short-lived bearer JWT by HTTP Basic or by form body, narrowed to the scopes asked for', async () => {
    const basic = await requestToken(service.base, desk.id, desk.secret, 'read');
    expect(basic.status).toBe(200);
    expect(basic.headers.get('cache-control')).toBe('no-store');
    const token = await basic.json() as Record<string, unknown>;
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'read' });
    const [header, payload] = (token.access_token as string).split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p!, 'base64url').toString()));
    expect(header.alg).toBe('HS256');
    expect(payload).toMatchObject({ client_id: desk.id, scope: 'read', aud: audience });
    expect(payload.exp - payload.iat).toBe(600);
    expect(typeof payload.jti).toBe('string');
    // Asked for read only: it cannot issue.
    expect((await call('POST', '/credentials/issue', token.access_token as string, issueBody())).status).toBe(403);
    const body = await form({ grant_type: 'client_credentials', client_id: desk.id, client_secret: desk.secret });
    expect(body.status).toBe(200);
    expect(await body.json()).toMatchObject({ scope: 'issue read' });
  });

  it('refuses with the registered errors', async () => {
    const basic = { authorization: `Basic ${Buffer.from(`${desk.id}:${desk.secret}`).toString('base64')}` };
    const cases: [Promise<Response>, number, string][] = [
      [form({ grant_type: 'client_credentials', client_id: desk.id, client_secret: 'wrong' }), 401, 'invalid_client'],
      [form({ grant_type: 'client_credentials', client_id: 'client-unknown', client_secret: desk.secret }), 401, 'invalid_client'],
      [form({ grant_type: 'client_credentials' }), 401, 'invalid_client'],
      [form({ grant_type: 'password', client_id: desk.id, client_secret: desk.secret }), 400, 'unsupported_grant_type'],
      [form({ client_id: desk.id, client_secret: desk.secret }), 400, 'invalid_request'],
      [form({ grant_type: 'client_credentials', scope: 'status' }, basic), 400, 'invalid_scope'],
      [form({ grant_type: 'client_credentials', scope: 'admin' }, basic), 400, 'invalid_scope'],
      [form({ grant_type: 'client_credentials', client_secret: desk.secret }, basic), 400, 'invalid_request'],
    ];
    for (const [pending, status, error] of cases) {
      const response = await pending;
      const answer = await response.json() as Record<string, unknown>;
      expect([response.status, answer.error]).toEqual([status, error]);
      expect(answer.code).toMatch(/^ERR_/);
      expect(JSON.stringify(answer)).not.toContain(desk.secret);
    }
  });
});

describe('the audit trail and the logs', () => {
  it('records each issue, revoke, list and download with the client and the credential id, and no personal data', async () => {
    const issuer = await service.client(['issue']);
    const revoker = await service.client(['status']);
    const reader = await service.client(['read']);
    const credential = (await call('POST', '/credentials/issue', issuer.token, issueBody({ ...maria, name: 'Ana Reyes', birthDate: '1999-02-03' }))).body.verifiableCredential as SkillCredential;
    expect((await call('GET', `/credentials/${credential.id}`, reader.token)).status).toBe(200);
    expect((await call('GET', '/credentials?name=Reyes', reader.token)).status).toBe(200);
    expect((await call('POST', '/credentials/status', revoker.token, revokeBody(credential.id))).status).toBe(200);
    const entries = world.issuerStore.auditLog();
    expect(entries.filter((e) => e.credentialId === credential.id).map((e) => [e.clientId, e.action])).toEqual([
      [issuer.id, 'issue'], [reader.id, 'download'], [revoker.id, 'revoke'],
    ]);
    expect(entries.some((e) => e.clientId === reader.id && e.action === 'list')).toBe(true);
    const everything = JSON.stringify(entries) + logLines.join('\n');
    for (const personal of ['Ana', 'Reyes', '1999-02-03', 'Maria', 'Santos', '1996-04-12']) expect(everything).not.toContain(personal);
    for (const secret of [issuer.secret, revoker.secret, reader.secret, issuer.token, reader.token]) expect(everything).not.toContain(secret);
    // The revocation went out: a JP officer now sees it revoked.
    const result = await verifySkillCredential(credential, { trust: await world.trust('JP'), country: 'JP', now: now() });
    expect(result.checks.find((c) => c.id === 'status')?.code).toBe('ERR_CREDENTIAL_REVOKED');
  });
});

describe('wallet links: a worker downloads their own credential without a staff token', () => {
  it('works once, then 404; the link is in the audit trail and never in a log line', async () => {
    const reader = await service.client(['read']);
    const made = await call('POST', `/credentials/${issued.id}/wallet-link`, reader.token, {});
    expect(made.status).toBe(201);
    const { code, url, expiresAt } = made.body as { code: string; url: string; expiresAt: string };
    expect(url).toBe(`https://mctc.example.ph/wallet/${code}`);
    expect(Date.parse(expiresAt) - clock).toBe(30 * 86_400_000);
    const first = await call('GET', `/wallet/${code}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/application\/vc\+ld\+json/);
    expect((first.body as unknown as SkillCredential).id).toBe(issued.id);
    const second = await call('GET', `/wallet/${code}`);
    expect([second.status, second.body.code]).toEqual([404, 'ERR_NOT_FOUND']);
    expect(world.issuerStore.auditLog().filter((e) => e.credentialId === issued.id && e.action.startsWith('wallet')).map((e) => [e.clientId, e.action]))
      .toEqual(expect.arrayContaining([[reader.id, 'wallet-link'], [reader.id, 'wallet-download']]));
    expect(logLines.join('\n')).not.toContain(code);
  });

  it('an expired link 404s; a link can be asked for at issue time; a status-only client cannot make one', async () => {
    const desk = await service.client(['issue']);
    const answer = await call('POST', '/credentials/issue', desk.token, issueBody({ ...maria, name: 'Jose Cruz' }, { walletLink: true }));
    expect(answer.status).toBe(201);
    const { code } = answer.body.walletLink as { code: string };
    clock += 31 * 86_400_000;
    try {
      expect((await call('GET', `/wallet/${code}`)).status).toBe(404);
    } finally {
      clock -= 31 * 86_400_000;
    }
    expect((await call('POST', `/credentials/${issued.id}/wallet-link`, tokens.status, {})).status).toBe(403);
    expect((await call('POST', `/credentials/${issued.id}/wallet-link`, undefined, {})).status).toBe(401);
    expect((await call('GET', `/wallet/${'A'.repeat(32)}`)).status).toBe(404);
  });
});

describe('rate limits', () => {
  it('answers 429 ERR_RATE_LIMITED with Retry-After, per client: one busy desk does not stop another', async () => {
    const limited = await startIssuerService(world, trust, { now, limits: { tokenPerMinute: 100, issuePerMinute: 2 } });
    try {
      const a = await limited.client(['issue']);
      const b = await limited.client(['issue']);
      for (let i = 0; i < 2; i++) expect((await call('POST', '/credentials/issue', a.token, issueBody(), limited.base)).status).toBe(201);
      const refused = await call('POST', '/credentials/issue', a.token, issueBody(), limited.base);
      expect([refused.status, refused.body.code]).toEqual([429, 'ERR_RATE_LIMITED']);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await call('POST', '/credentials/issue', b.token, issueBody(), limited.base)).status).toBe(201);
    } finally {
      await limited.close();
    }
  });

  it('limits token requests by remote address (guessing secrets is slow)', async () => {
    const limited = await startIssuerService(world, trust, { now, limits: { tokenPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await requestToken(limited.base, 'client-guess', `guess-${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
