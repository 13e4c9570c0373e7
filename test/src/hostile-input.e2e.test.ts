// What the officer reads is checked before anything trusts or prints it, through the real CLI
// (`corridor-verifier verify`, output read as a terminal reads it) and the VC-API endpoint:
// a signed name or a key name full of escape codes paints nothing; a `__proto__` key adds no
// unsigned field; only our exact QR framing is decoded; the proof's shape is closed before any
// library sees it; a date no Date holds is a coded error, and one bad PDF page spoils no other.
// Needs the build (`pnpm run build`).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CborMap, decodeBase45, encodeQrText, QR_PREFIX, type QrCatalogue, type SkillCredential, type TrustIndex } from '@corridor/shared';
import { createVerifierApp } from '@corridor/verifier';
import { cborJson, cborldFrame, HOSTILE_NAME, payloadOf, qrPagesPdf, qrTextOf, reframe, resign, TERMINAL_ACTIVE } from './hostile.js';
import { listenOnLoopback, type Listening } from './loopback.js';
import { createWorld, type World } from './world.js';
import { runSync } from './run-sync.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'packages', 'verifier', 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'corridor-hostile-'));
const INVALID = 'INVALID: do not accept this credential';
const VALID = 'VALID: authentic, issued by an accredited training body, not revoked';
const ESCAPE_KEY = '\u001b[2J\u001b[H\u001b[32mVALID: authentic, issued by an accredited training body, not revoked\u001b[0m\u009b\u202e\ud800';

let world: World;
let trust: TrustIndex;
let catalogue: QrCatalogue;
let jpRoot: string;
let valid: SkillCredential;
let hostileValid: SkillCredential;
let hostileRevoked: SkillCredential;
let service: Listening;
let base: string;

/** `corridor-verifier verify` on a file holding `content`, as an officer runs it. */
function verify(name: string, content: string | Uint8Array, ...flags: string[]) {
  writeFileSync(join(dir, name), content);
  const result = runSync(process.execPath, [cli, 'verify', join(dir, name), '--country', 'JP', '--root', jpRoot, '--trust-pack', join(dir, 'pack.json'), '--registry-key', world.keys.operator.description.controller, '--data', join(dir, 'data'), ...flags], { encoding: 'utf8', cwd: dir });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** What a terminal shows: nothing it would act on, and no line that starts as the VALID headline unless the verdict is. */
function expectInert(out: string, verdict: 'valid' | 'other') {
  expect(out).not.toMatch(TERMINAL_ACTIVE);
  const validLines = out.split('\n').filter((line) => /^\s*VALID\b/.test(line));
  expect(validLines).toEqual(verdict === 'valid' ? [VALID] : []);
}

const post = async (path: string, body: unknown) => {
  const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: await response.json() as Record<string, any> };
};

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error('the CLIs are not built: run `pnpm run build` first');
  world = await createWorld();
  valid = await world.issue();
  const toRevoke = await world.issue();
  world.issuer.revoke(toRevoke.id);
  const fresh = await world.issue();
  // The worker's name as signed by the accredited centre: the signature is good, the name hostile.
  const named = (c: SkillCredential) => ({ ...c, credentialSubject: { ...c.credentialSubject, name: HOSTILE_NAME } });
  hostileRevoked = await resign(toRevoke, world.keys.centre, named);
  hostileValid = await resign(fresh, world.keys.centre, named);
  await world.publishStatus();
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(await world.pack('JP')));
  trust = await world.trust('JP');
  catalogue = trust.qrCatalogue!;
  jpRoot = world.keys.jp.description.controller;
  service = await listenOnLoopback(createVerifierApp({ trust: () => trust, country: 'JP' }));
  base = service.base;
}, 60_000);

