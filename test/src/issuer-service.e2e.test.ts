// The issuer service in VC-API shapes, on a loopback port: 201 on issue, coded problem+json on
// bad input, revocation through POST /credentials/status reaching a verifier after the next sync.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import { createIssuerApp } from '@corridor/issuer';
import { JP_CARE_WORKER_SSW, PH_CAREGIVING_NC_II, type SkillCredential } from '@corridor/shared';
import { verifySkillCredential } from '@corridor/verifier';
import { createWorld, type World } from './world.js';

let world: World;
let server: Server;
let base: string;

const post = async (path: string, body: unknown) => {
  const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.json() as Record<string, unknown> };
};
const issueRequest = (subject: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  credential: {
    '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'],
    credentialSubject: subject, ...extra,
  },
  options: {},
});
const maria = { name: 'Maria Santos', birthDate: '1996-04-12', activityEndDate: '2026-10-30', achievement: { id: PH_CAREGIVING_NC_II } };

beforeAll(async () => {
  world = await createWorld();
  const trust = await world.trust('PH');
  const app = createIssuerApp({ issuer: world.issuer, store: world.issuerStore, trust: () => trust, onStatusChange: () => world.publishStatus() });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('VC-API issuing', () => {
  it('refuses to issue under an accreditation that has expired', async () => {
    const { accreditationRecord } = await import('@corridor/registry');
    const { signRecord } = await import('@corridor/shared');
    const expiredWorld = await createWorld();
    await expiredWorld.registry.submit(await signRecord({
      ...accreditationRecord({
        id: 'urn:corridor:accreditation:PH:manila-care-training-center', authority: expiredWorld.keys.ph, trainingBody: expiredWorld.keys.centre,
        name: 'Manila Care Training Center', country: 'PH', baseUrl: 'https://mctc.example.ph', qualifications: [PH_CAREGIVING_NC_II], validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-06-30T23:59:59Z',
      }), version: 2,
    }, expiredWorld.keys.ph));
    const expiredTrust = await expiredWorld.trust('PH');
    const app = createIssuerApp({ issuer: expiredWorld.issuer, store: expiredWorld.issuerStore, trust: () => expiredTrust });
    const expiredServer = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => expiredServer.once('listening', resolve));
    const url = `http://127.0.0.1:${(expiredServer.address() as { port: number }).port}/credentials/issue`;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(issueRequest(maria)) });
    await new Promise((resolve) => expiredServer.close(resolve));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'ERR_ACCREDITATION_NOT_IN_FORCE' });
  });

  it('issues: 201 with a signed credential carrying the registry qualification and a status entry', async () => {
    const response = await post('/credentials/issue', issueRequest(maria));
    expect(response.status).toBe(201);
    const credential = response.body.verifiableCredential as SkillCredential;
    expect(credential.credentialSubject.achievement).toMatchObject({ id: PH_CAREGIVING_NC_II, name: 'Caregiving NC II' });
    expect(credential.credentialStatus.type).toBe('BitstringStatusListEntry');
    expect(credential.proof).toMatchObject({ cryptosuite: 'eddsa-rdfc-2022' });
  });

  it('refuses bad input with coded problem+json', async () => {
    const cases: [unknown, number, string][] = [
      [{}, 400, 'ERR_INPUT_INVALID'],
      [issueRequest({}), 400, 'ERR_INPUT_INVALID'],
      [{ credential: { credentialSubject: 'Maria' } }, 400, 'ERR_INPUT_INVALID'],
      [issueRequest({ ...maria, name: 42 }), 400, 'ERR_INPUT_INVALID'],
      [issueRequest({ ...maria, birthDate: '12/04/1996' }), 400, 'ERR_INPUT_INVALID'],
      [issueRequest(maria, { proof: { type: 'x' } }), 400, 'ERR_INPUT_INVALID'],
      [issueRequest({ ...maria, achievement: { id: 'urn:corridor:qualification:PH:unknown' } }), 422, 'ERR_QUALIFICATION_UNKNOWN'],
      [issueRequest({ ...maria, achievement: { id: JP_CARE_WORKER_SSW } }), 422, 'ERR_ISSUER_NOT_ACCREDITED'],
      ['{broken', 400, 'ERR_INPUT_INVALID'],
      [issueRequest(maria, { credentialSchema: { id: 'https://example.org/schema' } }), 400, 'ERR_INPUT_INVALID'],
      [issueRequest(maria, { refreshService: [{ id: 'https://example.org/refresh' }] }), 400, 'ERR_INPUT_INVALID'],
      [issueRequest(maria, { relatedResource: [{ id: 'not a url', digestSRI: 'sha384-x' }] }), 400, 'ERR_INPUT_INVALID'],
      [issueRequest(maria, { relatedResource: [{ id: 'https://example.org/x' }] }), 400, 'ERR_INPUT_INVALID'],
      [{ credential: { credentialSubject: {} } }, 400, 'ERR_INPUT_INVALID'],
    ];
    for (const [body, status, code] of cases) {
      const response = await post('/credentials/issue', body);
      expect([response.status, response.body.code]).toEqual([status, code]);
      expect(response.type).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(response.body)).not.toMatch(/Maria|1996/);
    }
  });

  it('revokes through POST /credentials/status, pushed to the registry at once; a verifier sees it after the next sync', async () => {
    const issued = (await post('/credentials/issue', issueRequest({ ...maria, name: 'Ana Reyes' }))).body.verifiableCredential as SkillCredential;
    const revoked = await post('/credentials/status', { credentialId: issued.id, credentialStatus: [{ type: 'BitstringStatusListEntry', status: 'revoked' }] });
    expect(revoked.status).toBe(200);
    expect((await post('/credentials/status', { credentialId: 'urn:uuid:nope', credentialStatus: [{ type: 'BitstringStatusListEntry', status: 'revoked' }] })).status).toBe(404);
    expect((await post('/credentials/status', { credentialId: issued.id, credentialStatus: [{ type: 'BitstringStatusListEntry', status: 'active' }] })).status).toBe(400);
    const list = await (await fetch(`${base}/credentials/status/1`)).json() as { type: string[] };
    expect(list.type).toContain('BitstringStatusListCredential');
    // No explicit publish: the revocation was pushed to the registry as it happened.
    const result = await verifySkillCredential(issued, { trust: await world.trust('JP'), country: 'JP' });
    expect(result.checks.find((c) => c.id === 'status')?.code).toBe('ERR_CREDENTIAL_REVOKED');
  });

  it('lists by worker name and qualification, and hands a credential to a wallet as JSON', async () => {
    const listed = await (await fetch(`${base}/credentials?name=Santos&qualification=${encodeURIComponent(PH_CAREGIVING_NC_II)}`)).json() as { items: { id: string; subjectName: string }[] };
    expect(listed.items.length).toBeGreaterThanOrEqual(1);
    expect(listed.items.every((i) => i.subjectName.includes('Santos'))).toBe(true);
    const download = await fetch(`${base}/credentials/${listed.items[0]!.id}`);
    expect(download.headers.get('content-type')).toMatch(/application\/vc\+ld\+json/);
    expect(((await download.json()) as SkillCredential).id).toBe(listed.items[0]!.id);
  });
});
