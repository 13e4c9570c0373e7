// Who may write what, applied identically by the registry (over its signed-write HTTP path) and by
// the verifier (when it indexes a pack a dishonest operator may have padded): one authority cannot
// amend another's records, a withdrawn qualification stops new awards, a status-list URL belongs to
// the issuer registered under it, a compromised key proves nothing, and a credential cannot name
// itself: the verdict shows the registry's names.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Issuer, IssuerStore, registeredName } from '@corridor/issuer';
import { accreditationRecord, createRegistryApp, JP_AUTHORITY_ID, trustPackContent } from '@corridor/registry';
import {
  addSignature, indexTrustPackContent, jpCareWorkerQualification, JP_CARE_WORKER_SSW, phCaregivingQualification, signJson, signRecord,
  signRequest, PH_CAREGIVING_NC_II, PH_JP_PARTNERSHIP,
  type AccreditationRecord, type GeneralJws, type PartnershipRecord, type KeyPair, type SignedTrustPack, type SkillCredential, type StatusListCredential, type TrustIndex,
} from '@corridor/shared';
import { createVerifierApp } from '@corridor/verifier';
import { createWorld, newKey, type World } from './world.js';
import { runSync } from './run-sync.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'corridor-rules-'));
const did = (key: KeyPair) => key.description.controller;

/** A registry over HTTP and a verifier service over HTTP for one world. */
async function serve(world: World) {
  const registryServer: Server = createRegistryApp({ registry: world.registry, operatorKey: world.keys.operator, writesPerMinute: 1000 }).listen(0, '127.0.0.1');
  let trust: TrustIndex | undefined;
  const verifierServer: Server = createVerifierApp({ trust: () => trust!, country: 'JP' }).listen(0, '127.0.0.1');
  await Promise.all([registryServer, verifierServer].map((s) => new Promise((resolve) => s.once('listening', resolve))));
  const url = (s: Server) => `http://127.0.0.1:${(s.address() as { port: number }).port}`;
  const post = async (base: string, path: string, body: unknown) => {
    const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() as Record<string, any> };
  };
  return {
    /** A signed write, as an authority's tool sends it. */
    write: async (record: GeneralJws, key: KeyPair) => post(url(registryServer), '/records', await signRequest('submit-record', record, key)),
    pushList: async (list: StatusListCredential, key: KeyPair) => post(url(registryServer), '/status-lists', await signRequest('push-status-list', list, key)),
    /** Verifies over the verifier's VC-API against `index`. */
    verify: async (credential: SkillCredential, index: TrustIndex) => {
      trust = index;
      return (await post(url(verifierServer), '/credentials/verify', { verifiableCredential: credential })).body;
    },
    close: () => Promise.all([registryServer, verifierServer].map((s) => new Promise((resolve) => s.close(resolve)))),
  };
}

/** The world's JP pack with extra record versions and status lists a dishonest operator slipped in, signed by the operator. */
async function padded(world: World, extra: { records?: GeneralJws[]; statusLists?: StatusListCredential[] }): Promise<SignedTrustPack> {
  const content = trustPackContent(world.registry, { country: 'JP' });
  return signJson({
    ...content, records: [...content.records, ...(extra.records ?? [])], statusLists: [...(extra.statusLists ?? []), ...content.statusLists],
  }, world.keys.operator);
}
async function trustOf(world: World, pack: SignedTrustPack): Promise<TrustIndex> {
  const { value } = await (await import('@corridor/shared')).verifyJson(pack);
  return indexTrustPackContent(value as never, { roots: [did(world.keys.jp)], operator: did(world.keys.operator) });
}

