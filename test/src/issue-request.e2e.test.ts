// The issuer never signs less or other than it is asked (issue 17, item 5), over the VC-API with
// a staff client's token: whatever it will not sign as asked is 422 with a JSON Pointer and nothing
// is issued; what it honours comes back signed as asked and verifies VALID through the verifier
// CLI, from the QR PNG and from the JSON. Needs the build (the verifier CLI's dist/).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCredentialFiles } from '@corridor/issuer';
import { PH_CAREGIVING_NC_II, type SkillCredential, type TrustIndex } from '@corridor/shared';
import { startIssuerService, type IssuerService } from './issuer-api.js';
import { createWorld, type World } from './world.js';
import { runSync } from './run-sync.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'corridor-issue-request-'));

let world: World;
let service: IssuerService;
let bearer: { authorization: string };

const post = async (body: unknown) => {
  const send = () => fetch(`${service.base}/credentials/issue`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer }, body: JSON.stringify(body) });
  // A kept-alive socket the server closed while the CLI ran is reset before the request is read: send again.
  const response = await send().catch((error: { cause?: { code?: string } }) => { if (error.cause?.code !== 'ECONNRESET') throw error; return send(); });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.json() as Record<string, unknown> };
};
const maria = () => ({ name: 'Maria Santos', birthDate: '1996-04-12', activityEndDate: '2026-10-30', achievement: { id: PH_CAREGIVING_NC_II } });
const request = (credential: Record<string, unknown> = {}, subject: Record<string, unknown> = {}, options: Record<string, unknown> = {}) => ({
  credential: {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    type: ['VerifiableCredential', 'OpenBadgeCredential'], ...credential, credentialSubject: { ...maria(), ...subject },
  },
  options,
});
const issuedCount = () => world.issuerStore.credentials({ limit: 1000 }).length;
const inFuture = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  service = await startIssuerService(world, await world.trust('PH'));
  bearer = { authorization: `Bearer ${(await service.client(['issue'])).token}` };
});

