// The issuer service in VC-API shapes, on a loopback port: 201 on issue, coded problem+json on
// bad input, revocation through POST /credentials/status reaching a verifier after the next sync.
// A staff client with all three scopes, holding an OAuth 2.0 client-credentials token, calls it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JP_CARE_WORKER_SSW, PH_CAREGIVING_NC_II, type SkillCredential } from '@corridor/shared';
import { verifySkillCredential } from '@corridor/verifier';
import { startIssuerService, type IssuerService } from './issuer-api.js';
import { createWorld, type World } from './world.js';

let world: World;
let service: IssuerService;
let base: string;
let bearer: { authorization: string };

const post = async (path: string, body: unknown) => {
  const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer }, body: typeof body === 'string' ? body : JSON.stringify(body) });
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
  service = await startIssuerService(world, trust, { onStatusChange: () => world.publishStatus() });
  base = service.base;
  bearer = { authorization: `Bearer ${(await service.client()).token}` };
});

afterAll(async () => {
  await service.close();
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
    const expiredService = await startIssuerService(expiredWorld, expiredTrust);
    const { token } = await expiredService.client(['issue']);
    const response = await fetch(`${expiredService.base}/credentials/issue`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(issueRequest(maria)),
    });
    await expiredService.close();
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
      [issueRequest(maria, { proof: { type: 'x' } }), 422, 'ERR_PROPERTY_REFUSED'],
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
    // The published status list stays public: no token.
    const list = await (await fetch(`${base}/credentials/status/1`)).json() as { type: string[] };
    expect(list.type).toContain('BitstringStatusListCredential');
    // No explicit publish: the revocation was pushed to the registry as it happened.
    const result = await verifySkillCredential(issued, { trust: await world.trust('JP'), country: 'JP' });
    expect(result.checks.find((c) => c.id === 'status')?.code).toBe('ERR_CREDENTIAL_REVOKED');
  });

  it('lists by worker name and qualification, and hands a credential to a wallet as JSON', async () => {
    const listed = await (await fetch(`${base}/credentials?name=Santos&qualification=${encodeURIComponent(PH_CAREGIVING_NC_II)}`, { headers: bearer })).json() as { items: { id: string; subjectName: string }[] };
    expect(listed.items.length).toBeGreaterThanOrEqual(1);
    expect(listed.items.every((i) => i.subjectName.includes('Santos'))).toBe(true);
    const download = await fetch(`${base}/credentials/${listed.items[0]!.id}`, { headers: bearer });
    expect(download.headers.get('content-type')).toMatch(/application\/vc\+ld\+json/);
    expect(((await download.json()) as SkillCredential).id).toBe(listed.items[0]!.id);
  });
});