/** The verifier CLI on a pack file and a credential file, as an officer runs it. */
function verifyCli(world: World, pack: SignedTrustPack, credential: SkillCredential) {
  const name = Math.random().toString(36).slice(2);
  writeFileSync(join(dir, `${name}-pack.json`), JSON.stringify(pack));
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(credential));
  const result = runSync(process.execPath, [
    join(root, 'packages', 'verifier', 'dist', 'cli.js'), 'verify', join(dir, `${name}.json`), '--trust-pack', join(dir, `${name}-pack.json`),
    '--country', 'JP', '--root', did(world.keys.jp), '--registry-key', did(world.keys.operator), '--data', join(dir, 'verifier'), '--json',
  ], { encoding: 'utf8' });
  return { code: result.status, result: JSON.parse(result.stdout) as Record<string, any> };
}
const codes = (result: Record<string, any>) => (result.checks as { ok: boolean; code?: string }[]).filter((c) => !c.ok).map((c) => c.code);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one authority cannot write the other country\'s records (issue 15 item 2)', () => {
  let world: World;
  let http: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    world = await createWorld();
    http = await serve(world);
  });
  afterAll(async () => {
    await http.close();
    world.close();
  });

  const forged = () => {
    const { ph, jp } = world.keys;
    return {
      // PH renames JP's qualification, under its own authority and country, or claiming JP's country.
      renamed: { ...jpCareWorkerQualification(did(jp)), version: 2, authority: did(ph), country: 'PH', title: { en: 'Registered Nurse' } },
      renamedAsJp: { ...jpCareWorkerQualification(did(jp)), version: 2, authority: did(ph), title: { en: 'Registered Nurse' } },
      // PH accredits one of its centres for JP's qualification.
      accreditation: accreditationRecord({
        id: 'urn:corridor:accreditation:PH:rogue-for-jp', authority: ph, trainingBody: rogue, name: 'Rogue Centre', country: 'PH',
        baseUrl: 'https://rogue.example.ph', qualifications: [JP_CARE_WORKER_SSW], validFrom: '2026-01-01T00:00:00Z',
      }),
      // PH points JP's authority record at PH's key, or at a new key PH holds.
      jpToPhKey: { kind: 'authority' as const, id: JP_AUTHORITY_ID, version: 2, issuedAt: '2026-11-01T00:00:00Z', did: did(ph), country: 'JP', name: { en: 'MHLW' } },
      jpToNewKey: { kind: 'authority' as const, id: JP_AUTHORITY_ID, version: 2, issuedAt: '2026-11-01T00:00:00Z', did: did(phHeld), country: 'JP', name: { en: 'MHLW' } },
    };
  };
  const rogue = newKey();
  const phHeld = newKey();

  it('over HTTP each write is refused with 403, and JP can still write its own records', async () => {
    const { ph, jp } = world.keys;
    const f = forged();
    for (const record of [f.renamed, f.renamedAsJp, f.accreditation, f.jpToPhKey]) {
      expect(await http.write(await signRecord(record, ph), ph)).toMatchObject({ status: 403, body: { code: 'ERR_SIGNER_NOT_AUTHORIZED' } });
    }
    // Signed by the new key and by PH, JP's only partner: a recovery, which only the operator applies.
    expect(await http.write(await addSignature(await signRecord(f.jpToNewKey, phHeld), ph), ph)).toMatchObject({ status: 403, body: { code: 'ERR_SIGNER_NOT_AUTHORIZED' } });
    // Relabelled as JP's own: PH's signature is not JP's.
    const asJp = { ...jpCareWorkerQualification(did(jp)), version: 2, title: { en: 'Registered Nurse' } };
    expect(await http.write(await signRecord(asJp, ph), ph)).toMatchObject({ status: 403, body: { code: 'ERR_SIGNER_NOT_AUTHORIZED' } });

    expect(await http.write(await signRecord({ ...jpCareWorkerQualification(did(jp)), version: 2 }, jp), jp)).toMatchObject({ status: 201, body: { state: 'in-force' } });
    const rotated = newKey();
    const rotation = { kind: 'authority' as const, id: JP_AUTHORITY_ID, version: 2, issuedAt: '2026-11-01T00:00:00Z', did: did(rotated), country: 'JP', name: { en: 'MHLW' } };
    // A rotation needs the key in force: the new key alone is not enough.
    expect(world.registry.current(JP_AUTHORITY_ID)).toMatchObject({ did: did(jp) });
    await expect(world.registry.submit(await signRecord(rotation, rotated))).resolves.toMatchObject({ state: 'proposed' });
    expect(world.registry.current(JP_AUTHORITY_ID)).toMatchObject({ did: did(jp) });
    expect((await world.trust('JP')).qualifications.get(JP_CARE_WORKER_SSW)?.title.en).toBe('Care worker (specified skilled worker)');
  });

  it('slipped into a pack, each is ignored with a reason, and credentials do not pick them up', async () => {
    const { ph } = world.keys;
    const f = forged();
    const records = [
      await signRecord({ ...f.renamed, version: 3 }, ph), await signRecord(f.renamed, ph), await signRecord(f.accreditation, ph),
      await signRecord({ ...f.jpToPhKey, version: 3 }, ph), await addSignature(await signRecord({ ...f.jpToNewKey, version: 3 }, phHeld), ph),
    ];
    const pack = await padded(world, { records });
    const trust = await trustOf(world, pack);
    const reasons = (id: string) => trust.rejected.filter((r) => r.recordId === id).map((r) => r.reason).join('\n');
    expect(reasons(JP_CARE_WORKER_SSW)).toMatch(/ERR_SIGNER_NOT_AUTHORIZED/);
    expect(reasons('urn:corridor:accreditation:PH:rogue-for-jp')).toMatch(/own country's qualifications/);
    expect(reasons(JP_AUTHORITY_ID)).toMatch(/another authority|own authority key/);
    expect(trust.qualifications.get(JP_CARE_WORKER_SSW)?.title.en).toBe('Care worker (specified skilled worker)');
    expect(trust.authorities.get(did(world.keys.jp))?.country).toBe('JP');
    expect(trust.accreditations.has(did(rogue))).toBe(false);

    // The PH credential's recognition in JP names JP's genuine qualification, through the CLI and HTTP.
    const credential = await world.issue();
    await world.publishStatus();
    const published = await padded(world, { records });
    const cli = verifyCli(world, published, credential);
    expect(cli.code).toBe(0);
    expect(cli.result.recognition.destination.qualification.title.en).toBe('Care worker (specified skilled worker)');
    const overHttp = await http.verify(credential, await trustOf(world, published));
    expect(overHttp).toMatchObject({ verdict: 'valid', recognition: { destination: { qualification: { title: { en: 'Care worker (specified skilled worker)' } } } } });

    // The rogue centre's credential for JP's qualification is refused: its accreditation never counted.
    const rogueIssuer = new Issuer({ store: new IssuerStore(':memory:'), key: rogue, name: 'Rogue Centre', baseUrl: 'https://rogue.example.ph' });
    const forgedAward = await rogueIssuer.issue({ qualification: jpCareWorkerQualification(did(world.keys.jp)), subject: { name: 'X', birthDate: '1990-01-01' }, assessedAt: '2026-10-01T00:00:00Z', route: 'training' });
    const rogueCli = verifyCli(world, published, forgedAward);
    expect(rogueCli.code).toBe(1);
    expect(codes(rogueCli.result)).toContain('ERR_ISSUER_UNKNOWN');
  });
});

