import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  addSignature, createBitstring, createStatusListCredential, encodeBitstring, generateKeyPair, setBit, importKeyPair, phJpCareMapping,
  signCredential, signRecord, verifyJson, verifyRecord, PH_CAREGIVING_NC_II,
  type MappingRecord, type TrustPackContent,
} from '@corridor/shared';
import { Registry } from './registry.js';
import { accreditationRecord, setUpReferenceCorridor } from './reference-setup.js';
import { RegistryStore } from './store.js';
import { exportTrustPack } from './trust-pack.js';

const newKey = () => importKeyPair(generateKeyPair());

async function referenceRegistry(path = ':memory:') {
  const keys = { ph: newKey(), jp: newKey(), centre: newKey() };
  const registry = new Registry(new RegistryStore(path), { now: () => new Date('2026-11-01T00:00:00Z') });
  const result = await setUpReferenceCorridor(registry, keys);
  return { registry, keys, ...result };
}

async function codeOf(promise: Promise<unknown>) {
  try { await promise; } catch (error) { return (error as { code?: string }).code; }
  return 'no error';
}

describe('bilateral mappings', () => {
  it('a mapping signed by one authority is proposed; the counter-signature puts it in force', async () => {
    const { proposed, agreed } = await referenceRegistry();
    expect(proposed).toMatchObject({ state: 'proposed', version: 1 });
    expect(agreed).toMatchObject({ state: 'in-force', version: 1, unchanged: false });
    expect(agreed.signers).toHaveLength(2);
  });

  it('re-submitting the same signatures changes nothing and adds no log entry', async () => {
    const { registry, keys } = await referenceRegistry();
    const before = registry.store.head().seq;
    const again = await registry.submit(await addSignature(await signRecord(phJpCareMapping(), keys.ph), keys.jp));
    expect(again.unchanged).toBe(true);
    expect(registry.store.head().seq).toBe(before);
  });

  it('refuses a signature from a key outside the partnership, and other content under the same version', async () => {
    const { registry, keys } = await referenceRegistry();
    const stranger = newKey();
    const amended: MappingRecord = { ...phJpCareMapping(), version: 2, outcome: 'full', conditions: [] };
    expect(await codeOf(registry.submit(await signRecord(amended, stranger)))).toBe('ERR_SIGNER_NOT_AUTHORIZED');
    const changed: MappingRecord = { ...phJpCareMapping(), outcome: 'full' };
    expect(await codeOf(registry.submit(await signRecord(changed, keys.jp)))).toBe('ERR_CONFLICT');
    const skipped: MappingRecord = { ...phJpCareMapping(), version: 5 };
    expect(await codeOf(registry.submit(await signRecord(skipped, keys.jp)))).toBe('ERR_CONFLICT');
  });

  it('an amendment is a new version: the old one stays in force until both sign the new one; either may withdraw', async () => {
    const { registry, keys } = await referenceRegistry();
    const amended = await signRecord({ ...phJpCareMapping(), version: 2, outcome: 'full', conditions: [] }, keys.jp);
    expect((await registry.submit(amended)).state).toBe('proposed');
    const states = () => registry.list({ kind: 'mapping' }).map((s) => `${s.version}:${s.state}`);
    expect(states()).toEqual(['1:in-force', '2:proposed']);
    await registry.submit(await addSignature(amended, keys.ph));
    expect(states()).toEqual(['1:superseded', '2:in-force']);
    const withdrawal = await signRecord({ ...phJpCareMapping(), version: 3, status: 'withdrawn' }, keys.ph);
    expect((await registry.submit(withdrawal)).state).toBe('withdrawn');
  });
});

