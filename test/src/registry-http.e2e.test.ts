// The registry as a real HTTP server on a loopback port: two authorities agree on a mapping with
// signed requests, hostile and malformed writes are refused with problem+json, and a verifier
// syncs a pack and a delta that check out, refusing a rollback.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import { Issuer, IssuerStore } from '@corridor/issuer';
import { accreditationRecord, authorityRecord, createRegistryApp, Registry, RegistryStore } from '@corridor/registry';
import {
  addSignature, createRegistryClient, jpCareWorkerQualification, phCaregivingQualification, phJpCareMapping,
  indexTrustPackContent, signJson, signRecord, signRequest, PH_CAREGIVING_NC_II, PH_JP_PARTNERSHIP,
  type PartnershipRecord, type RegistryClient,
} from '@corridor/shared';
import { acceptPack, applyDelta, verifySkillCredential, type HeldPack } from '@corridor/verifier';
import { newKey } from './world.js';

const keys = { ph: newKey(), jp: newKey(), centre: newKey(), operator: newKey() };
let server: Server;
let base: string;
let client: RegistryClient;
let registry: Registry;

async function post(path: string, body: unknown, contentType = 'application/json') {
  const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.json() as Record<string, unknown> };
}
const get = async (path: string) => {
  const response = await fetch(base + path);
  return { status: response.status, body: await response.json() as Record<string, unknown> };
};

const partnership: PartnershipRecord = {
  kind: 'partnership', id: PH_JP_PARTNERSHIP, version: 1, issuedAt: '2026-01-15T00:00:00Z', name: { en: 'PH–JP SMP' },
  authorities: [keys.ph.description.controller, keys.jp.description.controller], countries: ['PH', 'JP'],
  validFrom: '2026-01-15T00:00:00Z', status: 'active',
};

beforeAll(async () => {
  registry = new Registry(new RegistryStore(':memory:'));
  // Registering an authority is the operator's act, on the registry's own machine.
  await registry.submit(await signRecord(authorityRecord('urn:corridor:authority:PH:tesda', keys.ph, 'PH', { en: 'TESDA' }), keys.ph));
  await registry.submit(await signRecord(authorityRecord('urn:corridor:authority:JP:mhlw', keys.jp, 'JP', { en: 'MHLW' }), keys.jp));
  const app = createRegistryApp({ registry, operatorKey: keys.operator, writesPerMinute: 1000 });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  client = createRegistryClient(base);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  registry.store.close();
});

describe('bilateral agreement over HTTP', () => {
  it('PH proposes, JP counter-signs the identical content, and the mapping is in force', async () => {
    const proposed = await client.submitRecord(await signRecord(partnership, keys.ph), keys.ph);
    expect(proposed).toMatchObject({ state: 'proposed' });
    const held = (await client.records({ id: PH_JP_PARTNERSHIP })).items[0]!;
    expect(await client.submitRecord(await addSignature(held.jws!, keys.jp), keys.jp)).toMatchObject({ state: 'in-force' });

    await client.submitRecord(await signRecord(phCaregivingQualification(keys.ph.description.controller), keys.ph), keys.ph);
    await client.submitRecord(await signRecord(jpCareWorkerQualification(keys.jp.description.controller), keys.jp), keys.jp);
    await client.submitRecord(await signRecord(accreditationRecord({
      id: 'urn:corridor:accreditation:PH:mctc', authority: keys.ph, trainingBody: keys.centre, name: 'MCTC', country: 'PH', baseUrl: 'https://mctc.example.ph',
      qualifications: [PH_CAREGIVING_NC_II], validFrom: '2026-01-01T00:00:00Z',
    }), keys.ph), keys.ph);
    const mapping = await signRecord(phJpCareMapping(), keys.ph);
    expect(await client.submitRecord(mapping, keys.ph)).toMatchObject({ state: 'proposed' });
    expect((await get('/mappings?state=proposed&country=JP')).body.total).toBe(1);
    expect(await client.submitRecord(await addSignature(mapping, keys.jp), keys.jp)).toMatchObject({ state: 'in-force', signers: expect.arrayContaining([keys.jp.description.controller]) });
    const inForce = await get('/mappings?state=in-force&country=JP');
    expect(inForce.body.total).toBe(1);
  });

  it('pages reads and the log', async () => {
    const first = await get('/qualifications?limit=1');
    expect(first.body).toMatchObject({ total: 2, next: '1' });
    const second = await get('/qualifications?limit=1&cursor=1');
    expect((second.body.items as unknown[]).length).toBe(1);
    const log = await get('/log?limit=3');
    expect((log.body.entries as { seq: number }[]).map((e) => e.seq)).toEqual([1, 2, 3]);
    const rest = await get(`/log?after=${log.body.next}&limit=500`);
    expect((rest.body.entries as { seq: number }[])[0]!.seq).toBe(4);
    expect((await get('/qualifications?limit=0')).status).toBe(400);
  });
});

