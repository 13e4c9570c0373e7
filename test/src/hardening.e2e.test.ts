// Adversarial inputs, bounded: random mutations of a QR payload, a registry record and a trust
// pack never verify and never crash; random bodies to every HTTP endpoint never get a 500;
// parallel issuing never shares a status index; parallel co-signing yields one record in force.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Server } from 'node:http';
import { createRegistryApp } from '@corridor/registry';
import {
  addSignature, canonicalCredential, decodeQrText, encodeQrText, getBit, isCorridorError, loadTrustPack, MIN_STATUS_LIST_LENGTH, phJpCareMapping, signRecord, verifyRecord,
  type SkillCredential, type TrustIndex,
} from '@corridor/shared';
import { createVerifierApp, verifySkillCredential } from '@corridor/verifier';
import { startIssuerService, type IssuerService } from './issuer-api.js';
import { createWorld, type World } from './world.js';

const RUNS = Number(process.env.CORRIDOR_FUZZ_RUNS ?? 200);
const ENVELOPE = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'] };
let world: World;
let trust: TrustIndex;
let credential: SkillCredential;
const servers: Server[] = [];
const bases: Record<'registry' | 'issuer' | 'verifier', string> = { registry: '', issuer: '', verifier: '' };
const issuerServices: IssuerService[] = [];
/** The issuer's staff endpoints need a client's token: fuzzing goes past it to the parsers. */
let issuerBearer: Record<string, string> = {};

async function listen(app: { listen(port: number, host: string): Server }): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

beforeAll(async () => {
  world = await createWorld();
  credential = await world.issue();
  await world.publishStatus();
  trust = await world.trust('JP');
  const phTrust = await world.trust('PH');
  bases.registry = await listen(createRegistryApp({ registry: world.registry, operatorKey: world.keys.operator, writesPerMinute: 1_000_000 }));
  const issuerService = await startIssuerService(world, phTrust);
  issuerServices.push(issuerService);
  bases.issuer = issuerService.base;
  issuerBearer = { authorization: `Bearer ${(await issuerService.client()).token}` };
  bases.verifier = await listen(createVerifierApp({ trust: () => trust, country: 'JP' }));
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await Promise.all(issuerServices.map((s) => s.close()));
});

const outcome = async (run: () => Promise<{ verdict: string }>) => {
  try {
    return (await run()).verdict;
  } catch (error) {
    if (isCorridorError(error)) return `coded:${error.code}`;
    throw error;
  }
};