afterAll(async () => {
  await service?.close();
  world?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a hostile name paints nothing on the officer\'s terminal', () => {
  it('a revoked credential whose signed name holds escape codes, bidi overrides and line breaks: INVALID, and nothing else', async () => {
    for (const [name, content] of [['revoked.txt', await encodeQrText(hostileRevoked, { catalogue })], ['revoked.json', JSON.stringify(hostileRevoked)]] as const) {
      const { code, out } = verify(name, content);
      expect(code).toBe(1);
      expect(out.split('\n')[0]).toBe(INVALID);
      expect(out).toContain('ERR_CREDENTIAL_REVOKED');
      expectInert(out, 'other');
      // The name is there for the officer to see, escapes visible rather than obeyed.
      expect(out).toContain('Holder         \\u{1b}[2J\\u{1b}[H\\u{1b}[1;32mVALID: authentic');
      expect(out).toContain('\\u{a}VALID: authentic\\u{d}\\u{9b}2J\\u{202e}Maria Santos\\u{2066}\\u{7}\\u{7f}');
    }
  });

  it('with --json the name is JSON-escaped: the same value back, nothing a terminal acts on', async () => {
    const { code, out } = verify('revoked.txt', await encodeQrText(hostileRevoked, { catalogue }), '--json');
    expect(code).toBe(1);
    expect(out).not.toMatch(TERMINAL_ACTIVE);
    expect(JSON.parse(out)).toMatchObject({ verdict: 'invalid', credential: { subject: { name: HOSTILE_NAME } } });
  });

  it('the same name on a good credential is shown, inert, under the one real headline', async () => {
    const { code, out } = verify('valid.txt', await encodeQrText(hostileValid, { catalogue }));
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe(VALID);
    expectInert(out, 'valid');
  });

  it('an unknown key named with escape codes is refused; the message names it escaped, in text and --json', () => {
    const json = JSON.stringify({ ...valid, [ESCAPE_KEY]: 1 });
    const text = verify('key.json', json);
    expect(text.code).toBe(1);
    expect(text.out.split('\n')[0]).toBe(INVALID);
    expect(text.out).toContain('ERR_CREDENTIAL_MALFORMED: credential["\\u001b[2J\\u001b[H\\u001b[32mVALID: authentic, issued by');
    expectInert(text.out, 'other');
    const asJson = verify('key.json', json, '--json');
    const message = (JSON.parse(asJson.out) as { checks: { message: string }[] }).checks[0]!.message;
    expect(message).toMatch(/^credential\["\\u001b\[2J.*"\] is not allowed$/);
    expect(message).not.toMatch(TERMINAL_ACTIVE);
  });

  it('the same key in an uncompressed CBOR-LD QR, which needs no key to make, never reaches a decoder', () => {
    const { code, out, err } = verify('key.txt', qrTextOf(cborldFrame(cborJson(0), cborJson({ ...valid, [ESCAPE_KEY]: 1 }))));
    expect(code).toBe(3);
    expect(err).toMatch(/^ERR_QR_INVALID: /);
    expect(out + err).not.toMatch(TERMINAL_ACTIVE);
  });

  it('over HTTP the refusal carries the code and a message without the raw key', async () => {
    const { status, body } = await post('/credentials/verify', { verifiableCredential: { ...valid, [ESCAPE_KEY]: 1 } });
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ code: 'ERR_CREDENTIAL_MALFORMED' })]);
    expect(body.checks[0].message).not.toMatch(TERMINAL_ACTIVE);
    const revoked = await post('/credentials/verify', { verifiableCredential: hostileRevoked });
    expect(revoked).toMatchObject({ status: 400, body: { verified: false, verdict: 'invalid', errors: [{ code: 'ERR_CREDENTIAL_REVOKED' }] } });
  });
});