describe('refused writes, as problem+json with a code', () => {
  it('a forged signature', async () => {
    const request = await signRequest('submit-record', await signRecord({ ...phJpCareMapping(), version: 2 }, keys.ph), keys.ph);
    const envelope = JSON.parse(Buffer.from(request.payload, 'base64url').toString()) as { iat: number };
    const forged = { ...request, payload: Buffer.from(JSON.stringify({ ...envelope, iat: envelope.iat + 1 })).toString('base64url') };
    const response = await post('/records', forged);
    expect(response.status).toBe(401);
    expect(response.type).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'ERR_RECORD_SIGNATURE_INVALID', status: 401, type: 'urn:corridor:error:ERR_RECORD_SIGNATURE_INVALID' });
  });

  it('a replayed request, and one signed too long ago', async () => {
    const record = await signRecord({ ...phCaregivingQualification(keys.ph.description.controller), version: 2 }, keys.ph);
    const request = await signRequest('submit-record', record, keys.ph);
    expect((await post('/records', request)).status).toBe(201);
    const replay = await post('/records', request);
    expect(replay).toMatchObject({ status: 409, body: { code: 'ERR_REQUEST_REPLAYED' } });
    const stale = await signRequest('submit-record', record, keys.ph, new Date(Date.now() - 3600_000));
    expect(await post('/records', stale)).toMatchObject({ status: 409, body: { code: 'ERR_REQUEST_REPLAYED' } });
  });

  it('a write by the wrong authority, or by a key the registry does not know', async () => {
    const byJp = accreditationRecord({
      id: 'urn:corridor:accreditation:PH:rogue', authority: keys.jp, trainingBody: newKey(), name: 'X', country: 'PH', baseUrl: 'https://x.example.ph',
      qualifications: [PH_CAREGIVING_NC_II], validFrom: '2026-01-01T00:00:00Z',
    });
    const wrong = await post('/records', await signRequest('submit-record', await signRecord(byJp, keys.jp), keys.jp));
    expect(wrong).toMatchObject({ status: 403, body: { code: 'ERR_SIGNER_NOT_AUTHORIZED' } });
    const stranger = newKey();
    const unknown = await post('/records', await signRequest('submit-record', await signRecord({ ...byJp, authority: stranger.description.controller }, stranger), stranger));
    expect(unknown).toMatchObject({ status: 403, body: { code: 'ERR_SIGNER_NOT_AUTHORIZED' } });
    // Relaying a record someone else signed, under one's own request signature, is refused too.
    const relayed = await post('/records', await signRequest('submit-record', await signRecord({ ...phJpCareMapping(), version: 2 }, keys.ph), keys.jp));
    expect(relayed).toMatchObject({ status: 403, body: { code: 'ERR_SIGNER_NOT_AUTHORIZED' } });
  });

  it('a write by an authority whose key is withdrawn, over HTTP or on the registry machine', async () => {
    const retired = newKey();
    const record = authorityRecord('urn:corridor:authority:PH:retired-key', retired, 'PH', { en: 'TESDA (retired key)' });
    await registry.submit(await signRecord(record, retired));
    const withdrawal = await post('/records', await signRequest('submit-record', await signRecord({ ...record, version: 2, status: 'withdrawn' }, retired), retired));
    expect(withdrawal).toMatchObject({ status: 201, body: { state: 'withdrawn' } });
    const qualification = { ...phCaregivingQualification(retired.description.controller), id: 'urn:corridor:qualification:PH:by-retired-key' };
    const overHttp = await post('/records', await signRequest('submit-record', await signRecord(qualification, retired), retired));
    expect(overHttp).toMatchObject({ status: 403, body: { code: 'ERR_SIGNER_NOT_AUTHORIZED' } });
    await expect(registry.submit(await signRecord(qualification, retired))).rejects.toMatchObject({ code: 'ERR_SIGNER_NOT_AUTHORIZED' });
  });

  it('malformed and oversized bodies, and unknown endpoints', async () => {
    expect(await post('/records', '{not json')).toMatchObject({ status: 400, body: { code: 'ERR_INPUT_INVALID' } });
    expect(await post('/records', {})).toMatchObject({ status: 400, body: { code: 'ERR_INPUT_INVALID' } });
    expect(await post('/records', { payload: 'x', signatures: [] })).toMatchObject({ status: 400, body: { code: 'ERR_INPUT_INVALID' } });
    expect(await post('/records', JSON.stringify({ pad: 'x'.repeat(600_000) }))).toMatchObject({ status: 413, body: { code: 'ERR_PAYLOAD_TOO_LARGE' } });
    expect((await get('/nowhere')).body).toMatchObject({ code: 'ERR_NOT_FOUND', status: 404 });
    expect((await get('/trust-pack?country=japan')).body).toMatchObject({ code: 'ERR_INPUT_INVALID' });
  });

  it('too many writes from one key are rate limited', async () => {
    const limited = createRegistryApp({ registry, operatorKey: keys.operator, writesPerMinute: 2 });
    const small = limited.listen(0, '127.0.0.1');
    await new Promise((resolve) => small.once('listening', resolve));
    const url = `http://127.0.0.1:${(small.address() as { port: number }).port}/records`;
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const body = JSON.stringify(await signRequest('submit-record', await signRecord(phJpCareMapping(), keys.ph), keys.ph));
      codes.push((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status);
    }
    await new Promise((resolve) => small.close(resolve));
    expect(codes).toEqual([200, 200, 429]);
  });
});

