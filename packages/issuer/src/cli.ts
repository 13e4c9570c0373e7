#!/usr/bin/env node
/**
 * corridor-issuer: a training centre's command line.
 *
 *   corridor-issuer init --name <centre> --base-url <https://…> --authority <did:key>
 *       create the key (0600) and database; the authority is the one that accredits this centre.
 *       Refused where a centre exists already: see settings
 *   corridor-issuer settings [--name <centre>] [--base-url <https://…>] [--authority <did:key>]
 *       show or change the centre's settings; the base URL is fixed once a credential was issued
 *       (its status lists are published under it)
 *   corridor-issuer issue --pack <trust-pack.json> --qualification <id> --name <worker> --birth-date <YYYY-MM-DD>
 *       --assessed <YYYY-MM-DD> [--route training|rpl] [--valid-until <date>] [--wallet <did>] [--out <dir>]
 *       (names and dates are checked as the VC-API checks them: see docs/training-centre.md, "What the issue endpoint signs")
 *       issue one credential; writes <uuid>.json, <uuid>.png (QR), <uuid>.svg and the certificate <uuid>.html
 *       (add --pdf for <uuid>.pdf, printed by headless Chromium; --offer prints an OpenID4VCI offer QR on the
 *       certificate and its PIN on the terminal, to give apart; --wallet-link prints a one-time download link,
 *       on the certificate too)
 *   corridor-issuer issue-batch <cohort.csv> --pack <trust-pack.json> [--out <dir>] [--files json,png,svg,html]
 *       one credential per row (name,birth_date,qualification,assessment_date,route); bad rows go to
 *       <out>/errors.csv and never stop good ones; re-running the same file issues nothing twice;
 *       --files picks each credential's files (all four by default);
 *       --pdf also prints all certificates into <out>/certificates.pdf, a page each
 *   corridor-issuer serve --pack <trust-pack.json> [--port 8470] [--host 127.0.0.1] [--push <registry-url>]
 *       [--tls-cert <pem> --tls-key <pem>] [--insecure-http]
 *       the VC-API endpoints: POST /oauth2/token, POST /credentials/issue, POST /credentials/status,
 *       GET /credentials…, GET /wallet/<code>; every staff endpoint needs a client's bearer token.
 *       With --push, every revocation is pushed to the registry at once. Plain HTTP off the
 *       loopback address only with --insecure-http (e.g. behind a TLS proxy)
 *   corridor-issuer clients add --name <desk> --scopes issue,status,read
 *       a client of the HTTP API; its secret is printed once and kept only as a hash
 *   corridor-issuer clients list
 *   corridor-issuer clients revoke <client-id>       its tokens stop working at once
 *   corridor-issuer audit-log [--since <ISO date-time>]
 *       who issued, revoked, listed or downloaded which credential id, and when
 *   corridor-issuer wallet-link <credential-id> [--days 30]
 *       a one-time code (and URL) for the worker to download their credential into a wallet
 *   corridor-issuer offer <credential-id> [--days 14] [--out <dir>]
 *       an OpenID4VCI offer for the worker's wallet: prints the openid-credential-offer:// URI and a
 *       6-digit PIN (give it apart from the QR), writes the QR as offer-<uuid>.png/.svg; works once
 *   corridor-issuer rotate-key
 *       a new signing key (0600); the old one is kept only to sign its own status lists. The new key
 *       issues nothing until the authority accredits its did and the centre has a pack saying so
 *   corridor-issuer revoke <credential-id>
 *   corridor-issuer status-lists [--out <dir>] [--push <registry-url>]
 *       write the signed status lists, and/or push them to the registry (a signed request). A list is
 *       valid for $CORRIDOR_STATUS_LIST_DAYS (default 3) days and re-signed once two thirds have
 *       passed: run this daily from cron, or verifiers call the status stale
 *   corridor-issuer list [--name <part>] [--qualification <id>] [--limit 100]
 *
 * Options: --data <dir> (default $CORRIDOR_ISSUER_DATA or ./.corridor/issuer), --json, --help.
 * Exit codes: 0 ok, 1 refused, 3 usage or input error.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  checkWorkerData, inert, readJsonFile, readTextFile, isCalendarDate, isCalendarDateTime, isHolderDid, CorridorError, createPrinter, createRegistryClient, portOption, startServer, untilStopped, writeFileAtomically, renderQr, EXIT, generateKeyPair, loadTrustPack, readKeyFile, UsageError, helpText, parseCommandLine, required, runCli, writeKeyFile,
} from '@corridor/shared';
import { combineCertificates, renderCertificateHtml } from './certificate.js';
import { createRenderPool } from './render-pool.js';
import { issueCohort, MAX_COHORT_BYTES, MAX_COHORT_ROWS, readCohort } from './cohort.js';
import { addClient, CLI_CLIENT, createIssuerAuth, parseScopes } from './auth.js';
import { createIssuerApp } from './http.js';
import { accreditingAuthorityName, qualificationToIssue, registeredName } from './issuance-policy.js';
import { Issuer } from './issuer.js';
import { createFileWriter, FILE_KINDS, removeStaleTemporaries, renderCredentialFiles, type FileKind } from './output.js';
import { htmlToPdf } from './pdf.js';
import { changeSettings, checkAuthority, checkBaseUrl, isInitialised } from './settings.js';
import { IssuerStore } from './store.js';
import { createWalletLink } from './wallet-link.js';
import { Oid4vciService } from './oid4vci.js';

/** `--files json,png`: which files each credential of a cohort gets (all four by default). */
function fileKinds(option: string | undefined): FileKind[] {
  if (option === undefined) return [...FILE_KINDS];
  const kinds = option.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean);
  const unknown = kinds.filter((k) => !(FILE_KINDS as readonly string[]).includes(k));
  if (unknown.length || !kinds.length) throw new UsageError(`--files takes a comma-separated list of ${FILE_KINDS.join(', ')}`);
  return [...new Set(kinds)] as FileKind[];
}