describe('`__proto__` adds nothing that was not signed', () => {
  // The issued credential has no validUntil: a prototype would lend it one.
  const withProto = (credential: object) => JSON.parse(JSON.stringify(credential).replace(/^\{/, '{"__proto__":{"validUntil":"2031-12-31T00:00:00Z"},')) as object;

  it('in an uncompressed CBOR-LD QR (cborg assigns obj[key]): refused, no "valid until 2031"', () => {
    expect(valid.validUntil).toBeUndefined();
    const { code, out, err } = verify('proto.txt', qrTextOf(cborldFrame(cborJson(0), cborJson(withProto(valid)))));
    expect({ code, err: err.split(':')[0] }).toEqual({ code: 3, err: 'ERR_QR_INVALID' });
    expect(out + err).not.toContain('2031');
  });

  it('as a text key inside our own compressed framing: refused', async () => {
    // Our payload map with one entry more, the text key "__proto__" (our encoder writes integer keys only).
    const bytes = Buffer.from(decodeBase45((await encodeQrText(valid, { catalogue })).slice(QR_PREFIX.length)));
    expect([...bytes.subarray(0, 7)]).toEqual([0xd9, 0xcb, 0x1d, 0x82, 0x19, 0x27, 0x75]); // tag 0xcb1d, [10101, …]
    const size = bytes[7]! - 0xa0;
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThan(23);
    const spliced = Buffer.concat([bytes.subarray(0, 7), Buffer.from([0xa0 + size + 1]), bytes.subarray(8), cborJson('__proto__'), cborJson({ validUntil: '2031-12-31T00:00:00Z' })]);
    const { code, out, err } = verify('proto-compressed.txt', qrTextOf(spliced));
    expect({ code, err: err.split(':')[0] }).toEqual({ code: 3, err: 'ERR_QR_INVALID' });
    expect(out + err).not.toContain('2031');
  });

  it('in JSON, top level or nested, through the CLI and over HTTP: refused as malformed', async () => {
    const nested = { ...valid, credentialSubject: withProto(valid.credentialSubject) };
    for (const credential of [withProto(valid), nested]) {
      const { code, out } = verify('proto.json', JSON.stringify(credential));
      expect(code).toBe(1);
      expect(out).toContain('ERR_CREDENTIAL_MALFORMED');
      expect(out).not.toContain('2031');
      const http = await post('/credentials/verify', `{"verifiableCredential":${JSON.stringify(credential)}}`);
      expect(http).toMatchObject({ status: 400, body: { verified: false, errors: [{ code: 'ERR_CREDENTIAL_MALFORMED' }] } });
      expect(JSON.stringify(http.body)).not.toContain('2031');
    }
  });
});


describe('only our exact framing is decoded', () => {
  it('uncompressed CBOR-LD, the library\'s default table, another registry entry, an element after the payload, trailing bytes: ERR_QR_INVALID', async () => {
    const ours = await encodeQrText(valid, { catalogue });
    expect(verify('ours.txt', ours).code).toBe(0);
    const { entry, payload } = payloadOf(ours);
    const hostile = {
      uncompressed: qrTextOf(cborldFrame(cborJson(0), cborJson(valid))),
      defaultTable: reframe(1, payload),
      otherEntry: reframe(102, payload),
      extraElement: reframe(entry, payload, 'ignored?'),
      trailing: qrTextOf(Buffer.concat([Buffer.from(decodeBase45(ours.slice(QR_PREFIX.length))), Buffer.from([0])])),
    };
    for (const [name, text] of Object.entries(hostile)) {
      const { code, out, err } = verify(`${name}.txt`, text);
      expect({ name, code, err: err.split(':')[0], out }).toEqual({ name, code: 3, err: 'ERR_QR_INVALID', out: '' });
    }
  });
});

describe('the proof\'s shape is closed before any library sees it', () => {
  it('extra members, another suite or purpose, a foreign verification method, a signature of the wrong length: malformed, through the CLI and over HTTP', async () => {
    const proof = valid.proof as Record<string, unknown>;
    const bad: Record<string, unknown>[] = [
      { ...proof, extra: 'x' },
      { ...proof, cryptosuite: 'ecdsa-rdfc-2019' },
      { ...proof, proofPurpose: 'authentication' },
      { ...proof, verificationMethod: 'https://evil.example/key#1' },
      { ...proof, proofValue: `${proof.proofValue as string}1` },
      { ...proof, created: 'yesterday' },
      { ...proof, '@context': 'https://www.w3.org/ns/credentials/v2' },
    ];
    for (const p of bad) {
      const { code, out } = verify('proof.json', JSON.stringify({ ...valid, proof: p }));
      expect({ code, first: out.split('\n')[0] }).toEqual({ code: 1, first: INVALID });
      expect(out).toMatch(/ERR_CREDENTIAL_MALFORMED: credential\.proof/);
      const http = await post('/credentials/verify', { verifiableCredential: { ...valid, proof: p } });
      expect(http).toMatchObject({ status: 400, body: { errors: [{ code: 'ERR_CREDENTIAL_MALFORMED', check: 'format' }] } });
    }
  });

  it('a 250 KB proof (once minutes of JSON-LD processing) is refused by its shape', async () => {
    const nest = Array.from({ length: 2500 }, (_, i) => ({ [`https://example.org/term${i}`]: [{ '@value': 'x'.repeat(40) }] }));
    const proof = { ...(valid.proof as object), '@context': { '@vocab': 'https://example.org/' }, evidence: nest };
    const body = { verifiableCredential: { ...valid, proof } };
    expect(JSON.stringify(body).length).toBeGreaterThan(200_000);
    const { status, body: answer } = await post('/credentials/verify', body);
    expect(status).toBe(400);
    expect(answer.errors).toEqual([expect.objectContaining({ code: 'ERR_CREDENTIAL_MALFORMED' })]);
    expect(answer.checks[0].message).toMatch(/^credential\.proof/);
  }, 60_000);
});

describe('a date no Date holds is a coded error, and one bad page spoils no other', () => {
  it('seconds past the year 275760, and a 20-digit fraction, in a compressed QR: coded, never exit 70', async () => {
    const ours = await encodeQrText(valid, { catalogue });
    const { entry, payload } = payloadOf(ours);
    const far = new CborMap(payload);
    far.set(234, 2 ** 52); // validFrom
    const { code, err } = verify('far.txt', reframe(entry, far));
    expect({ code, err: err.split(':')[0] }).toEqual({ code: 3, err: 'ERR_QR_INVALID' });
    const fraction = new CborMap(payload);
    fraction.set(234, `${valid.validFrom.slice(0, 19)}.12345678901234567890Z`);
    const result = verify('fraction.txt', reframe(entry, fraction));
    expect([1, 3]).toContain(result.code);
    expect(result.out + result.err).toMatch(/ERR_(QR_INVALID|SIGNATURE_INVALID|CREDENTIAL_MALFORMED)/);
  });

  it('a PDF whose first page holds such a QR: that page is ERR_QR_INVALID, the next still VALID', async () => {
    const ours = await encodeQrText(valid, { catalogue });
    const { entry, payload } = payloadOf(ours);
    const far = new CborMap(payload);
    far.set(234, 2 ** 52); // validFrom
    const { code, out } = verify('pages.pdf', qrPagesPdf([reframe(entry, far), ours]));
    expect(code).toBe(3);
    const pages = out.split(/── Page \d+ ──\n/).slice(1);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatch(/^ERR_QR_INVALID: /);
    expect(pages[1]!.split('\n')[0]).toBe(VALID);
  });
});