describe('who may sign what', () => {
  it('an authority accredits only its own country\'s training bodies and qualifications', async () => {
    const { registry, keys } = await referenceRegistry();
    const byJp = accreditationRecord({
      id: 'urn:corridor:accreditation:PH:rogue', authority: keys.jp, trainingBody: newKey(), name: 'X', country: 'PH', baseUrl: 'https://x.example.ph',
      qualifications: [PH_CAREGIVING_NC_II], validFrom: '2026-01-01T00:00:00Z',
    });
    expect(await codeOf(registry.submit(await signRecord(byJp, keys.jp)))).toBe('ERR_SIGNER_NOT_AUTHORIZED');
    const unknownAuthority = newKey();
    const byStranger = { ...byJp, authority: unknownAuthority.description.controller };
    expect(await codeOf(registry.submit(await signRecord(byStranger, unknownAuthority)))).toBe('ERR_SIGNER_NOT_AUTHORIZED');
    const signedByOther = await signRecord({ ...byJp, authority: keys.ph.description.controller }, keys.jp);
    expect(await codeOf(registry.submit(signedByOther))).toBe('ERR_SIGNER_NOT_AUTHORIZED');
  });

  it('a forged or altered record is refused before anything is written', async () => {
    const { registry, keys } = await referenceRegistry();
    const before = registry.store.head().seq;
    const jws = await signRecord({ ...phJpCareMapping(), version: 2 }, keys.ph);
    const forged = { ...jws, payload: Buffer.from(JSON.stringify({ ...phJpCareMapping(), version: 2, outcome: 'full' })).toString('base64url') };
    expect(await codeOf(registry.submit(forged))).toBe('ERR_RECORD_SIGNATURE_INVALID');
    expect(await codeOf(registry.submit({ payload: 'x' }))).toBe('ERR_RECORD_INVALID');
    expect(registry.store.head().seq).toBe(before);
  });
});

describe('status lists', () => {
  it('takes a status list signed by an accredited issuer, refuses others', async () => {
    const { registry, keys } = await referenceRegistry();
    const list = createStatusListCredential({
      url: 'https://mctc.example.ph/credentials/status/1', issuer: keys.centre.description.controller,
      statusPurpose: 'revocation', bits: createBitstring(), now: new Date('2026-11-01T00:00:00Z'),
    });
    const signed = await signCredential({ credential: list, signer: keys.centre.signer });
    expect((await registry.pushStatusList(signed)).state).toBe('in-force');
    const rogue = newKey();
    const rogueList = await signCredential({ credential: { ...list, issuer: rogue.description.controller }, signer: rogue.signer });
    expect(await codeOf(registry.pushStatusList(rogueList))).toBe('ERR_ISSUER_UNKNOWN');
    const bits = createBitstring();
    setBit(bits, 5, true);
    const tampered = { ...signed, credentialSubject: { ...signed.credentialSubject, encodedList: encodeBitstring(bits) } };
    expect(await codeOf(registry.pushStatusList(tampered))).toBe('ERR_SIGNATURE_INVALID');
  });

  it('never takes a list older than the one held, nor another list of the same date', async () => {
    const { registry, keys } = await referenceRegistry();
    const url = 'https://mctc.example.ph/credentials/status/1';
    const sign = (bits: Uint8Array, at: string) => signCredential({
      credential: createStatusListCredential({ url, issuer: keys.centre.description.controller, statusPurpose: 'revocation', bits, now: new Date(at) }),
      signer: keys.centre.signer, now: new Date(at),
    });
    const clear = createBitstring();
    const revoked = createBitstring();
    setBit(revoked, 7, true);
    const older = await sign(clear, '2026-10-30T00:00:00Z');
    const held = await sign(revoked, '2026-10-31T00:00:00Z');
    expect((await registry.pushStatusList(held)).unchanged).toBe(false);
    expect(await codeOf(registry.pushStatusList(older))).toBe('ERR_CONFLICT');
    expect(await codeOf(registry.pushStatusList(await sign(clear, '2026-10-31T00:00:00Z')))).toBe('ERR_CONFLICT');
    // The very same list again is fine (a retry), and a newer one moves forward.
    expect((await registry.pushStatusList(held)).unchanged).toBe(true);
    expect((await registry.pushStatusList(await sign(revoked, '2026-11-01T00:00:00Z'))).unchanged).toBe(false);
    expect((await registry.audit()).ok).toBe(true);
  });
});