const HELP = helpText(readFileSync(new URL(import.meta.url), 'utf8'));

const spec = {
  allowPositionals: true,
  options: {
    data: { type: 'string' }, name: { type: 'string' }, 'base-url': { type: 'string' }, authority: { type: 'string' },
    pack: { type: 'string' }, qualification: { type: 'string' }, 'birth-date': { type: 'string' }, assessed: { type: 'string' },
    route: { type: 'string' }, push: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, limit: { type: 'string' }, pdf: { type: 'boolean' }, files: { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, 'valid-until': { type: 'string' }, wallet: { type: 'string' }, out: { type: 'string' },
    scopes: { type: 'string' }, since: { type: 'string' }, days: { type: 'string' }, 'insecure-http': { type: 'boolean' }, 'wallet-link': { type: 'boolean' }, offer: { type: 'boolean' },
    json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' },
  },
} as const;

const { values: options, positionals } = parseCommandLine(spec);

const dataDir = resolve(options.data ?? process.env.CORRIDOR_ISSUER_DATA ?? '.corridor/issuer');
const dbPath = join(dataDir, 'issuer.db');
const keyPath = join(dataDir, 'issuer-key.json');

const print = createPrinter(options.json);


const retiredDir = join(dataDir, 'retired-keys');

function openIssuer(): { issuer: Issuer; store: IssuerStore } {
  if (!existsSync(dbPath) || !existsSync(keyPath)) throw new CorridorError('ERR_NOT_FOUND', `no issuer in ${dataDir}; run corridor-issuer init`);
  const store = new IssuerStore(dbPath);
  const retiredKeys = existsSync(retiredDir) ? readdirSync(retiredDir).filter((f) => f.endsWith('.json')).map((f) => readKeyFile(join(retiredDir, f))) : [];
  const days = Number(process.env.CORRIDOR_STATUS_LIST_DAYS ?? 3);
  if (!(days > 0)) throw new UsageError('$CORRIDOR_STATUS_LIST_DAYS must be a positive number of days');
  const issuer = new Issuer({
    store, key: readKeyFile(keyPath), retiredKeys, name: store.getMeta('name')!, baseUrl: store.getMeta('baseUrl')!, statusListLifetimeSeconds: days * 86_400,
  });
  return { issuer, store };
}

async function readPack(store: IssuerStore) {
  const pack = readJsonFile(required(options.pack, '--pack'), 'the trust pack file', 'ERR_TRUST_PACK_INVALID');
  return loadTrustPack(pack, { roots: [store.getMeta('authority')!] });
}

/** A progress bar on a terminal; a line every 10% otherwise (logs, CI). */
function progressBar() {
  let lastDecile = -1;
  return (done: number, total: number) => {
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor((done / total) * 10);
    if (decile !== lastDecile || done === total) {
      lastDecile = decile;
      process.stderr.write(`${done}/${total} rows\n`);
    }
  };
}

/** `--valid-until`: a date (the credential expires at the end of that day, UTC) or a date-time, after now. */
function validUntilOption(value: string, now: Date): string {
  const at = isCalendarDate(value) ? `${value}T23:59:59Z` : value;
  if (!isCalendarDateTime(at)) throw new CorridorError('ERR_PROPERTY_REFUSED', '--valid-until must be a calendar date (YYYY-MM-DD) or a date-time with a time zone');
  if (Date.parse(at) <= now.getTime()) throw new CorridorError('ERR_PROPERTY_REFUSED', '--valid-until is not after now');
  return at;
}

function walletOption(value: string): string {
  if (!isHolderDid(value)) throw new CorridorError('ERR_INPUT_INVALID', '--wallet must be the holder\'s DID');
  return value;
}

const ROUTES = { training: 'training', rpl: 'recognition-of-prior-learning', 'recognition-of-prior-learning': 'recognition-of-prior-learning' } as const;

async function main(): Promise<number> {
  const [command, argument] = positionals;
  if (options.help || !command) {
    process.stdout.write(HELP + '\n');
    return command || options.help ? EXIT.ok : EXIT.usage;
  }
  switch (command) {
    case 'init': {
      const name = required(options.name, '--name');
      const baseUrl = required(options['base-url'], '--base-url');
      const authority = required(options.authority, '--authority');
      checkBaseUrl(baseUrl);
      checkAuthority(authority);
      // A second init once rewrote the base URL under issued credentials: their revocations then
      // went to lists no verifier reads. An existing centre changes settings with `settings`.
      if (existsSync(dbPath)) {
        const existing = new IssuerStore(dbPath);
        const initialised = isInitialised(existing);
        existing.close();
        if (initialised) throw new CorridorError('ERR_CONFLICT', `an issuer exists in ${dataDir} already; use corridor-issuer settings to change it`);
      }
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      // A key left by an interrupted init is kept: a key file is never overwritten.
      if (!existsSync(keyPath)) writeKeyFile(keyPath, generateKeyPair());
      const store = new IssuerStore(dbPath);
      changeSettings(store, { name, baseUrl, authority });
      store.close();
      const did = readKeyFile(keyPath).description.controller;
      print(`issuer ready in ${dataDir}\ndid ${did}\nask your authority to accredit this did before issuing; ` +
        'add an API client (clients add) before serving', { dataDir, did });
      return EXIT.ok;
    }
    case 'settings': {
      const current = changeSettings(openIssuer().store, {
        ...(options.name !== undefined ? { name: options.name } : {}), ...(options['base-url'] !== undefined ? { baseUrl: options['base-url'] } : {}),
        ...(options.authority !== undefined ? { authority: options.authority } : {}),
      });
      print(`name ${current.name}\nbase URL ${current.baseUrl}\nauthority ${current.authority}`, current);
      return EXIT.ok;
    }
    case 'clients': {
      const { store } = openIssuer();
      if (argument === 'add') {
        const { client, secret } = await addClient(store, { name: required(options.name, '--name'), scopes: parseScopes(required(options.scopes, '--scopes')) });
        print(`client ${client.id} (${client.name}) scopes ${client.scopes.join(',')}\nsecret ${secret}\n` +
          'the secret is shown only this once: keep it in the desk\'s password manager', { id: client.id, name: client.name, scopes: client.scopes, secret });
      } else if (argument === 'list') {
        const clients = store.clients().map(({ secretHash: _hash, ...client }) => client);
        print(clients.map((c) => `${c.id} ${(c.revokedAt ? 'revoked' : 'active').padEnd(7)} ${c.scopes.join(',').padEnd(17)} ${c.name}`).join('\n') || '(no clients: add one with clients add)', clients);
      } else if (argument === 'revoke') {
        const id = required(positionals[2], 'a client id');
        const client = store.revokeClient(id, { at: new Date().toISOString(), clientId: CLI_CLIENT, action: 'client-revoke' });
        if (!client) throw new CorridorError('ERR_NOT_FOUND', 'no such client');
        print(`revoked ${client.id}; its tokens are refused from now on`, { id: client.id, revokedAt: client.revokedAt });
      } else {
        throw new UsageError('clients add | list | revoke <client-id>');
      }
      return EXIT.ok;
    }
    case 'audit-log': {
      const since = options.since;
      if (since !== undefined && Number.isNaN(Date.parse(since))) throw new UsageError('--since must be an ISO date or date-time');
      const entries = openIssuer().store.auditLog(since !== undefined ? { since: new Date(since).toISOString() } : {});
      print(entries.map((e) => `${e.at} ${e.clientId} ${e.action}${e.credentialId ? ` ${e.credentialId}` : ''}`).join('\n') || '(nothing yet)', entries);
      return EXIT.ok;
    }
    case 'wallet-link': {
      const { issuer, store } = openIssuer();
      const link = createWalletLink(store, {
        credentialId: required(argument, 'a credential id'), clientId: CLI_CLIENT, baseUrl: issuer.baseUrl, ...(options.days ? { days: Number(options.days) } : {}),
      });
      print(`wallet download (once, until ${link.expiresAt}): ${link.url}\ncode ${link.code}`, link);
      return EXIT.ok;
    }
    case 'offer': {
      // An OpenID4VCI offer: the QR the worker's wallet scans, and the PIN given apart from it.
      const { issuer, store } = openIssuer();
      const credentialId = required(argument, 'a credential id');
      const offer = await new Oid4vciService({ issuer, store }).createOffer({ credentialId, clientId: CLI_CLIENT, ...(options.days ? { days: Number(options.days) } : {}) });
      const out = resolve(options.out ?? '.');
      mkdirSync(out, { recursive: true });
      const base = join(out, `offer-${credentialId.replace(/^urn:uuid:/, '').replace(/[^A-Za-z0-9-]/g, '_')}`);
      const qr = renderQr(offer.uri);
      writeFileAtomically(`${base}.png`, qr.png);
      writeFileAtomically(`${base}.svg`, qr.svg);
      print(`wallet offer (once, until ${offer.expiresAt}): ${offer.uri}\nPIN ${offer.pin} (give it apart from the QR)\nQR ${base}.png, ${base}.svg`, { ...offer, png: `${base}.png`, svg: `${base}.svg` });
      return EXIT.ok;
    }
    case 'issue': {
      const { issuer, store } = openIssuer();
      const index = await readPack(store);
      const qualification = qualificationToIssue(index, issuer.did, required(options.qualification, '--qualification'), new Date());
      const route = ROUTES[(options.route ?? 'training') as keyof typeof ROUTES];
      if (!route) throw new UsageError('--route must be training or rpl');
      const now = new Date();
      // The same checks as the VC-API and cohorts, naming the flags.
      const worker = checkWorkerData({
        name: required(options.name, '--name'), birthDate: required(options['birth-date'], '--birth-date'), assessedAt: required(options.assessed, '--assessed'),
      }, { now, labels: { name: '--name', birthDate: '--birth-date', assessedAt: '--assessed' } });
      const credential = await issuer.issue({
        qualification, route, assessedAt: worker.assessedAt!, ...registeredName(index, issuer.did, qualification.id, now),
        subject: { name: worker.name, birthDate: worker.birthDate, ...(options.wallet !== undefined ? { walletDid: walletOption(options.wallet) } : {}) },
        ...(options['valid-until'] ? { validUntil: validUntilOption(options['valid-until'], now) } : {}),
      }, { auditAs: CLI_CLIENT });
      const files = await renderCredentialFiles(credential, index.qrCatalogue ? { catalogue: index.qrCatalogue } : {});
      const out = resolve(options.out ?? '.');
      mkdirSync(out, { recursive: true });
      writeFileAtomically(join(out, `${files.baseName}.json`), files.json);
      writeFileAtomically(join(out, `${files.baseName}.png`), files.png);
      writeFileAtomically(join(out, `${files.baseName}.svg`), files.svg);
      // The worker's one-time wallet link goes on the certificate handout.
      const walletLink = options['wallet-link'] ? createWalletLink(store, { credentialId: credential.id, clientId: CLI_CLIENT, baseUrl: issuer.baseUrl }) : undefined;
      // An OpenID4VCI offer's QR on the handout too; its PIN is printed here only, to be given apart.
      const offer = options.offer ? await new Oid4vciService({ issuer, store }).createOffer({ credentialId: credential.id, clientId: CLI_CLIENT }) : undefined;
      const walletOffer = offer ? { qrSvg: renderQr(offer.uri).svg, expiresAt: offer.expiresAt } : undefined;
      const accreditedBy = accreditingAuthorityName(index, issuer.did, qualification.id, now);
      const certificate = renderCertificateHtml({
        credential, qualification, qrSvg: files.svg, ...(accreditedBy ? { accreditedBy } : {}), ...(walletLink ? { walletLink } : {}), ...(walletOffer ? { walletOffer } : {}),
      });
      writeFileAtomically(join(out, `${files.baseName}.html`), certificate);
      if (options.pdf) await htmlToPdf(certificate, join(out, `${files.baseName}.pdf`));
      const written = ['json', 'png', 'svg', 'html', ...(options.pdf ? ['pdf'] : [])].map((e) => join(out, `${files.baseName}.${e}`));
      print(`issued ${credential.id} (QR version ${files.qr.version})\n${written.map((file) => `wrote ${file}`).join('\n')}` +
        (walletLink ? `\nwallet download (once, until ${walletLink.expiresAt}): ${walletLink.url}` : '') +
        (offer ? `\nwallet offer on the certificate (once, until ${offer.expiresAt}); PIN ${offer.pin} (give it apart)` : ''),
        { id: credential.id, files: written, qr: files.qr, ...(walletLink ? { walletLink } : {}), ...(offer ? { offer } : {}) });
      return EXIT.ok;
    }
    case 'issue-batch': {
      const { issuer, store } = openIssuer();
      const index = await readPack(store);
      const csv = required(argument, 'a cohort CSV file');
      // Refused by its size before a byte is read: no cohort is that large.
      const size = statSync(csv, { throwIfNoEntry: false })?.size ?? 0;
      if (size > MAX_COHORT_BYTES) {
        throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', `the cohort file ${inert(csv)} is ${(size / 1_048_576).toFixed(0)} MB; a cohort file holds at most ${MAX_COHORT_BYTES / 1_048_576} MB (${MAX_COHORT_ROWS} rows)`);
      }
      const text = readTextFile(csv, 'the cohort file');
      const { rows, problems } = readCohort(text);
      const kinds = fileKinds(options.files);
      const out = resolve(options.out ?? '.');
      mkdirSync(out, { recursive: true });
      removeStaleTemporaries(out);
      const catalogue = index.qrCatalogue ? { catalogue: index.qrCatalogue } : {};
      const certificates: { line: number; html: string }[] = [];
      // The database on this thread; signing, QR and certificate rendering on every core.
      const pool = createRenderPool({ key: issuer.signingKey, ...catalogue });
      const writeFiles = createFileWriter(out);
      const result = await issueCohort({
        auditAs: CLI_CLIENT,
        issuer, trust: index, rows,
        // Files are written by the workers under temporary names, put in place once recorded; the
        // certificate pages for the PDF come back in memory.
        produce: (job) => pool.produce({
          ...job, kinds: options.pdf ? [...kinds, 'html'] : kinds, stage: { dir: out, kinds: options.pdf ? kinds.filter((k) => k !== 'html') : kinds },
        }),
        deliver: async (_credential, files, row) => {
          await writeFiles({ ...files, ...(kinds.includes('html') ? {} : { html: undefined }) });
          if (options.pdf && files.html) certificates.push({ line: row.line, html: files.html });
        },
        progress: progressBar(),
      }).finally(() => pool.close());
      const pdf = options.pdf && certificates.length ? join(out, 'certificates.pdf') : undefined;
      if (pdf) await htmlToPdf(combineCertificates(certificates.sort((a, b) => a.line - b.line).map((c) => c.html)), pdf);
      const allProblems = [...problems, ...result.problems].sort((a, b) => a.line - b.line);
      const errorsFile = join(out, 'errors.csv');
      if (allProblems.length) writeFileAtomically(errorsFile, ['line,code,message', ...allProblems.map((p) => `${p.line},${p.code},"${p.message.replace(/"/g, '""')}"`)].join('\n') + '\n');
      const fresh = result.issued.filter((i) => !i.alreadyIssued).length;
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      print(`issued ${fresh} new, ${result.issued.length - fresh} already issued, ${plural(allProblems.length, 'row')} with problems` +
        (allProblems.length ? ` (see ${errorsFile})` : '') + `; files in ${out}` + (pdf ? `\nwrote ${pdf} (${plural(certificates.length, 'certificate')}, a page each)` : ''),
        { issued: fresh, alreadyIssued: result.issued.length - fresh, problems: allProblems, out, ...(pdf ? { pdf } : {}) });
      return allProblems.length ? EXIT.invalid : EXIT.ok;
    }
    case 'serve': {
      const { issuer, store } = openIssuer();
      const index = await readPack(store);
      const port = portOption(options.port, 8470);
      const host = options.host ?? '127.0.0.1';
      const client = options.push ? createRegistryClient(options.push) : undefined;
      const auth = createIssuerAuth({ store, audience: `urn:corridor:issuer-api:${issuer.did}` });
      const app = createIssuerApp({
        issuer, store, trust: () => index, auth, log: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
        ...(client ? { onStatusChange: async () => { for (const list of await issuer.statusListCredentials()) await client.pushStatusList(list, issuer.keyFor(list.issuer)); } } : {}),
      });
      const { server, url } = await startServer(app, {
        port, host, ...(options['tls-cert'] ? { tlsCert: options['tls-cert'] } : {}), ...(options['tls-key'] ? { tlsKey: options['tls-key'] } : {}),
        insecureHttp: options['insecure-http'] === true,
      });
      process.stdout.write((store.hasActiveClient() ? ''
        : 'no API clients yet: every staff request is refused until you run corridor-issuer clients add --name <desk> --scopes issue,status,read\n') +
        `issuer listening on ${url}\n`);
      await untilStopped(server, () => store.close());
      return EXIT.ok;
    }
    case 'rotate-key': {
      if (!existsSync(dbPath)) throw new CorridorError('ERR_NOT_FOUND', `no issuer in ${dataDir}; run corridor-issuer init`);
      mkdirSync(retiredDir, { recursive: true, mode: 0o700 });
      if (!existsSync(keyPath)) writeKeyFile(keyPath, generateKeyPair());
      const old = readKeyFile(keyPath).description.controller;
      // Retire first, then create: a crash in between leaves no active key (run rotate-key again), never two.
      renameSync(keyPath, join(retiredDir, `${old.slice(-16)}.json`));
      writeKeyFile(keyPath, generateKeyPair());
      const did = readKeyFile(keyPath).description.controller;
      print(`new signing key ${did}\nretired ${old} (kept to sign its status lists)\n` +
        'ask your authority to accredit the new did; issuing waits for a trust pack that shows it', { did, retired: old });
      return EXIT.ok;
    }
    case 'revoke': {
      const { issuer, store } = openIssuer();
      // The revocation and its audit entry commit together.
      const row = store.transaction(() => {
        const revoked = issuer.revoke(required(argument, 'a credential id'));
        store.audit([{ at: new Date().toISOString(), clientId: CLI_CLIENT, action: 'revoke', credentialId: revoked.id }]);
        return revoked;
      });
      print(`revoked ${row.id}; publish the status lists (status-lists) so verifiers learn it at their next sync`, { id: row.id, state: row.state });
      return EXIT.ok;
    }
    case 'status-lists': {
      if (!options.out && !options.push) throw new UsageError('status-lists needs --out <dir> and/or --push <registry-url>');
      const { issuer } = openIssuer();
      const lists = await issuer.statusListCredentials();
      const files: string[] = [];
      if (options.out) {
        const out = resolve(options.out);
        mkdirSync(out, { recursive: true });
        for (const list of lists) {
          const file = join(out, `status-list-${list.id.split('/').pop()}.json`);
          writeFileAtomically(file, JSON.stringify(list, null, 2));
          files.push(file);
        }
      }
      const pushed: unknown[] = [];
      if (options.push) {
        const client = createRegistryClient(options.push);
        for (const list of lists) pushed.push(await client.pushStatusList(list, issuer.keyFor(list.issuer)));
      }
      print([...files, ...(options.push ? [`pushed ${pushed.length} status list(s) to ${options.push}`] : [])].join('\n') || '(no status lists yet)', { files, pushed });
      return EXIT.ok;
    }
    case 'list': {
      const limit = Number(options.limit ?? 100);
      if (!Number.isSafeInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive integer');
      const rows = openIssuer().store.credentials({ limit, ...(options.name ? { subjectName: options.name } : {}), ...(options.qualification ? { qualification: options.qualification } : {}) });
      // The centre's own records, on its own machine: the worker's name is what staff look for.
      print(rows.map((r) => `${r.issuedAt} ${r.state.padEnd(8)} ${r.id} ${inert(r.subjectName)}  ${r.qualification}`).join('\n') || '(none)',
        rows.map(({ json: _json, ...rest }) => rest));
      return EXIT.ok;
    }
    default:
      throw new UsageError(`unknown command ${command} (see --help)`);
  }
}

runCli(main, options);
