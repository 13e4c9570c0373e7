// `corridor-issuer serve` as a centre runs it, a real process: nothing works until a client is
// added, a client's secret is printed once and never appears in the service's output, a client
// revoked from the command line loses its token at once, the audit log names clients and
// credential ids only; `init` on an existing centre refuses, `settings` will not move the base URL
// under issued credentials; and no service listens in plain HTTP off loopback unless told to.
// Needs the build (`npm test` does it first).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readKeyFile, readQrFromPng, readQrsFromPdfDocument, PH_CAREGIVING_NC_II, QR_PREFIX } from '@corridor/shared';
import { requestToken } from './issuer-api.js';
import { createWorld, newKey, type World } from './world.js';
import { runSync } from './run-sync.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = (name: string) => join(root, 'packages', name, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'corridor-auth-'));
const file = (name: string) => join(dir, name);

function run(name: string, ...args: string[]) {
  const result = runSync(process.execPath, [cli(name), ...args], { encoding: 'utf8', cwd: dir, timeout: 30_000 });
  return { code: result.status, out: result.stdout, err: result.stderr, json: () => JSON.parse(result.stdout) as Record<string, unknown> };
}
const issuer = (...args: string[]) => run('issuer', ...args, '--data', file('iss'));

/** A service process with everything it prints kept, until it says it listens (or exits). */
function start(name: string, args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [cli(name), ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', () => { const m = /listening on (https?:\/\/\S+)/.exec(output); if (m) resolve({ child, url: m[1]!, output: () => output }); });
    child.once('exit', (code) => reject(new Error(`${name} exited ${code}: ${output}`)));
  });
}
const stopped = (child: ChildProcess) => new Promise((resolve) => { if (child.exitCode !== null) resolve(child.exitCode); else child.once('exit', resolve); });

let world: World;
const ph = newKey();

beforeAll(async () => {
  if (!existsSync(cli('issuer'))) throw new Error('the CLIs are not built: run `npm test` (or `npm run setup`) first');
  expect(issuer('init', '--name', 'Manila Care Training Center', '--base-url', 'https://mctc.example.ph', '--authority', ph.description.controller).code).toBe(0);
  // The registry's view of this centre: accredited by PH, its pack written where serve reads it.
  world = await createWorld({ dir, keys: { ph, jp: newKey(), centre: readKeyFile(join(dir, 'iss', 'issuer-key.json')), operator: newKey() } });
  writeFileSync(file('pack-PH.json'), JSON.stringify(await world.pack('PH')));
  writeFileSync(file('pack-JP.json'), JSON.stringify(await world.pack('JP')));
}, 60_000);