describe('tampering, property-based', () => {
  it('a signed credential with any leaf retyped or replaced, a date shifted, an array reordered, a property added or removed never verifies as different claims', async () => {
    type Path = (string | number)[];
    const paths = (value: unknown, at: Path = []): Path[] => value !== null && typeof value === 'object'
      ? [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, Array.isArray(value) ? Number(k) : k]))] : [at];
    const all = paths(credential).filter((p) => p.length > 0);
    const get = (root: unknown, path: Path) => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...all), value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({ kind: fc.constant('remove' as const), path: fc.constantFrom(...all) }),
      fc.record({ kind: fc.constant('add' as const), path: fc.constantFrom([], ...all), key: fc.string({ minLength: 1, maxLength: 12 }), value: fc.jsonValue({ maxDepth: 1 }) }),
      fc.record({ kind: fc.constant('shift-date' as const), path: fc.constantFrom(...all.filter((p) => /^\d{4}-\d{2}-\d{2}/.test(String(get(credential, p))))), seconds: fc.integer({ min: -1e8, max: 1e8 }).filter((n) => n !== 0) }),
      fc.record({ kind: fc.constant('reorder' as const), path: fc.constantFrom([], ...all.filter((p) => Array.isArray(get(credential, p)) && (get(credential, p) as unknown[]).length > 1)) }),
    );
    await fc.assert(fc.asyncProperty(mutation, async (m) => {
      const copy = structuredClone(credential) as unknown as Record<string, unknown>;
      const parent = m.path.length ? get(copy, m.path.slice(0, -1)) as Record<string | number, unknown> : copy;
      const key = m.path[m.path.length - 1]!;
      if (m.kind === 'replace') { fc.pre(JSON.stringify(parent[key]) !== JSON.stringify(m.value)); parent[key] = m.value; }
      if (m.kind === 'remove') { if (Array.isArray(parent)) parent.splice(key as number, 1); else delete parent[key]; }
      if (m.kind === 'add') { const target = get(copy, m.path); fc.pre(target !== null && typeof target === 'object' && !Array.isArray(target) && !(m.key in target)); (target as Record<string, unknown>)[m.key] = m.value; }
      if (m.kind === 'shift-date') {
        const text = parent[key] as string;
        const shifted = new Date(Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text) + m.seconds * 1000).toISOString();
        parent[key] = text.length === 10 ? shifted.slice(0, 10) : shifted.replace(/\.\d{3}Z$/, 'Z');
        fc.pre(parent[key] !== text);
      }
      if (m.kind === 'reorder') {
        const list = m.path.length ? get(copy, m.path) as unknown[] : Object.keys(copy);
        if (m.path.length === 0) return; // key order does not change a JSON-LD document: covered by the others
        const reversed = [...list].reverse();
        fc.pre(JSON.stringify(reversed) !== JSON.stringify(list));
        list.splice(0, list.length, ...reversed);
      }
      const verdict = await outcome(() => verifySkillCredential(copy, { trust, country: 'JP' }));
      // Reordering an unordered JSON-LD set (alignments, say) signs the very same statements: that
      // may verify, and only that — the canonical RDF must then be the original's, byte for byte.
      if (verdict === 'valid') expect(canonicalCredential(copy)).toBe(canonicalCredential(credential));
    }), { numRuns: RUNS });
  }, 120_000);

  it('a QR payload with any character changed never verifies as anything but the original, and never crashes', async () => {
    const text = await encodeQrText(credential, { catalogue: trust.qrCatalogue! });
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
    await fc.assert(fc.asyncProperty(fc.nat({ max: text.length - 1 }), fc.constantFrom(...alphabet), async (at, replacement) => {
      fc.pre(text[at] !== replacement);
      const mutated = text.slice(0, at) + replacement + text.slice(at + 1);
      let decoded: unknown;
      const verdict = await outcome(async () => {
        decoded = await decodeQrText(mutated, { catalogue: trust.qrCatalogue! });
        return verifySkillCredential(decoded, { trust, country: 'JP' });
      });
      // CBOR has more than one byte form for some values: a change that decodes to the very same
      // credential may verify; one that changes any claim never does.
      if (verdict === 'valid') expect(decoded).toEqual(credential);
    }), { numRuns: RUNS });
  });

  it('a registry record or a trust pack with any byte of its payload changed is refused with a code', async () => {
    const pack = await world.pack('JP');
    const record = (await signRecord(phJpCareMapping(), world.keys.ph));
    const flip = (b64: string, at: number, bit: number) => {
      const bytes = Buffer.from(b64, 'base64url');
      bytes[at % bytes.length] ^= 1 << bit;
      return bytes.toString('base64url');
    };
    await fc.assert(fc.asyncProperty(fc.nat(), fc.integer({ min: 0, max: 7 }), async (at, bit) => {
      await expect(verifyRecord({ ...record, payload: flip(record.payload, at, bit) })).rejects.toHaveProperty('code', expect.stringMatching(/^ERR_/));
      await expect(loadTrustPack({ ...pack, payload: flip(pack.payload, at, bit) }, { roots: [world.keys.jp.description.controller] })).rejects.toHaveProperty('code', expect.stringMatching(/^ERR_/));
    }), { numRuns: RUNS });
  });
});