describe('trust packs that sync', () => {
  it('a verifier takes the pack, then a delta with a new status list, and verifies a credential', async () => {
    let held: HeldPack = await acceptPack(undefined, await client.trustPack('JP'));
    expect(held.operator).toBe(keys.operator.description.controller);
    const issuer = new Issuer({ store: new IssuerStore(':memory:'), key: keys.centre, name: 'MCTC', baseUrl: 'https://mctc.example.ph' });
    const credential = await issuer.issue({ qualification: phCaregivingQualification(keys.ph.description.controller), subject: { name: 'M', birthDate: '1990-01-01' }, assessedAt: '2026-10-30T00:00:00Z', route: 'training' });
    const [list] = await issuer.statusListCredentials();
    expect(await client.pushStatusList(list!, keys.centre)).toMatchObject({ kind: 'status-list' });
    const stranger = newKey();
    await expect(client.pushStatusList(list!, stranger)).rejects.toMatchObject({ code: 'ERR_SIGNER_NOT_AUTHORIZED' });

    const before = held.content.sequence;
    held = await applyDelta(held, await client.delta('JP', before));
    expect(held.content.sequence).toBeGreaterThan(before);
    expect(held.content.statusLists).toHaveLength(1);
    const trust = await indexTrustPackContent(held.content, { roots: [keys.jp.description.controller], operator: held.operator });
    const result = await verifySkillCredential(credential, { trust, country: 'JP' });
    expect(result.verdict).toBe('valid');
    expect(result.recognition?.outcome).toBe('partial');

    // The same state as a full pack: a delta applied is as good as a fresh pack.
    const fresh = await acceptPack(undefined, await client.trustPack('JP'));
    expect(new Set(fresh.content.records.map((r) => r.payload))).toEqual(new Set(held.content.records.map((r) => r.payload)));
  });

  it('refuses a rollback, a pack from another operator, and a delta that does not start where it stands', async () => {
    const old = await client.trustPack('JP');
    const held = await acceptPack(undefined, old);
    await client.submitRecord(await signRecord({ ...jpCareWorkerQualification(keys.jp.description.controller), version: 2 }, keys.jp), keys.jp);
    const newer = await acceptPack(held, await client.trustPack('JP'));
    expect(newer.content.sequence).toBeGreaterThan(held.content.sequence);
    await expect(acceptPack(newer, old)).rejects.toMatchObject({ code: 'ERR_TRUST_PACK_ROLLBACK' });
    const { value } = await (await import('@corridor/shared')).verifyJson(old);
    await expect(acceptPack(newer, await signJson(value, newKey()))).rejects.toMatchObject({ code: 'ERR_TRUST_PACK_INVALID' });
    await expect(applyDelta(newer, await client.delta('JP', 1))).rejects.toMatchObject({ code: 'ERR_TRUST_PACK_INVALID' });
    expect((await get(`/trust-pack/delta?country=JP&since=${newer.content.sequence + 100}`)).body).toMatchObject({ code: 'ERR_TRUST_PACK_ROLLBACK' });
  });
});
