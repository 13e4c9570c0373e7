#!/usr/bin/env node
/**
 * corridor-issuer: a training centre's command line.
 *
 *   corridor-issuer init --name <centre> --base-url <https://…> --authority <did:key>
 *       create the key (0600) and database; the authority is the one that accredits this centre
 *   corridor-issuer issue --pack <trust-pack.json> --qualification <id> --name <worker> --birth-date <YYYY-MM-DD>
 *       --assessed <YYYY-MM-DD> [--route training|rpl] [--valid-until <date>] [--wallet <did>] [--out <dir>]
 *       issue one credential; writes <uuid>.json, <uuid>.png (QR), <uuid>.svg
 *   corridor-issuer revoke <credential-id>
 *   corridor-issuer status-lists [--out <dir>] [--push <registry-url>]
 *       write the signed status lists, and/or push them to the registry (a signed request)
 *   corridor-issuer list [--name <part>] [--qualification <id>]
 *
 * Options: --data <dir> (default $CORRIDOR_ISSUER_DATA or ./.corridor/issuer), --json, --help.
 * Exit codes: 0 ok, 1 refused, 3 usage or input error.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  accreditationAt, CorridorError, createRegistryClient, EXIT, generateKeyPair, loadTrustPack, readKeyFile, UsageError, helpText, parseCommandLine, required, runCli, writeKeyFile,
} from '@corridor/shared';
import { Issuer } from './issuer.js';
import { renderCredentialFiles } from './output.js';
import { IssuerStore } from './store.js';

const HELP = helpText(readFileSync(new URL(import.meta.url), 'utf8'));

const spec = {
  allowPositionals: true,
  options: {
    data: { type: 'string' }, name: { type: 'string' }, 'base-url': { type: 'string' }, authority: { type: 'string' },
    pack: { type: 'string' }, qualification: { type: 'string' }, 'birth-date': { type: 'string' }, assessed: { type: 'string' },
    route: { type: 'string' }, push: { type: 'string' }, 'valid-until': { type: 'string' }, wallet: { type: 'string' }, out: { type: 'string' },
    json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' },
  },
} as const;

const { values: options, positionals } = parseCommandLine(spec);

const dataDir = resolve(options.data ?? process.env.CORRIDOR_ISSUER_DATA ?? '.corridor/issuer');
const dbPath = join(dataDir, 'issuer.db');
const keyPath = join(dataDir, 'issuer-key.json');

function print(human: string, json: unknown): void {
  process.stdout.write(options.json ? JSON.stringify(json, null, 2) + '\n' : human + '\n');
}


function writeAtomically(path: string, data: string | Buffer): void {
  writeFileSync(path + '.tmp', data);
  renameSync(path + '.tmp', path);
}

function openIssuer(): { issuer: Issuer; store: IssuerStore } {
  if (!existsSync(dbPath) || !existsSync(keyPath)) throw new CorridorError('ERR_NOT_FOUND', `no issuer in ${dataDir}; run corridor-issuer init`);
  const store = new IssuerStore(dbPath);
  const issuer = new Issuer({ store, key: readKeyFile(keyPath), name: store.getMeta('name')!, baseUrl: store.getMeta('baseUrl')! });
  return { issuer, store };
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
      if (!/^https?:\/\/\S+$/.test(baseUrl)) throw new UsageError('--base-url must be an http(s) URL');
      if (!authority.startsWith('did:key:')) throw new UsageError('--authority must be a did:key');
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      if (!existsSync(keyPath)) writeKeyFile(keyPath, generateKeyPair());
      const store = new IssuerStore(dbPath);
      store.setMeta('name', name);
      store.setMeta('baseUrl', baseUrl);
      store.setMeta('authority', authority);
      store.close();
      const did = readKeyFile(keyPath).description.controller;
      print(`issuer ready in ${dataDir}\ndid ${did}\nask your authority to accredit this did before issuing`, { dataDir, did });
      return EXIT.ok;
    }
    case 'issue': {
      const { issuer, store } = openIssuer();
      const pack = JSON.parse(readFileSync(required(options.pack, '--pack'), 'utf8')) as unknown;
      const index = await loadTrustPack(pack, { roots: [store.getMeta('authority')!] });
      const qualificationId = required(options.qualification, '--qualification');
      const qualification = index.qualifications.get(qualificationId);
      if (!qualification) throw new CorridorError('ERR_QUALIFICATION_UNKNOWN');
      const accredited = accreditationAt(index, issuer.did, qualificationId, new Date());
      if (!accredited.ok) throw new CorridorError(accredited.code);
      const route = ROUTES[(options.route ?? 'training') as keyof typeof ROUTES];
      if (!route) throw new UsageError('--route must be training or rpl');
      const assessed = required(options.assessed, '--assessed');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(assessed)) throw new UsageError('--assessed must be YYYY-MM-DD');
      const credential = await issuer.issue({
        qualification, route, assessedAt: `${assessed}T00:00:00Z`,
        subject: { name: required(options.name, '--name'), birthDate: required(options['birth-date'], '--birth-date'), ...(options.wallet ? { walletDid: options.wallet } : {}) },
        ...(options['valid-until'] ? { validUntil: options['valid-until'] } : {}),
      });
      const files = await renderCredentialFiles(credential, index.qrCatalogue ? { catalogue: index.qrCatalogue } : {});
      const out = resolve(options.out ?? '.');
      mkdirSync(out, { recursive: true });
      writeAtomically(join(out, `${files.baseName}.json`), files.json);
      writeAtomically(join(out, `${files.baseName}.png`), files.png);
      writeAtomically(join(out, `${files.baseName}.svg`), files.svg);
      print(`issued ${credential.id}\nwrote ${join(out, files.baseName)}.{json,png,svg} (QR version ${files.qr.version})`,
        { id: credential.id, files: ['json', 'png', 'svg'].map((e) => join(out, `${files.baseName}.${e}`)), qr: files.qr });
      return EXIT.ok;
    }
    case 'revoke': {
      const row = openIssuer().issuer.revoke(required(argument, 'a credential id'));
      print(`revoked ${row.id}; publish the status lists (status-lists) so verifiers learn it at their next sync`, { id: row.id, state: row.state });
      return EXIT.ok;
    }
    case 'status-lists': {
      if (!options.out && !options.push) throw new UsageError('status-lists needs --out <dir> and/or --push <registry-url>');
      const lists = await openIssuer().issuer.statusListCredentials();
      const files: string[] = [];
      if (options.out) {
        const out = resolve(options.out);
        mkdirSync(out, { recursive: true });
        for (const list of lists) {
          const file = join(out, `status-list-${list.id.split('/').pop()}.json`);
          writeAtomically(file, JSON.stringify(list, null, 2));
          files.push(file);
        }
      }
      const pushed: unknown[] = [];
      if (options.push) {
        const client = createRegistryClient(options.push);
        const key = readKeyFile(keyPath);
        for (const list of lists) pushed.push(await client.pushStatusList(list, key));
      }
      print([...files, ...(options.push ? [`pushed ${pushed.length} status list(s) to ${options.push}`] : [])].join('\n') || '(no status lists yet)', { files, pushed });
      return EXIT.ok;
    }
    case 'list': {
      const rows = openIssuer().store.credentials({ ...(options.name ? { subjectName: options.name } : {}), ...(options.qualification ? { qualification: options.qualification } : {}) });
      print(rows.map((r) => `${r.issuedAt} ${r.state.padEnd(8)} ${r.id} ${r.qualification}`).join('\n') || '(none)',
        rows.map(({ json: _json, ...rest }) => rest));
      return EXIT.ok;
    }
    default:
      throw new UsageError(`unknown command ${command} (see --help)`);
  }
}

runCli(main, options);