describe('fuzzing every HTTP endpoint', () => {
  const endpoints: [keyof typeof bases, string][] = [
    ['registry', '/records'], ['registry', '/status-lists'], ['issuer', '/credentials/issue'], ['issuer', '/credentials/status'],
    ['verifier', '/credentials/verify'], ['verifier', '/presentations/verify'],
  ];
  const bodies = fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.string({ maxLength: 200 }),
    fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
    fc.record({ verifiableCredential: fc.anything({ maxDepth: 3 }), options: fc.anything({ maxDepth: 2 }) }).map((v) => JSON.stringify(v)),
    fc.record({ credential: fc.record({ credentialSubject: fc.anything({ maxDepth: 3 }) }) }).map((v) => JSON.stringify(v)),
    fc.record({ payload: fc.string(), signatures: fc.array(fc.record({ protected: fc.string(), signature: fc.string() }), { maxLength: 3 }) }).map((v) => JSON.stringify(v)),
  );

  it('answers random and malformed bodies with a 4xx and a coded problem, never a 500', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...endpoints), bodies, fc.constantFrom('application/json', 'text/plain', 'application/jose+json'), async ([service, path], body, type) => {
      const response = await fetch(bases[service] + path, { method: 'POST', headers: { 'content-type': type, ...(service === 'issuer' ? issuerBearer : {}) }, body });
      const text = await response.text();
      expect(response.status).toBeLessThan(500);
      if (response.status >= 400) {
        // A coded problem, or the VC-API verification failure shape {verified: false, errors: [{code}]}.
        const body = JSON.parse(text) as { code?: string; errors?: { code: string }[] };
        expect(body.code ?? body.errors?.[0]?.code).toMatch(/^ERR_/);
      }
    }), { numRuns: RUNS * 2 });
  }, 120_000);

  it('reads with hostile query strings are 4xx or 200, never 500', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom('/mappings', '/qualifications', '/log', '/trust-pack', '/trust-pack/delta', '/records'),
      fc.dictionary(fc.constantFrom('limit', 'cursor', 'country', 'state', 'since', 'after', 'id'), fc.string({ maxLength: 20 }), { maxKeys: 4 }),
      async (path, query) => {
        const response = await fetch(`${bases.registry}${path}?${new URLSearchParams(query)}`);
        expect(response.status).toBeLessThan(500);
      }), { numRuns: RUNS });
  }, 120_000);
});

describe('concurrency', () => {
  it('50 parallel issue requests never share a status index', async () => {
    const subject = (i: number) => ({ name: `Parallel ${i}`, birthDate: '1990-01-01', achievement: { id: credential.credentialSubject.achievement.id } });
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(`${bases.issuer}/credentials/issue`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...issuerBearer }, body: JSON.stringify({ credential: { ...ENVELOPE, credentialSubject: subject(i) } }),
    }).then(async (r) => ({ status: r.status, body: await r.json() as { verifiableCredential: SkillCredential } }))));
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const slots = responses.map((r) => `${r.body.verifiableCredential.credentialStatus.statusListCredential}#${r.body.verifiableCredential.credentialStatus.statusListIndex}`);
    expect(new Set(slots).size).toBe(50);
  });

  it('parallel co-signing of the same mapping yields one version in force', async () => {
    const amended = { ...phJpCareMapping(), version: 2, outcome: 'full' as const, conditions: [] };
    const proposed = await signRecord(amended, world.keys.ph);
    await world.registry.submit(proposed);
    const cosigned = await addSignature(proposed, world.keys.jp);
    const results = await Promise.all(Array.from({ length: 10 }, () => world.registry.submit(cosigned)));
    expect(results.filter((r) => !r.unchanged)).toHaveLength(1);
    const versions = world.registry.list({ kind: 'mapping' }).filter((s) => s.recordId === amended.id);
    expect(versions.filter((v) => v.state === 'in-force').map((v) => v.version)).toEqual([2]);
    expect((await world.registry.audit()).ok).toBe(true);
  });
});