describe('trust pack', () => {
  it('carries what a JP verifier needs, signed, with every inner signature intact', async () => {
    const { registry } = await referenceRegistry();
    const operator = newKey();
    const pack = await exportTrustPack(registry, { country: 'JP', operatorKey: operator, now: new Date('2026-11-02T00:00:00Z') });
    const { value, signers } = await verifyJson(pack);
    expect(signers).toEqual([operator.description.controller]);
    const content = value as TrustPackContent;
    expect(content).toMatchObject({ format: 'corridor-trust-pack/1', country: 'JP', sequence: registry.store.head().seq });
    const kinds = await Promise.all(content.records.map(async (jws) => (await verifyRecord(jws)).record.kind));
    expect(kinds.filter((k) => k === 'mapping')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'authority')).toHaveLength(2);
    expect(kinds).toContain('accreditation');
  });
});

describe('audit', () => {
  it('verifies a clean log, and finds a row changed by hand in the log or in the records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-registry-'));
    const path = join(dir, 'registry.db');
    const { registry } = await referenceRegistry(path);
    const clean = await registry.audit();
    expect(clean).toMatchObject({ ok: true, entries: registry.store.head().seq });

    const db = new Database(path);
    expect(() => db.prepare("UPDATE log SET accepted_at = '2020-01-01T00:00:00Z' WHERE seq = 3").run()).toThrow(/append-only/);
    db.prepare("UPDATE records SET signers = '[]' WHERE kind = 'mapping'").run();
    expect((await registry.audit()).firstBreak?.reason).toMatch(/differs from the log/);

    db.exec('DROP TRIGGER log_no_update');
    db.prepare("UPDATE log SET accepted_at = '2020-01-01T00:00:00Z' WHERE seq = 3").run();
    db.close();
    expect(await registry.audit()).toMatchObject({ ok: false, firstBreak: { seq: 3, reason: 'entry hash does not match its content' } });
    registry.store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('status-list URLs', () => {
  it('a list squatted at a URL before URLs were owned gives way to the issuer registered under it', async () => {
    const { registry, keys } = await referenceRegistry();
    const squatter = newKey();
    await registry.submit(await signRecord(accreditationRecord({
      id: 'urn:corridor:accreditation:PH:squatter', authority: keys.ph, trainingBody: squatter, name: 'S', country: 'PH',
      baseUrl: 'https://squatter.example.ph', qualifications: [PH_CAREGIVING_NC_II], validFrom: '2026-01-01T00:00:00Z',
    }), keys.ph));
    const listBy = async (key: typeof squatter, at: string) => signCredential({
      credential: createStatusListCredential({ url: 'https://mctc.example.ph/credentials/status/1', issuer: key.description.controller, statusPurpose: 'revocation', bits: createBitstring(), now: new Date(at) }),
      signer: key.signer, now: new Date(at),
    });
    // As an older registry took it: whoever pushed first.
    const squat = await listBy(squatter, '2026-10-29T00:00:00Z');
    const entry = registry.store.appendLog({ kind: 'status-list', recordId: squat.id, version: 1, contentHash: 'x'.repeat(64), body: JSON.stringify(squat), acceptedAt: '2026-10-29T00:00:00Z' });
    registry.store.putRecord({ recordId: squat.id, version: 1, kind: 'status-list', contentHash: 'x'.repeat(64), body: JSON.stringify(squat), signers: [squatter.description.controller], complete: true, seq: entry.seq });
    expect(await codeOf(registry.pushStatusList(await listBy(squatter, '2026-10-30T00:00:00Z')))).toBe('ERR_SIGNER_NOT_AUTHORIZED');
    expect(await registry.pushStatusList(await listBy(keys.centre, '2026-10-30T00:00:00Z'))).toMatchObject({ version: 2 });
    expect(await codeOf(registry.pushStatusList(await listBy(squatter, '2026-10-31T00:00:00Z')))).toBe('ERR_SIGNER_NOT_AUTHORIZED');
  });
});
