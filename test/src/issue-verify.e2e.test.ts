// The foundation path: a training centre issues, the QR is printed as PNG, an officer in Japan
// decodes it and gets a verdict offline, and the adversarial cases around it.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Issuer, IssuerStore, renderCredentialFiles } from '@corridor/issuer';
import { accreditationRecord } from '@corridor/registry';
import {
  addSignature, indexTrustPackContent, phJpCareMapping, signRecord, verifyJson, PH_CAREGIVING_NC_II,
  type QualificationRecord, type SkillCredential, type TrustIndex, type TrustPackContent,
} from '@corridor/shared';
import { readCredentialInput, verifySkillCredential } from '@corridor/verifier';
import { createWorld, newKey, type World } from './world.js';

const ISSUED = new Date('2026-11-01T09:00:00Z');
const CHECKED = new Date('2026-11-02T10:00:00Z');

let world: World;
let trust: TrustIndex;
let credential: SkillCredential;

const verifyAsOfficer = (input: unknown, index = trust) =>
  verifySkillCredential(input, { trust: index, country: 'JP', now: CHECKED });

beforeAll(async () => {
  world = await createWorld({ now: () => ISSUED });
  credential = await world.issue();
  await world.publishStatus();
  trust = await world.trust('JP');
});

describe('issue → QR PNG → decode → verify, offline', () => {
  it('the officer in Japan gets valid, the holder to compare, and partial recognition with both conditions', async () => {
    const files = await renderCredentialFiles(credential, { catalogue: trust.qrCatalogue! });
    const { credential: scanned, kind } = await readCredentialInput(files.png, { catalogue: trust.qrCatalogue! });
    expect(kind).toBe('png');
    const result = await verifyAsOfficer(scanned);
    expect(result.verdict).toBe('valid');
    expect(result.checks.map((c) => [c.id, c.ok])).toEqual([
      ['format', true], ['proof', true], ['issuer', true], ['validity', true], ['status', true], ['recognition', true],
    ]);
    expect(result.credential?.subject).toEqual({ name: 'Maria Santos', birthDate: '1996-04-12' });
    expect(result.recognition).toMatchObject({
      outcome: 'partial', country: 'JP',
      destination: { qualification: { id: 'urn:corridor:qualification:JP:care-worker-ssw' } },
      conditions: [{ id: 'japanese-language', met: false }, { id: 'bridging-training', met: false }],
    });
    expect(globalThis.__corridorNetworkAttempts).toEqual([]);
  });

  it('reads the same credential from JSON and from QR text', async () => {
    const files = await renderCredentialFiles(credential, { catalogue: trust.qrCatalogue! });
    for (const input of [files.json, files.qrText]) {
      const { credential: read } = await readCredentialInput(new TextEncoder().encode(input), { catalogue: trust.qrCatalogue! });
      expect((await verifyAsOfficer(read)).verdict).toBe('valid');
    }
  });

  it('a revoked credential is invalid once the status list is synced', async () => {
    const revokedOne = await world.issue();
    world.issuer.revoke(revokedOne.id);
    await world.publishStatus();
    const result = await verifyAsOfficer(revokedOne, await world.trust('JP'));
    expect(result.verdict).toBe('invalid');
    expect(result.checks.find((c) => c.id === 'status')?.code).toBe('ERR_CREDENTIAL_REVOKED');
  });

  it('a pack older than the freshness policy makes the verdict indeterminate, never valid', async () => {
    const result = await verifySkillCredential(credential, { trust, country: 'JP', now: new Date('2026-12-01T00:00:00Z') });
    expect(result.verdict).toBe('indeterminate');
    expect(result.checks.find((c) => c.id === 'status')?.code).toBe('ERR_STATUS_STALE');
  });

  it('no status list in the pack, or no mapping for this country, is indeterminate', async () => {
    const bare = await createWorld({ now: () => ISSUED });
    const unsynced = await bare.issue();
    const result = await verifySkillCredential(unsynced, { trust: await bare.trust('JP'), country: 'JP', now: CHECKED });
    expect(result.verdict).toBe('indeterminate');
    expect(result.checks.find((c) => c.id === 'status')?.code).toBe('ERR_STATUS_UNAVAILABLE');
    const elsewhere = await verifySkillCredential(credential, { trust, country: 'JP', purpose: 'further-study', now: CHECKED });
    expect(elsewhere.verdict).toBe('indeterminate');
    expect(elsewhere.checks.find((c) => c.id === 'recognition')?.code).toBe('ERR_RECOGNITION_NONE');
  });
});