describe('privacy', () => {
  it('no log line and no error body carries a worker name, a birth date or key material', async () => {
    const logs: string[] = [];
    const errors: string[] = [];
    const name = 'Zyxwvu Privacyname';
    const birthDate = '1977-07-07';
    const phTrust = await world.trust('PH');
    const issuerService = await startIssuerService(world, phTrust, { log: (l) => logs.push(l) });
    issuerServices.push(issuerService);
    const issuerBase = issuerService.base;
    const bearer = { authorization: `Bearer ${(await issuerService.client()).token}` };
    const registryBase = await listen(createRegistryApp({ registry: world.registry, operatorKey: world.keys.operator, log: (l) => logs.push(l) }));
    const post = async (url: string, body: unknown) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(url.startsWith(issuerBase) ? bearer : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body) });
      const text = await response.text();
      if (response.status >= 400) errors.push(text);
      return JSON.parse(text) as Record<string, unknown>;
    };
    const subject = { name, birthDate, achievement: { id: credential.credentialSubject.achievement.id } };
    const issued = (await post(`${issuerBase}/credentials/issue`, { credential: { ...ENVELOPE, credentialSubject: subject } })).verifiableCredential as SkillCredential;
    await post(`${issuerBase}/credentials/issue`, { credential: { ...ENVELOPE, credentialSubject: { ...subject, birthDate: `${birthDate}x` } } });
    await post(`${issuerBase}/credentials/issue`, { credential: { ...ENVELOPE, credentialSubject: { ...subject, achievement: { id: `urn:x:${name}` } } } });
    await post(`${issuerBase}/credentials/issue`, `{"credential": {"credentialSubject": {"name": "${name}", `);
    await post(`${issuerBase}/credentials/status`, { credentialId: issued.id, credentialStatus: [{ type: 'BitstringStatusListEntry', status: 'revoked' }] });
    await post(`${registryBase}/records`, { payload: Buffer.from(JSON.stringify({ name, birthDate })).toString('base64url'), signatures: [{ protected: 'x', signature: 'y' }] });
    const tampered = { ...issued, credentialSubject: { ...issued.credentialSubject, name: `${name}!` } };
    await post(`${bases.verifier}/credentials/verify`, { verifiableCredential: tampered });
    await post(`${bases.verifier}/credentials/verify`, { verifiableCredential: { ...issued, validFrom: birthDate } });

    expect(errors.length).toBeGreaterThanOrEqual(5);
    const secrets = [world.keys.centre, world.keys.ph, world.keys.jp, world.keys.operator].flatMap((k) => [k.privateJwk.d]);
    for (const text of [...logs, ...errors]) {
      expect(text).not.toContain('Zyxwvu');
      expect(text).not.toContain('Privacyname');
      expect(text).not.toContain(birthDate);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  it('status lists keep herd privacy: 131,072 entries, random indices, one list for many workers, published whole', async () => {
    const issued = await Promise.all(Array.from({ length: 40 }, (_, i) => world.issue({ subject: { name: `Herd ${i}`, birthDate: '1990-01-01' } })));
    const entries = issued.map((c) => c.credentialStatus);
    // Many workers share a list, so fetching or holding it says nothing about which one is checked.
    expect(new Set(entries.map((e) => e.statusListCredential)).size).toBe(1);
    const indices = entries.map((e) => Number(e.statusListIndex));
    expect(new Set(indices).size).toBe(indices.length);
    // Not in issue order and spread over the list: an index does not tell when, or in which cohort, it was issued.
    expect(indices).not.toEqual([...indices].sort((a, b) => a - b));
    expect(Math.max(...indices) - Math.min(...indices)).toBeGreaterThan(MIN_STATUS_LIST_LENGTH / 4);
    world.issuer.revoke(issued[7]!.id);
    await world.publishStatus();
    const held = (await world.trust('JP')).statusLists.get(entries[0]!.statusListCredential)!;
    expect(held.bits.length * 8).toBeGreaterThanOrEqual(MIN_STATUS_LIST_LENGTH);
    const set = indices.filter((index) => getBit(held.bits, index));
    expect(set).toEqual([indices[7]]);
  });
});