afterAll(async () => {
  await service.close();
  world.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('what the issuer will not sign as asked: 422 naming the property, and nothing issued', () => {
  const cases: [string, ReturnType<typeof request>, string, string][] = [
    ['validFrom in the future', request({ validFrom: `${inFuture(30)}T00:00:00Z` }), '/credential/validFrom', 'ERR_PROPERTY_REFUSED'],
    ['validFrom in the past', request({ validFrom: '2026-01-01T00:00:00Z' }), '/credential/validFrom', 'ERR_PROPERTY_REFUSED'],
    ['termsOfUse', request({ termsOfUse: [{ type: 'TrustFrameworkPolicy', id: 'https://example.org/policy' }] }), '/credential/termsOfUse', 'ERR_PROPERTY_REFUSED'],
    ['a client credentialStatus', request({ credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: 'https://evil.example/list' } }), '/credential/credentialStatus', 'ERR_PROPERTY_REFUSED'],
    ['credentialSchema', request({ credentialSchema: { id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' } }), '/credential/credentialSchema', 'ERR_PROPERTY_REFUSED'],
    ['a proof', request({ proof: { type: 'DataIntegrityProof' } }), '/credential/proof', 'ERR_PROPERTY_REFUSED'],
    ['another top-level property', request({ awardedDate: '2026-10-30T00:00:00Z' }), '/credential/awardedDate', 'ERR_PROPERTY_REFUSED'],
    ['an extra subject claim', request({}, { licenseNumber: 'X-1' }), '/credential/credentialSubject/licenseNumber', 'ERR_PROPERTY_REFUSED'],
    ['an extra achievement property', request({}, { achievement: { id: PH_CAREGIVING_NC_II, image: { id: 'https://evil.example/i.png', type: 'Image' } } }), '/credential/credentialSubject/achievement/image', 'ERR_PROPERTY_REFUSED'],
    ['a forged achievement.name', request({}, { achievement: { id: PH_CAREGIVING_NC_II, name: 'Registered Nurse' } }), '/credential/credentialSubject/achievement/name', 'ERR_NAME_MISMATCH'],
    ['a forged achievement.description', request({}, { achievement: { id: PH_CAREGIVING_NC_II, description: 'Licensed physician' } }), '/credential/credentialSubject/achievement/description', 'ERR_PROPERTY_REFUSED'],
    ['a credential name that is no title of the qualification', request({ name: 'Registered Nurse' }), '/credential/name', 'ERR_NAME_MISMATCH'],
    ['an issuer name other than the registered one', request({ issuer: { id: '', name: 'Manila General Hospital' } }), '/credential/issuer/name', 'ERR_NAME_MISMATCH'],
    ['a type it does not issue', request({ type: ['VerifiableCredential', 'OpenBadgeCredential', 'EndorsementCredential'] }), '/credential/type/2', 'ERR_PROPERTY_REFUSED'],
    ['evidence of another type', request({ evidence: [{ type: ['Evidence', 'Video'], name: 'x' }] }), '/credential/evidence/0/type', 'ERR_PROPERTY_REFUSED'],
    ['an unknown evidence property', request({ evidence: [{ type: ['Evidence'], name: 'Practical', score: 99 }] }), '/credential/evidence/0/score', 'ERR_PROPERTY_REFUSED'],
    ['evidence too large for the QR code', request({ evidence: [1, 2, 3].map(() => ({ type: ['Evidence'], narrative: 'x'.repeat(500) })) }), '/credential/evidence', 'ERR_PROPERTY_REFUSED'],
    ['a credential id in upper case (it would be signed lowercased)', request({ id: 'urn:uuid:0B5E7A52-7D0E-4C51-9D1E-7F1F3C2F5A10' }), '/credential/id', 'ERR_PROPERTY_REFUSED'],
    ['validUntil on 30 February', request({ validUntil: '2031-02-30T00:00:00Z' }), '/credential/validUntil', 'ERR_PROPERTY_REFUSED'],
    ['validUntil already past', request({ validUntil: '2026-01-01T00:00:00Z' }), '/credential/validUntil', 'ERR_PROPERTY_REFUSED'],
    ['an option it does not support', request({}, {}, { mandatoryPointers: ['/issuer'] }), '/options/mandatoryPointers', 'ERR_PROPERTY_REFUSED'],
    ['birthDate 2024-02-30', request({}, { birthDate: '2024-02-30' }), '/credential/credentialSubject/birthDate', 'ERR_PROPERTY_REFUSED'],
    ['a birth date in the future', request({}, { birthDate: inFuture(10), activityEndDate: undefined }), '/credential/credentialSubject/birthDate', 'ERR_PROPERTY_REFUSED'],
    ['an assessment in the future', request({}, { activityEndDate: inFuture(10) }), '/credential/credentialSubject/activityEndDate', 'ERR_PROPERTY_REFUSED'],
    ['an assessment before birth', request({}, { activityEndDate: '1995-01-01' }), '/credential/credentialSubject/activityEndDate', 'ERR_PROPERTY_REFUSED'],
    ['an assessment on 31 April', request({}, { activityEndDate: '2026-04-31' }), '/credential/credentialSubject/activityEndDate', 'ERR_PROPERTY_REFUSED'],
    ['a name with NUL', request({}, { name: 'Maria\u0000Santos' }), '/credential/credentialSubject/name', 'ERR_PROPERTY_REFUSED'],
    ['a name with a C1 control', request({}, { name: 'Maria\u009bSantos' }), '/credential/credentialSubject/name', 'ERR_PROPERTY_REFUSED'],
    ['a name with a lone surrogate', request({}, { name: 'Maria \ud800Santos' }), '/credential/credentialSubject/name', 'ERR_PROPERTY_REFUSED'],
    ['a name not in Unicode NFC (it would be signed composed)', request({}, { name: 'Mari\u0301a Santos' }), '/credential/credentialSubject/name', 'ERR_PROPERTY_REFUSED'],
    ['a name with surrounding spaces (it would be signed trimmed)', request({}, { name: ' Maria Santos ' }), '/credential/credentialSubject/name', 'ERR_PROPERTY_REFUSED'],
    ['a name with a noncharacter', request({}, { name: 'Maria\ufdd0Santos' }), '/credential/credentialSubject/name', 'ERR_PROPERTY_REFUSED'],
    ['a name with a bidi override', request({}, { name: 'Maria \u202eSOTNAS' }), '/credential/credentialSubject/name', 'ERR_PROPERTY_REFUSED'],
  ];

  it.each(cases)('%s', async (_what, body, pointer, code) => {
    if ((body.credential as { issuer?: { id: string } }).issuer?.id === '') (body.credential as { issuer: { id: string } }).issuer.id = world.issuer.did;
    const before = issuedCount();
    const answer = await post(body);
    expect([answer.status, answer.body.code, answer.body.pointer]).toEqual([422, code, pointer]);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(answer.body.detail).toContain(pointer);
    expect(answer.body.verifiableCredential).toBeUndefined();
    expect(JSON.stringify(answer.body)).not.toMatch(/Maria|1996/);
    expect(issuedCount()).toBe(before);
  });
});

describe('what the issuer honours is signed as asked and verifies VALID from the QR and from the JSON', () => {
  let trust: TrustIndex;
  let packFile: string;
  const honoured: [string, ReturnType<typeof request>, (c: SkillCredential) => void][] = [
    ['validUntil (a five-year certificate)', request({ validUntil: `${inFuture(5 * 365)}T00:00:00Z` }), (c) => expect(c.validUntil).toBe(`${inFuture(5 * 365)}T00:00:00Z`)],
    ['name (a registered title in another language)', request({ name: 'Pag-aalaga NC II' }, { achievement: { id: PH_CAREGIVING_NC_II, name: 'Pag-aalaga NC II' } }), (c) => {
      expect(c.name).toBe('Pag-aalaga NC II');
      expect(c.credentialSubject.achievement.name).toBe('Pag-aalaga NC II');
    }],
    ['description', request({ description: 'Awarded after the 2026 autumn cohort, Manila campus.' }), (c) => expect(c.description).toBe('Awarded after the 2026 autumn cohort, Manila campus.')],
    ['evidence', request({ evidence: [{ id: 'https://mctc.example.ph/portfolio/2026/17', type: ['Evidence'], name: 'Practical assessment', narrative: 'Observed care of two clients over 8 hours.', genre: 'Assessment' }] }),
      (c) => expect(c.evidence).toEqual([{ id: 'https://mctc.example.ph/portfolio/2026/17', type: ['Evidence'], name: 'Practical assessment', narrative: 'Observed care of two clients over 8 hours.', genre: 'Assessment' }])],
    ['credentialSubject.id (the holder\'s DID)', request({}, { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }), (c) => expect(c.credentialSubject.id).toBe('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')],
    ['AchievementCredential', request({ type: ['VerifiableCredential', 'AchievementCredential'] }), (c) => expect(c.type).toEqual(['VerifiableCredential', 'AchievementCredential'])],
    ['all of them at once', request({
      type: ['VerifiableCredential', 'AchievementCredential'], validUntil: `${inFuture(5 * 365)}T00:00:00Z`, name: 'Caregiving NC II', description: 'Autumn cohort.',
      evidence: { type: 'Evidence', description: 'Portfolio reviewed by two assessors.' },
    }, { id: 'did:web:wallet.example:maria', type: 'AchievementSubject' }), (c) => expect(c.evidence).toEqual([{ type: ['Evidence'], description: 'Portfolio reviewed by two assessors.' }])],
    // 200 four-byte characters (800 bytes), a 500-character DID and evidence up to the 1,400-byte budget.
    ['the largest request accepted still fits a QR code', request({
      validUntil: `${inFuture(5 * 365)}T00:00:00Z`, evidence: [{ type: ['Evidence'], narrative: 'n'.repeat(1400 - 800 - 500) }],
    }, { name: '\u{20000}'.repeat(200), id: `did:web:${'a'.repeat(492)}` }), (c) => expect(c.credentialSubject.name).toHaveLength(400)],
  ];
  const issued: SkillCredential[] = [];

  beforeAll(async () => {
    for (const [, body, expectations] of honoured) {
      const answer = await post(body);
      expect(answer.status).toBe(201);
      const credential = answer.body.verifiableCredential as SkillCredential;
      expectations(credential);
      issued.push(credential);
    }
    await world.publishStatus();
    trust = await world.trust('JP');
    packFile = join(dir, 'pack-JP.json');
    writeFileSync(packFile, JSON.stringify(await world.pack('JP')));
  }, 60_000);

  it.each(honoured.map(([what], i) => [what, i] as const))('%s', async (_what, i) => {
    const credential = issued[i]!;
    const files = await renderCredentialFiles(credential, { catalogue: trust.qrCatalogue! });
    const base = join(dir, `c${i}`);
    writeFileSync(`${base}.png`, files.png);
    writeFileSync(`${base}.json`, files.json);
    for (const file of [`${base}.png`, `${base}.json`]) {
      const result = runSync(process.execPath, [join(root, 'packages/verifier/dist/cli.js'), 'verify', file, '--trust-pack', packFile, '--registry-key', world.keys.operator.description.controller, '--country', 'JP', '--root', world.keys.jp.description.controller, '--json'], { encoding: 'utf8' });
      expect([result.status, (JSON.parse(result.stdout) as { verdict: string }).verdict]).toEqual([0, 'valid']);
    }
  });
});

describe('a retry with an id already issued', () => {
  it('gets the same credential back only when it asks for the same thing; otherwise 409 naming what differs', async () => {
    const id = 'urn:uuid:0b5e7a52-7d0e-4c51-9d1e-7f1f3c2f5a10';
    const first = await post(request({ id, description: 'Autumn cohort.' }));
    expect(first.status).toBe(201);
    const again = await post(request({ id, description: 'Autumn cohort.' }));
    expect([again.status, (again.body.verifiableCredential as SkillCredential).proof]).toEqual([201, (first.body.verifiableCredential as SkillCredential).proof]);
    for (const [body, pointer] of [
      [request({ id, description: 'Autumn cohort.' }, { name: 'Ana Reyes' }), '/credential/credentialSubject/name'],
      [request({ id, description: 'Winter cohort.' }), '/credential/description'],
      [request({ id }), '/credential/description'],
      [request({ id, description: 'Autumn cohort.', validUntil: `${inFuture(365)}T00:00:00Z` }), '/credential/validUntil'],
      [request({ id, description: 'Autumn cohort.', type: ['VerifiableCredential', 'AchievementCredential'] }), '/credential/type'],
    ] as const) {
      const answer = await post(body);
      expect([answer.status, answer.body.code, answer.body.pointer]).toEqual([409, 'ERR_CONFLICT', pointer]);
    }
  });
});