/** Every leaf of a JSON value, with a setter that replaces it in a deep copy. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}
function withLeaf(source: unknown, path: (string | number)[], change: (old: unknown) => unknown): unknown {
  const copy = structuredClone(source) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  node[last] = change(node[last]);
  return copy;
}
function mutate(old: unknown): unknown {
  if (typeof old === 'string') {
    // Keep dates and numbers well-formed, so the signature (not the shape check) must catch it.
    if (/^\d{4}-\d{2}-\d{2}/.test(old)) return old.replace(/^(\d{3})\d/, (_, y) => `${y}${old[3] === '9' ? '8' : '9'}`);
    if (/^\d+$/.test(old)) return String(Number(old) + 1);
    const i = Math.floor(old.length / 2);
    return old.slice(0, i) + (old[i] === 'X' ? 'Y' : 'X') + old.slice(i + 1);
  }
  if (typeof old === 'number') return old + 1;
  if (typeof old === 'boolean') return !old;
  return 'x';
}

describe('tampering', () => {
  it('changing any single field of the signed credential (proof included) never verifies', async () => {
    const paths = leaves(credential);
    expect(paths.length).toBeGreaterThanOrEqual(40);
    const failures: string[] = [];
    for (const path of paths) {
      const result = await verifyAsOfficer(withLeaf(credential, path, mutate));
      if (result.verdict !== 'invalid') failures.push(`${path.join('.')} → ${result.verdict}`);
    }
    expect(failures).toEqual([]);
  });

  it('adding or removing a field never verifies', async () => {
    const added = { ...credential, credentialSubject: { ...credential.credentialSubject, description: 'x' } };
    const { validUntil: _v, ...rest } = { ...credential, validUntil: '2030-01-01T00:00:00Z' };
    const withExpiry = { ...credential, validUntil: '2030-01-01T00:00:00Z' };
    for (const variant of [added, withExpiry, { ...rest, name: undefined }]) {
      expect((await verifyAsOfficer(variant)).verdict).toBe('invalid');
    }
  });

  it('a credential signed by a rogue key that claims the accredited centre as issuer is invalid', async () => {
    const rogue = newKey();
    const forger = new Issuer({ store: new IssuerStore(':memory:'), key: rogue, name: 'Manila Care Training Center', baseUrl: 'https://mctc.example.ph', now: () => ISSUED });
    const forged = await forger.issue({ qualification: world.caregiving, subject: { name: 'A', birthDate: '1990-01-01' }, assessedAt: '2026-10-30T00:00:00Z', route: 'training' });
    const claimed = { ...forged, issuer: { ...forged.issuer, id: world.keys.centre.description.controller } };
    const result = await verifyAsOfficer(claimed);
    expect(result.verdict).toBe('invalid');
    expect(result.checks.find((c) => c.id === 'proof')?.code).toBe('ERR_SIGNATURE_INVALID');
  });
});

describe('accreditation', () => {
  async function issueBy(accreditation: { qualifications: string[]; validFrom: string } | undefined, qualification: QualificationRecord = world.caregiving) {
    const centre = newKey();
    if (accreditation) {
      await world.registry.submit(await signRecord(accreditationRecord({
        id: `urn:corridor:accreditation:PH:${centre.description.controller.slice(-8)}`, authority: world.keys.ph, trainingBody: centre,
        name: 'Other centre', country: 'PH', baseUrl: `https://${centre.description.controller.slice(-8).toLowerCase()}.example.ph`, ...accreditation,
      }), world.keys.ph));
    }
    const issuer = new Issuer({ store: new IssuerStore(':memory:'), key: centre, name: 'Other centre', baseUrl: `https://${centre.description.controller.slice(-8).toLowerCase()}.example.ph`, now: () => ISSUED });
    const issued = await issuer.issue({ qualification, subject: { name: 'B', birthDate: '1990-01-01' }, assessedAt: '2026-10-30T00:00:00Z', route: 'training' });
    if (accreditation) await world.publishStatus(issuer);
    const result = await verifyAsOfficer(issued, await world.trust('JP'));
    return { result, code: result.checks.find((c) => c.id === 'issuer')?.code };
  }

  it('a key with no accreditation is invalid with ERR_ISSUER_UNKNOWN', async () => {
    const { result, code } = await issueBy(undefined);
    expect(result.verdict).toBe('invalid');
    expect(code).toBe('ERR_ISSUER_UNKNOWN');
  });

  it('a centre accredited for another qualification is invalid with ERR_ISSUER_NOT_ACCREDITED', async () => {
    const cookery: QualificationRecord = { ...world.caregiving, id: 'urn:corridor:qualification:PH:cookery-nc-ii', title: { en: 'Cookery NC II' }, isco08: '5120' };
    await world.registry.submit(await signRecord(cookery, world.keys.ph));
    const { result, code } = await issueBy({ qualifications: [cookery.id], validFrom: '2026-01-01T00:00:00Z' });
    expect(result.verdict).toBe('invalid');
    expect(code).toBe('ERR_ISSUER_NOT_ACCREDITED');
  });

  it('a centre accredited only after the issue date is invalid with ERR_ACCREDITATION_NOT_IN_FORCE', async () => {
    const { result, code } = await issueBy({ qualifications: [PH_CAREGIVING_NC_II], validFrom: '2026-12-01T00:00:00Z' });
    expect(result.verdict).toBe('invalid');
    expect(code).toBe('ERR_ACCREDITATION_NOT_IN_FORCE');
  });
});

describe('bilateral mappings', () => {
  it('a mapping signed by only one authority is not used, even if a registry slips it into a pack', async () => {
    const fresh = await createWorld({ now: () => ISSUED });
    const issued = await fresh.issue();
    await fresh.publishStatus();
    const { value } = await verifyJson(await fresh.pack('JP'));
    const content = value as TrustPackContent;
    const oneSided = await signRecord({ ...phJpCareMapping(), id: 'urn:corridor:mapping:PH-JP:one-sided', outcome: 'full', conditions: [] }, fresh.keys.ph);
    const isMapping = (jws: { payload: string }) => Buffer.from(jws.payload, 'base64url').toString().includes('"kind":"mapping"');
    // Every record of the honest pack except the co-signed mapping, plus the one-sided one.
    const withoutAgreed: TrustPackContent = { ...content, records: [...content.records.filter((r) => !isMapping(r)), oneSided] };
    const index = await indexTrustPackContent(withoutAgreed, { roots: [fresh.keys.jp.description.controller], operator: fresh.keys.operator.description.controller });
    expect(index.rejected.map((r) => r.reason)).toContain('mapping not signed by both authorities');
    const result = await verifySkillCredential(issued, { trust: index, country: 'JP', now: CHECKED });
    expect(result.verdict).toBe('indeterminate');
    expect(result.recognition).toBeUndefined();
    expect(result.checks.find((c) => c.id === 'recognition')?.code).toBe('ERR_RECOGNITION_NONE');

    // And with the counter-signature, the same mapping is used.
    const agreed = { ...content, records: [...content.records.filter((r) => !isMapping(r)), await addSignature(oneSided, fresh.keys.jp)] };
    const agreedIndex = await indexTrustPackContent(agreed, { roots: [fresh.keys.jp.description.controller], operator: fresh.keys.operator.description.controller });
    expect((await verifySkillCredential(issued, { trust: agreedIndex, country: 'JP', now: CHECKED })).recognition?.outcome).toBe('full');
  });
});

describe('QR catalogue from the trust pack', () => {
  it('shrinks the QR code to version 15 or less at ECC M, and a verifier without it is told to sync', async () => {
    const { describeQr, encodeQrText, decodeQrText } = await import('@corridor/shared');
    const compact = await encodeQrText(credential, { catalogue: trust.qrCatalogue! });
    const plain = await encodeQrText(credential);
    expect(describeQr(compact).version).toBeLessThanOrEqual(15);
    expect(compact.length).toBeLessThan(plain.length);
    await expect(decodeQrText(compact)).rejects.toMatchObject({ code: 'ERR_QR_INVALID', message: expect.stringMatching(/sync/) });
    // A later catalogue (more qualifications since) still decodes today's code: codes never move.
    const later = { none: [...trust.qrCatalogue!.none, 'Later qualification'], url: [...trust.qrCatalogue!.url, 'urn:corridor:qualification:PH:later'] };
    expect(await decodeQrText(compact, { catalogue: later })).toEqual(credential);
  });
});