describe('key rotation and recovery follow the same rules in the registry and the verifier (item 2)', () => {
  it('a rotation signed by the key in force and the new key is taken over HTTP; the old key then writes nothing', async () => {
    const world = await createWorld();
    const http = await serve(world);
    try {
      const { jp } = world.keys;
      const jpNew = newKey();
      const rotation = await addSignature(await signRecord({ ...world.registry.current(JP_AUTHORITY_ID)!, version: 2, did: did(jpNew), issuedAt: '2026-11-01T00:00:00Z' } as never, jp), jpNew);
      expect(await http.write(rotation, jp)).toMatchObject({ status: 201, body: { state: 'in-force' } });
      expect(await http.write(await signRecord({ ...jpCareWorkerQualification(did(jp)), version: 2 }, jp), jp)).toMatchObject({ status: 403 });
      expect(await http.write(await signRecord({ ...jpCareWorkerQualification(did(jpNew)), version: 2, title: { en: 'Care worker (SSW i)' } }, jpNew), jpNew)).toMatchObject({ status: 201 });
      // A verifier still configured with the old root follows the rotation its root signed.
      const trust = await world.trust('JP');
      expect(trust.qualifications.get(JP_CARE_WORKER_SSW)?.title.en).toBe('Care worker (SSW i)');
      expect(trust.authorities.get(did(jpNew))?.country).toBe('JP');
    } finally {
      await http.close();
      world.close();
    }
  });

  it('a recovery needs every partner and the operator, and never replaces a verifier\'s own root', async () => {
    const world = await createWorld();
    const http = await serve(world);
    try {
      const { ph, jp } = world.keys;
      const phRecord = world.registry.current('urn:corridor:authority:PH:tesda')!;
      // PH lost its key: the new key and JP (PH's only partner) sign; over HTTP refused, by the operator taken.
      const phNew = newKey();
      const recovery = await addSignature(await signRecord({ ...phRecord, version: 2, did: did(phNew), issuedAt: '2026-11-02T00:00:00Z' } as never, phNew), jp);
      expect(await http.write(recovery, jp)).toMatchObject({ status: 403, body: { code: 'ERR_SIGNER_NOT_AUTHORIZED' } });
      expect(await world.registry.submit(recovery)).toMatchObject({ state: 'in-force' });
      // The lost key signs nothing more; the new one writes PH's qualification.
      await expect(world.registry.submit(await signRecord({ ...phCaregivingQualification(did(ph)), version: 2 }, ph))).rejects.toMatchObject({ code: 'ERR_SIGNER_NOT_AUTHORIZED' });
      expect(await http.write(await signRecord({ ...phCaregivingQualification(did(phNew)), version: 2, issuedAt: '2026-11-03T00:00:00Z' }, phNew), phNew)).toMatchObject({ status: 201 });
      // What the lost key signed is no longer trusted: the partners sign their partnership again.
      const partnership = world.registry.current<PartnershipRecord>(PH_JP_PARTNERSHIP)!;
      const renewed = await signRecord({ ...partnership, version: 2, authorities: [did(phNew), did(jp)], issuedAt: '2026-11-03T00:00:00Z' }, phNew);
      expect(await http.write(renewed, phNew)).toMatchObject({ status: 201, body: { state: 'proposed' } });
      expect(await http.write(await addSignature(renewed, jp), jp)).toMatchObject({ status: 201, body: { state: 'in-force' } });

      const pack = await world.pack('JP');
      const { value } = await (await import('@corridor/shared')).verifyJson(pack);
      // JP's verifier: JP signed the recovery, PH's new key is trusted, the old one is not.
      const inJp = await indexTrustPackContent(value as never, { roots: [did(jp)], operator: did(world.keys.operator) });
      expect(inJp.qualifications.get(PH_CAREGIVING_NC_II)?.authority).toBe(did(phNew));
      expect(inJp.authorities.has(did(ph))).toBe(false);
      // PH's own verifier still rooted at the lost key: a partner cannot replace its root.
      const inPh = await indexTrustPackContent(value as never, { roots: [did(ph)], operator: did(world.keys.operator) });
      expect(inPh.rejected.map((r) => r.reason).join('\n')).toMatch(/configure the new key as a root/);
      // It keeps the state its root last signed: the new key's version is not taken.
      expect(inPh.qualifications.get(PH_CAREGIVING_NC_II)?.authority).toBe(did(ph));
      const reconfigured = await indexTrustPackContent(value as never, { roots: [did(phNew)], operator: did(world.keys.operator) });
      expect(reconfigured.qualifications.get(PH_CAREGIVING_NC_II)?.authority).toBe(did(phNew));
    } finally {
      await http.close();
      world.close();
    }
  });
});

