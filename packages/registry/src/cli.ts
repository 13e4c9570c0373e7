#!/usr/bin/env node
/**
 * corridor-registry: the registry operator's and the authorities' command line.
 *
 *   corridor-registry init                                   create the database and the operator key
 *   corridor-registry serve [--port 8480] [--host 127.0.0.1] [--tls-cert <pem> --tls-key <pem>] [--insecure-http]   the HTTP(S) API
 *       (plain HTTP off loopback only with --insecure-http)
 *   corridor-registry authority keygen --out <key.json>      a new authority key (0600), prints its did
 *   corridor-registry template <kind>                        an example record of a kind (authority, partnership, qualification,
 *       accreditation, mapping, mapping-table), valid as printed, on stdout; what each field means on stderr
 *   corridor-registry propose <record.json> --key <key.json> [--registry <url>]   sign a record and submit it
 *   corridor-registry sign <record-id> --version <n> --key <key.json> [--registry <url>]   counter-sign a version
 *       with --registry, over HTTP as a signed request; without, straight into the local database (operator)
 *   corridor-registry list [--kind <kind>] [--state <state>]
 *   corridor-registry push-status-list <status-list.json>
 *   corridor-registry audit                                  re-check the log chain and every signature, replay the
 *       log and compare every table with the replay (exit 1 naming the first difference)
 *   corridor-registry export-pack --country <CC> --out <file>   refused (ERR_REGISTRY_INCONSISTENT) unless audit passes
 *
 * Options: --data <dir> (default $CORRIDOR_REGISTRY_DATA or ./.corridor/registry), --json, --help.
 * Exit codes: 0 ok, 1 refused or audit failed, 3 usage or input error.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addSignature, CorridorError, createPrinter, createRegistryClient, portOption, startServer, untilStopped, writeFileAtomically, EXIT, generateKeyPair, readJsonFile, readKeyFile, signRecord, UsageError, helpText, parseCommandLine, required, runCli, writeKeyFile,
  type RegistryRecord,
} from '@corridor/shared';
import { createRegistryApp } from './http.js';
import { Registry, type RecordState } from './registry.js';
import { RegistryStore, type LogKind } from './store.js';
import { fieldNotes, RECORD_KINDS, recordFromFile, recordTemplate, schemaUrl, type TemplateKind } from './templates.js';
import { exportTrustPack } from './trust-pack.js';

const HELP = helpText(readFileSync(new URL(import.meta.url), 'utf8'));

const spec = {
  allowPositionals: true,
  options: {
    data: { type: 'string' }, key: { type: 'string' }, out: { type: 'string' }, kind: { type: 'string' },
    state: { type: 'string' }, version: { type: 'string' }, country: { type: 'string' },
    registry: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' },
    'tls-cert': { type: 'string' }, 'insecure-http': { type: 'boolean' }, 'tls-key': { type: 'string' },
    json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' },
  },
} as const;

const { values: options, positionals } = parseCommandLine(spec);

const dataDir = resolve(options.data ?? process.env.CORRIDOR_REGISTRY_DATA ?? '.corridor/registry');
const dbPath = join(dataDir, 'registry.db');
const operatorKeyPath = join(dataDir, 'operator-key.json');

const print = createPrinter(options.json);


function openRegistry(): Registry {
  if (!existsSync(dbPath)) throw new CorridorError('ERR_NOT_FOUND', `no registry in ${dataDir}; run corridor-registry init`);
  return new Registry(new RegistryStore(dbPath));
}

async function serve(): Promise<number> {
  const registry = openRegistry();
  const port = portOption(options.port, 8480);
  const app = createRegistryApp({ registry, operatorKey: readKeyFile(operatorKeyPath), log: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`) });
  const { server, url } = await startServer(app, {
    port, host: options.host ?? '127.0.0.1', ...(options['tls-cert'] ? { tlsCert: options['tls-cert'] } : {}), ...(options['tls-key'] ? { tlsKey: options['tls-key'] } : {}),
    insecureHttp: options['insecure-http'] === true,
  });
  process.stdout.write(`registry listening on ${url} (head ${registry.store.head().seq})\n`);
  await untilStopped(server, () => registry.store.close());
  return EXIT.ok;
}

async function main(): Promise<number> {
  const [command, sub] = positionals;
  if (options.help || !command) {
    process.stdout.write(HELP + '\n');
    return command || options.help ? EXIT.ok : EXIT.usage;
  }
  switch (command) {
    case 'init': {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      new RegistryStore(dbPath).close();
      if (!existsSync(operatorKeyPath)) writeKeyFile(operatorKeyPath, generateKeyPair());
      const operator = readKeyFile(operatorKeyPath).description.controller;
      print(`registry ready in ${dataDir}\noperator ${operator}`, { dataDir, operator });
      return EXIT.ok;
    }
    case 'authority': {
      if (sub !== 'keygen') throw new UsageError('authority keygen --out <key.json>');
      const out = required(options.out, '--out');
      const key = generateKeyPair();
      writeKeyFile(out, key);
      print(key.controller, { did: key.controller, file: out });
      return EXIT.ok;
    }
    case 'serve':
      return serve();
    case 'template': {
      const kind = sub as TemplateKind;
      if (!(RECORD_KINDS as readonly string[]).includes(kind)) throw new UsageError(`template <kind>: one of ${RECORD_KINDS.join(', ')}`);
      process.stdout.write(`${JSON.stringify(recordTemplate(kind), null, 2)}\n`);
      // The notes go to stderr, so `template mapping > mapping.json` writes a file propose accepts as it is.
      if (!options.json) {
        process.stderr.write(`# ${kind}: fields (JSON Pointer) and what they mean; JSON Schema: ${fileURLToPath(schemaUrl(kind))}\n` +
          `# Replace the example did:keys with real ones (authority keygen, issuer init) and the ids with yours.\n` +
          fieldNotes(kind).map((line) => `#   ${line}`).join('\n') + '\n');
      }
      return EXIT.ok;
    }
    case 'propose': {
      const record = recordFromFile(readJsonFile(required(sub, 'a record file'), 'the record file')) as RegistryRecord;
      const key = readKeyFile(required(options.key, '--key'));
      const signed = await signRecord(record, key);
      const result = options.registry ? await createRegistryClient(options.registry).submitRecord(signed, key) : await openRegistry().submit(signed);
      print(`${result.kind} ${result.recordId} v${result.version}: ${result.state}`, result);
      return EXIT.ok;
    }
    case 'sign': {
      const recordId = required(sub, 'a record id');
      const version = Number(required(options.version, '--version'));
      const key = readKeyFile(required(options.key, '--key'));
      const client = options.registry ? createRegistryClient(options.registry) : undefined;
      const versions = client ? (await client.records({ id: recordId, limit: '500' })).items : openRegistry().list().filter((s) => s.recordId === recordId);
      const held = versions.find((s) => s.version === version);
      if (!held?.jws) throw new CorridorError('ERR_NOT_FOUND', 'no such record version');
      const cosigned = await addSignature(held.jws, key);
      const result = client ? await client.submitRecord(cosigned, key) : await openRegistry().submit(cosigned);
      print(`${result.kind} ${result.recordId} v${result.version}: ${result.state}`, result);
      return EXIT.ok;
    }
    case 'list': {
      const summaries = openRegistry().list({ kind: options.kind as LogKind | undefined, state: options.state as RecordState | undefined });
      print(
        summaries.map((s) => `${s.kind.padEnd(14)} ${s.state.padEnd(10)} v${s.version} ${s.recordId}`).join('\n') || '(no records)',
        summaries.map(({ jws: _jws, ...rest }) => rest),
      );
      return EXIT.ok;
    }
    case 'push-status-list': {
      const result = await openRegistry().pushStatusList(readJsonFile(required(sub, 'a status list file'), 'the status list file'));
      print(`status list ${result.recordId} v${result.version}: ${result.unchanged ? 'unchanged' : 'accepted'}`, result);
      return EXIT.ok;
    }
    case 'audit': {
      const report = await openRegistry().audit();
      const b = report.firstBreak;
      print(!b
        ? `log intact: ${report.entries} entries, ${report.records} record versions, head ${report.head.hash}`
        : `REGISTRY DOES NOT MATCH ITS LOG at entry ${b.seq}${b.recordId ? ` (${b.recordId} v${b.version})` : ''}: ${b.reason}`, report);
      return report.ok ? EXIT.ok : EXIT.invalid;
    }
    case 'export-pack': {
      const country = required(options.country, '--country');
      if (!/^[A-Z]{2}$/.test(country)) throw new UsageError('--country must be an ISO 3166-1 alpha-2 code, e.g. JP');
      const out = resolve(required(options.out, '--out'));
      const pack = await exportTrustPack(openRegistry(), { country, operatorKey: readKeyFile(operatorKeyPath) });
      // Never half a pack for a verifier to pick up.
      writeFileAtomically(out, JSON.stringify(pack));
      print(`trust pack for ${country} written to ${out}`, { country, file: out });
      return EXIT.ok;
    }
    default:
      throw new UsageError(`unknown command ${command} (see --help)`);
  }
}

runCli(main, options);