describe('hostile JSON-LD', () => {
  const nest = (depth: number): unknown => (depth === 0 ? 'x' : { a: nest(depth - 1) });
  const variants = (): [string, unknown][] => [
    ['an undefined term', { ...credential, favouriteColour: 'blue' }],
    ['an undefined term in the subject', { ...credential, credentialSubject: { ...credential.credentialSubject, salary: '1' } }],
    ['a redefinition of a protected term', { ...credential, '@context': [...credential['@context'], { name: 'https://evil.example/name' }] }],
    ['a remote context', { ...credential, '@context': [...credential['@context'], 'https://evil.example/ctx.jsonld'] }],
    ['@context injected in a nested object', { ...credential, credentialSubject: { ...credential.credentialSubject, achievement: { ...credential.credentialSubject.achievement, '@context': { name: 'https://evil.example/n' } } } }],
    ['a @vocab injection', { ...credential, '@context': [{ '@vocab': 'https://evil.example/' }, ...credential['@context']] }],
    ['a deeply nested document', { ...credential, credentialSubject: { ...credential.credentialSubject, extra: nest(5000) } }],
    ['a huge document', { ...credential, name: 'x'.repeat(2_000_000) }],
    ['a huge array of alignments', { ...credential, credentialSubject: { ...credential.credentialSubject, achievement: { ...credential.credentialSubject.achievement, alignment: Array(100_000).fill(credential.credentialSubject.achievement.alignment[0]) } } }],
  ];

  it('is rejected with a code by the pipeline, without touching the network', async () => {
    (globalThis.__corridorNetworkAttempts as string[]).length = 0;
    for (const [what, input] of variants()) {
      const result = await verifySkillCredential(input, { trust, country: 'JP' });
      expect([what, result.verdict]).toEqual([what, 'invalid']);
      expect(result.checks[0]).toMatchObject({ id: 'format', ok: false, code: 'ERR_CREDENTIAL_MALFORMED' });
    }
    expect(globalThis.__corridorNetworkAttempts).toEqual([]);
  });

  it('is rejected with a code by the library path too (what a caller of verifyCredentialProof gets)', async () => {
    const { verifyCredentialProof } = await import('@corridor/shared');
    for (const [what, input] of variants().slice(0, 6)) {
      const result = await verifyCredentialProof({ credential: input as object });
      expect([what, result.verified]).toEqual([what, false]);
      if (!result.verified) expect(result.error.code).toMatch(/^ERR_(CREDENTIAL_MALFORMED|CONTEXT_UNKNOWN|SIGNATURE_INVALID)$/);
    }
    expect(globalThis.__corridorNetworkAttempts).toEqual([]);
  });
});

describe('the image decoder under random input', () => {
  it('answers random, truncated and corrupted PNGs with a code, never a crash', async () => {
    const { readCredentialInput } = await import('@corridor/verifier');
    const { renderCredentialFiles } = await import('@corridor/issuer');
    const png = (await renderCredentialFiles(credential, { catalogue: trust.qrCatalogue! })).png;
    const header = png.subarray(0, 8);
    await fc.assert(fc.asyncProperty(fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.concat([header, Buffer.from(b)])),
      fc.nat({ max: png.length - 1 }).map((n) => png.subarray(0, n)),
      fc.tuple(fc.nat({ max: png.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, value]) => { const copy = Buffer.from(png); copy[at] = value; return copy; }),
    ), async (bytes) => {
      try {
        await readCredentialInput(bytes, { catalogue: trust.qrCatalogue! });
      } catch (error) {
        expect((error as { code?: string }).code).toMatch(/^ERR_/);
      }
    }), { numRuns: Math.max(30, RUNS / 4) });
  }, 120_000);
});

describe('keys and access', () => {
  it('when an authority withdraws its key, verifiers stop trusting what it signed', async () => {
    const { authorityRecord } = await import('@corridor/registry');
    const own = await createWorld();
    const issued = await own.issue();
    await own.publishStatus();
    expect((await verifySkillCredential(issued, { trust: await own.trust('JP'), country: 'JP' })).verdict).toBe('valid');
    const ph = authorityRecord('urn:corridor:authority:PH:tesda', own.keys.ph, 'PH', { en: 'TESDA' });
    const current = own.registry.list({ kind: 'authority', state: 'in-force' }).find((s) => s.recordId.startsWith('urn:corridor:authority:PH'))!;
    await own.registry.submit(await signRecord({ ...ph, id: current.recordId, version: current.version + 1, status: 'withdrawn' }, own.keys.ph));
    const trust = await own.trust('JP');
    expect(trust.rejected.map((r) => r.reason)).toContain('authority key withdrawn: nothing it signed is trusted');
    expect((await verifySkillCredential(issued, { trust, country: 'JP' })).verdict).toBe('invalid');
    own.close();
  });
});