describe('a withdrawn qualification (item 5)', () => {
  it('awards before the withdrawal stand and show it; awards after it are invalid', async () => {
    let clock = new Date(Date.now() - 2 * 86400_000);
    const world = await createWorld({ now: () => clock });
    const http = await serve(world);
    try {
      const before = await world.issue();
      const withdrawnAt = new Date(clock.getTime() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      clock = new Date(clock.getTime() + 2 * 3600_000);
      const after = await world.issue();
      clock = new Date();
      await world.publishStatus();
      expect(await http.write(await signRecord({ ...world.caregiving, version: 2, status: 'withdrawn', issuedAt: withdrawnAt }, world.keys.ph), world.keys.ph)).toMatchObject({ status: 201, body: { state: 'withdrawn' } });
      const pack = await world.pack('JP');
      const trust = await trustOf(world, pack);

      const stands = await http.verify(before, trust);
      expect(stands).toMatchObject({ verdict: 'valid', credential: { qualification: { withdrawnAt } } });
      expect((stands.checks as { message: string }[]).some((c) => /withdrawn on/.test(c.message))).toBe(true);
      const refused = await http.verify(after, trust);
      expect(refused).toMatchObject({ verdict: 'invalid', verified: false });
      expect(codes(refused)).toEqual(['ERR_QUALIFICATION_WITHDRAWN']);
      const cli = verifyCli(world, pack, after);
      expect(cli.code).toBe(1);
      expect(codes(cli.result)).toEqual(['ERR_QUALIFICATION_WITHDRAWN']);
      expect(verifyCli(world, pack, before).code).toBe(0);
    } finally {
      await http.close();
      world.close();
    }
  });
});

describe('status-list URLs belong to the issuer registered under them (item 6)', () => {
  it('a squat is refused over HTTP and ignored in a pack; the owner still publishes and its revocation holds', async () => {
    const world = await createWorld();
    const http = await serve(world);
    try {
      // Another accredited school, registered under its own base URL, pushes a list at the Manila centre's URL.
      const squatter = newKey();
      await world.registry.submit(await signRecord(accreditationRecord({
        id: 'urn:corridor:accreditation:PH:squatter', authority: world.keys.ph, trainingBody: squatter, name: 'Squatter School', country: 'PH',
        baseUrl: 'https://squatter.example.ph', qualifications: [PH_CAREGIVING_NC_II], validFrom: '2026-01-01T00:00:00Z',
      }), world.keys.ph));
      const squatIssuer = new Issuer({ store: new IssuerStore(':memory:'), key: squatter, name: 'Squatter School', baseUrl: 'https://mctc.example.ph' });
      await squatIssuer.issue({ qualification: world.caregiving, subject: { name: 'X', birthDate: '1990-01-01' }, assessedAt: '2026-10-01T00:00:00Z', route: 'training' });
      const [squat] = await squatIssuer.statusListCredentials();
      expect(squat!.id).toBe('https://mctc.example.ph/credentials/status/1');
      expect(await http.pushList(squat!, squatter)).toMatchObject({ status: 403, body: { code: 'ERR_SIGNER_NOT_AUTHORIZED' } });
      // A look-alike prefix is not a path-segment boundary.
      const lookalike = new Issuer({ store: new IssuerStore(':memory:'), key: squatter, name: 'Squatter School', baseUrl: 'https://squatter.example.ph.evil.example' });
      await lookalike.issue({ qualification: world.caregiving, subject: { name: 'X', birthDate: '1990-01-01' }, assessedAt: '2026-10-01T00:00:00Z', route: 'training' });
      expect(await http.pushList((await lookalike.statusListCredentials())[0]!, squatter)).toMatchObject({ status: 403, body: { code: 'ERR_SIGNER_NOT_AUTHORIZED' } });

      const credential = await world.issue();
      world.issuer.revoke(credential.id);
      const [own] = await world.issuer.statusListCredentials();
      expect(own!.id).toBe(squat!.id);
      expect(await http.pushList(own!, world.keys.centre)).toMatchObject({ status: 201 });

      // An operator slipping the squatter's (newer) list in gains nothing: it is left out, the revocation holds.
      const newer = await squatIssuer.statusListCredentials();
      const pack = await padded(world, { statusLists: newer });
      const trust = await trustOf(world, pack);
      expect(trust.rejected).toContainEqual({ recordId: squat!.id, reason: 'ERR_SIGNER_NOT_AUTHORIZED' });
      expect(trust.statusLists.get(squat!.id)?.issuer).toBe(did(world.keys.centre));
      expect(codes(await http.verify(credential, trust))).toEqual(['ERR_CREDENTIAL_REVOKED']);
      const cli = verifyCli(world, pack, credential);
      expect(cli.code).toBe(1);
      expect(codes(cli.result)).toEqual(['ERR_CREDENTIAL_REVOKED']);
    } finally {
      await http.close();
      world.close();
    }
  });
});

describe('backdating and compromised keys (item 10)', () => {
  it('after a plain withdrawal a backdated credential still verifies (the documented limit); after a compromised one nothing the key signed does', async () => {
    let clock = new Date();
    const world = await createWorld({ now: () => clock });
    const http = await serve(world);
    try {
      const centre = newKey();
      const base: AccreditationRecord = accreditationRecord({
        id: 'urn:corridor:accreditation:PH:backdater', authority: world.keys.ph, trainingBody: centre, name: 'Backdating Centre', country: 'PH',
        baseUrl: 'https://backdater.example.ph', qualifications: [PH_CAREGIVING_NC_II], validFrom: '2026-01-01T00:00:00Z',
      });
      await world.registry.submit(await signRecord(base, world.keys.ph));
      const now = new Date();
      await world.registry.submit(await signRecord({ ...base, version: 2, status: 'withdrawn', issuedAt: now.toISOString() }, world.keys.ph));
      // De-accredited, the centre still holds its key and dates a credential a month back.
      clock = new Date(now.getTime() - 30 * 86400_000);
      const issuer = new Issuer({ store: new IssuerStore(':memory:'), key: centre, name: 'Backdating Centre', baseUrl: 'https://backdater.example.ph', now: () => clock });
      const backdated = await issuer.issue({ qualification: world.caregiving, subject: { name: 'X', birthDate: '1990-01-01' }, assessedAt: '2026-10-01T00:00:00Z', route: 'training' });
      clock = new Date();
      await world.publishStatus(issuer);
      expect(await http.verify(backdated, await world.trust('JP'))).toMatchObject({ verdict: 'valid' });

      await world.registry.submit(await signRecord({ ...base, version: 3, status: 'withdrawn', keyCompromised: true, issuedAt: new Date().toISOString() }, world.keys.ph));
      const pack = await world.pack('JP');
      const trust = await trustOf(world, pack);
      const refused = await http.verify(backdated, trust);
      expect(refused).toMatchObject({ verdict: 'invalid' });
      expect(codes(refused)).toContain('ERR_KEY_COMPROMISED');
      expect(trust.rejected).toContainEqual({ recordId: 'https://backdater.example.ph/credentials/status/1', reason: 'ERR_KEY_COMPROMISED' });
      const cli = verifyCli(world, pack, backdated);
      expect(cli.code).toBe(1);
      expect(codes(cli.result)).toContain('ERR_KEY_COMPROMISED');
      await expect(world.publishStatus(issuer)).rejects.toMatchObject({ code: 'ERR_KEY_COMPROMISED' });
    } finally {
      await http.close();
      world.close();
    }
  });
});

describe('names come from the registry (item 11)', () => {
  it('a credential naming itself otherwise is invalid, and the verdict shows the registry\'s names', async () => {
    const world = await createWorld();
    const http = await serve(world);
    try {
      const genuine = await world.issue();
      // The accredited centre signs a credential claiming a nursing degree from a famous college.
      const forged = await world.issue({
        qualification: { ...world.caregiving, title: { en: 'Registered Nurse (BSN, PRC licensed)' } }, issuerName: 'St. Luke\'s Medical Center College of Nursing',
      });
      await world.publishStatus();
      const pack = await world.pack('JP');
      const trust = await trustOf(world, pack);

      const refused = await http.verify(forged, trust);
      expect(refused).toMatchObject({
        verdict: 'invalid', credential: { qualification: { name: 'Caregiving NC II', registered: true }, issuer: { name: 'Manila Care Training Center', registered: true } },
      });
      expect(codes(refused)).toEqual(['ERR_NAME_MISMATCH']);
      const cli = verifyCli(world, pack, forged);
      expect(cli.code).toBe(1);
      expect(codes(cli.result)).toEqual(['ERR_NAME_MISMATCH']);
      expect(JSON.stringify(cli.result.credential)).not.toMatch(/Nurs/);

      expect(await http.verify(genuine, trust)).toMatchObject({ verdict: 'valid', credential: { issuer: { name: 'Manila Care Training Center' } } });
      expect(verifyCli(world, pack, genuine).code).toBe(0);
      // The issuer takes its name from its accreditation, whatever name it was set up with.
      const local = new Issuer({ store: new IssuerStore(':memory:'), key: world.keys.centre, name: 'MCTC (local name)', baseUrl: 'https://mctc.example.ph' });
      const named = await local.issue({ qualification: world.caregiving, subject: { name: 'X', birthDate: '1990-01-01' }, assessedAt: '2026-10-01T00:00:00Z', route: 'training', ...registeredName(trust, did(world.keys.centre), PH_CAREGIVING_NC_II, new Date()) });
      expect(named.issuer.name).toBe('Manila Care Training Center');
    } finally {
      await http.close();
      world.close();
    }
  });
});