afterAll(() => {
  world.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('corridor-issuer init and settings', () => {
  it('init on an existing centre refuses and changes nothing', () => {
    const again = issuer('init', '--name', 'Evil Twin', '--base-url', 'https://evil.example', '--authority', newKey().description.controller);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^ERR_CONFLICT/);
    expect(issuer('settings', '--json').json()).toEqual({ name: 'Manila Care Training Center', baseUrl: 'https://mctc.example.ph', authority: ph.description.controller });
  });

  it('init wants an https base URL', () => {
    const other = run('issuer', 'init', '--name', 'X', '--base-url', 'http://x.example', '--authority', ph.description.controller, '--data', file('iss-http'));
    expect(other.code).toBe(3);
    expect(existsSync(file('iss-http'))).toBe(false);
  });

  it('settings moves the base URL only while nothing was issued', () => {
    const fresh = (...args: string[]) => run('issuer', ...args, '--data', file('iss-fresh'));
    expect(fresh('init', '--name', 'Fresh', '--base-url', 'https://fresh.example', '--authority', ph.description.controller).code).toBe(0);
    expect(fresh('settings', '--base-url', 'https://fresh.example.ph', '--json').json()).toMatchObject({ baseUrl: 'https://fresh.example.ph' });
    expect(fresh('settings', '--base-url', 'http://fresh.example.ph').code).toBe(3);
  });
});

describe('corridor-issuer serve with clients, tokens and an audit log', () => {
  it('refuses everyone until a client is added; the secret is shown once and never in the service output', async () => {
    const service = await start('issuer', ['serve', '--pack', file('pack-PH.json'), '--port', '0', '--data', file('iss')]);
    try {
      expect(service.output()).toMatch(/no API clients yet/);
      const anonymous = await fetch(`${service.url}/credentials/issue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(anonymous.status).toBe(401);

      const added = issuer('clients', 'add', '--name', 'registrar desk', '--scopes', 'issue,status,read', '--json');
      expect(added.code).toBe(0);
      const { id, secret } = added.json() as { id: string; secret: string };
      expect(secret.length).toBeGreaterThanOrEqual(40);
      const listed = issuer('clients', 'list', '--json');
      expect(listed.out).not.toContain(secret);
      expect(listed.json()).toEqual([expect.objectContaining({ id, name: 'registrar desk', scopes: ['issue', 'status', 'read'] })]);

      const token = ((await (await requestToken(service.url, id, secret)).json()) as { access_token: string }).access_token;
      const bearer = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const issued = await fetch(`${service.url}/credentials/issue`, {
        method: 'POST', headers: bearer,
        body: JSON.stringify({
          credential: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'],
            credentialSubject: { name: 'Maria Santos', birthDate: '1996-04-12', activityEndDate: '2026-10-30', achievement: { id: PH_CAREGIVING_NC_II } } },
          options: { walletLink: true },
        }),
      });
      expect(issued.status).toBe(201);
      const { verifiableCredential, walletLink } = await issued.json() as { verifiableCredential: { id: string }; walletLink: { code: string } };
      expect((await fetch(`${service.url}/wallet/${walletLink.code}`)).status).toBe(200);
      expect((await fetch(`${service.url}/wallet/${walletLink.code}`)).status).toBe(404);
      expect((await fetch(`${service.url}/credentials/${verifiableCredential.id}`, { headers: bearer })).status).toBe(200);

      // Revoked on the centre's machine while the service runs: the token stops working at once.
      expect(issuer('clients', 'revoke', id).code).toBe(0);
      expect((await fetch(`${service.url}/credentials/${verifiableCredential.id}`, { headers: bearer })).status).toBe(401);

      const audit = issuer('audit-log', '--json');
      expect(audit.code).toBe(0);
      const entries = audit.json() as unknown as { clientId: string; action: string; credentialId?: string }[];
      expect(entries.filter((e) => e.credentialId === verifiableCredential.id).map((e) => [e.clientId, e.action]))
        .toEqual([[id, 'issue'], [id, 'wallet-link'], [id, 'wallet-download'], [id, 'download']]);
      expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['client-add', 'client-revoke']));
      expect(issuer('audit-log', '--since', '2999-01-01T00:00:00Z', '--json').json()).toEqual([]);
      for (const text of [audit.out, issuer('audit-log').out, service.output()]) {
        for (const hidden of ['Maria', 'Santos', '1996-04-12', secret, token, walletLink.code]) expect(text).not.toContain(hidden);
      }
      // An OpenID4VCI offer made on the centre's machine: URI, PIN and QR files; the running service redeems it once.
      const offered = issuer('offer', verifiableCredential.id, '--out', file('offers'), '--json');
      expect(offered.code).toBe(0);
      const offer = offered.json() as { uri: string; pin: string; png: string; svg: string };
      expect(offer.pin).toMatch(/^\d{6}$/);
      expect(await readQrFromPng(readFileSync(offer.png))).toBe(offer.uri);
      const code = (JSON.parse(new URL(offer.uri).searchParams.get('credential_offer')!) as { grants: Record<string, { 'pre-authorized_code': string }> })
        .grants['urn:ietf:params:oauth:grant-type:pre-authorized_code']!['pre-authorized_code'];
      const redeem = () => fetch(`${service.url}/oid4vci/token`, {
        method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code', 'pre-authorized_code': code, tx_code: offer.pin }),
      });
      expect((await redeem()).status).toBe(200);
      expect(await (await redeem()).json()).toMatchObject({ error: 'invalid_grant', code: 'ERR_NOT_FOUND' });
      expect(service.output()).not.toContain(offer.pin);
      expect(service.output()).not.toContain(code);
      // Changing the base URL now would orphan the issued credential's status list.
      const moved = issuer('settings', '--base-url', 'https://new.example.ph');
      expect(moved.code).toBe(1);
      expect(moved.err).toMatch(/^ERR_CONFLICT/);
      expect(issuer('settings', '--json').json()).toMatchObject({ baseUrl: 'https://mctc.example.ph' });
    } finally {
      service.child.kill('SIGTERM');
      await stopped(service.child);
    }
  });

  it('hands a wallet link out on the command line too', () => {
    const listed = issuer('list', '--json').json() as unknown as { id: string }[];
    const link = issuer('wallet-link', listed[0]!.id, '--days', '7', '--json');
    expect(link.code).toBe(0);
    expect(link.json()).toMatchObject({ url: expect.stringMatching(/^https:\/\/mctc\.example\.ph\/wallet\/[A-Za-z0-9_-]{32}$/) });
    expect(issuer('wallet-link', 'urn:uuid:00000000-0000-0000-0000-000000000000').code).toBe(3);
    const issued = issuer('issue', '--pack', file('pack-PH.json'), '--qualification', PH_CAREGIVING_NC_II, '--name', 'Jose Cruz', '--birth-date', '1990-05-06',
      '--assessed', '2026-10-30', '--out', file('out'), '--wallet-link', '--json');
    expect(issued.code).toBe(0);
    const { id, walletLink } = issued.json() as { id: string; walletLink: { url: string } };
    expect(walletLink.url).toMatch(/^https:\/\/mctc\.example\.ph\/wallet\//);
    // Printed on the certificate handout as well.
    expect(readFileSync(join(file('out'), `${id.replace(/^urn:uuid:/, '')}.html`), 'utf8')).toContain(walletLink.url);
    const entries = issuer('audit-log', '--json').json() as unknown as { clientId: string; action: string; credentialId?: string }[];
    expect(entries.filter((e) => e.credentialId === id).map((e) => [e.clientId, e.action])).toEqual([['cli', 'issue'], ['cli', 'wallet-link']]);
  });
});

describe('an OpenID4VCI offer on the certificate handout', () => {
  it('issue --offer prints the offer QR on the certificate and the PIN on the terminal only', async () => {
    const issued = issuer('issue', '--pack', file('pack-PH.json'), '--qualification', PH_CAREGIVING_NC_II, '--name', 'Ana Reyes', '--birth-date', '1994-02-03',
      '--assessed', '2026-10-30', '--out', file('out-offer'), '--offer', '--pdf', '--json');
    expect(issued.code).toBe(0);
    const { id, offer } = issued.json() as { id: string; offer: { uri: string; pin: string; expiresAt: string } };
    // Every file it wrote is listed, the PDF too.
    const base = join(file('out-offer'), id.replace(/^urn:uuid:/, ''));
    expect(issued.json().files).toEqual(['json', 'png', 'svg', 'html', 'pdf'].map((kind) => `${base}.${kind}`));
    for (const written of issued.json().files as string[]) expect(existsSync(written)).toBe(true);
    expect(offer.uri).toMatch(/^openid-credential-offer:\/\//);
    const html = readFileSync(join(file('out-offer'), `${id.replace(/^urn:uuid:/, '')}.html`), 'utf8');
    expect(html).toContain('class="offer"');
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).not.toContain(offer.pin);
    // The officer reading the printed certificate gets the credential's QR, not the wallet offer beside it.
    const pages = await readQrsFromPdfDocument(readFileSync(join(file('out-offer'), `${id.replace(/^urn:uuid:/, '')}.pdf`)));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.text.startsWith(QR_PREFIX)).toBe(true);
    const entries = issuer('audit-log', '--json').json() as unknown as { action: string; credentialId?: string }[];
    expect(entries.filter((e) => e.credentialId === id).map((e) => e.action)).toEqual(['issue', 'offer']);
  });
});

describe('plain HTTP off the loopback address', () => {
  // 192.0.2.1 is a documentation address no machine holds: allowed, the bind fails (EADDRNOTAVAIL)
  // rather than exposing anything during the test.
  const services: [string, string[]][] = [
    ['issuer', ['serve', '--pack', file('pack-PH.json'), '--data', file('iss')]],
    ['registry', ['serve', '--data', file('reg')]],
    ['verifier', ['serve', '--country', 'JP', '--root', 'did:key:placeholder', '--trust-pack', file('pack-JP.json'), '--data', file('ver')]],
  ];

  it('is refused by all three services (usage exit code), and allowed with --insecure-http', () => {
    expect(run('registry', 'init', '--data', file('reg')).code).toBe(0);
    for (const [name, args] of services) {
      // The verifier trusts only packs its configured registry operator signed.
      const fixed = name === 'verifier'
        ? [...args.map((a) => (a === 'did:key:placeholder' ? world.keys.jp.description.controller : a)), '--registry-key', world.keys.operator.description.controller]
        : args;
      const refused = run(name, ...fixed, '--host', '0.0.0.0', '--port', '0');
      expect([name, refused.code]).toEqual([name, 3]);
      expect(refused.err).toMatch(/^ERR_INSECURE_TRANSPORT/);
      const allowed = run(name, ...fixed, '--host', '192.0.2.1', '--port', '0', '--insecure-http');
      expect(allowed.err).not.toMatch(/ERR_INSECURE_TRANSPORT/);
      expect(allowed.code).not.toBe(0);
    }
  });

  it('on a busy port, each of the three says so (usage, exit 3), not "internal error"', async () => {
    const busy = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => busy.once('listening', resolve));
    const port = String((busy.address() as { port: number }).port);
    try {
      for (const [name, args] of services) {
        const fixed = name === 'verifier'
          ? [...args.map((a) => (a === 'did:key:placeholder' ? world.keys.jp.description.controller : a)), '--registry-key', world.keys.operator.description.controller]
          : args;
        const result = run(name, ...fixed, '--port', port);
        expect([name, result.code, result.err]).toEqual([name, 3, `usage: port ${port} on 127.0.0.1 is already in use (another service?): stop it or give --port\n`]);
      }
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});
