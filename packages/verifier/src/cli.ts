#!/usr/bin/env node
/**
 * corridor-verifier: an officer's offline verdict on a skill credential. `--help` prints its
 * usage: the command lines (cli-language.ts, typed as they are, never translated) inside the
 * officer's language's `cli.help` (src/languages/; en.ts is the source). Everything it says to the officer
 * is in the officer's language: --language, else the locale ($LC_ALL, $LC_MESSAGES, $LANG), else
 * English; the ERR_* codes, the exit codes and --json output are the same in every language.
 * Exit codes: 0 valid, 1 invalid, 2 indeterminate, 3 usage or input error.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import {
  CorridorError, createPrinter, createRegistryClient, EXIT, indexTrustPackContent, inert, jsonText, openTrustPack,
  parseCommandLine, portOption, RegistryUnavailable, runCli, startServer, terminalText, untilStopped, writeFileAtomically,
  type ErrorCode, type GeneralJws, type TrustIndex,
} from '@corridor/shared';
import { CLI_WORDS, cliFailures, COMMANDS, refusedCommandLine } from './cli-language.js';
import { formatSummary, formatVerdict } from './format.js';
import { inputProblem, readCredentialInputs, type InputProblem } from './input.js';
import { countryName, explain, isLanguage, LABELS, LANGUAGES, localeLanguage, type Language } from './messages.js';
import { anchorsDigest, fingerprint, OFFICER_TRUST_FORMAT, type OfficerTrustDocument, type SignedChain } from './officer.js';
import { loadHeldFile, syncHeld, type HeldFile, type HeldPack } from './sync.js';
import { outdatedTrustResult, verifySkillCredential, type VerificationResult } from './verify.js';

const spec = {
  allowPositionals: true,
  options: {
    language: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' },
    'tls-cert': { type: 'string' }, 'insecure-http': { type: 'boolean' }, 'tls-key': { type: 'string' }, 'public-url': { type: 'string' },
    'trust-pack': { type: 'string' }, data: { type: 'string' }, registry: { type: 'string' }, full: { type: 'boolean' }, country: { type: 'string' }, root: { type: 'string', multiple: true },
    purpose: { type: 'string' }, 'max-age-days': { type: 'string' }, 'registry-key': { type: 'string' },
    json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' },
  },
} as const;

/** The --language typed, read from argv itself: for a command line that parseArgs refuses. */
function typedLanguage(): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((arg) => arg === '--language' || arg.startsWith('--language='));
  return at < 0 ? undefined : args[at]!.startsWith('--language=') ? args[at]!.slice('--language='.length) : args[at + 1];
}

/** The officer's language: --language, else the locale's, else English. */
function languageOf(typed: string | undefined): Language {
  return isLanguage(typed) ? typed : localeLanguage(process.env) ?? 'en';
}

const { values: options, positionals } = parseCommandLine(spec, (error) => refusedCommandLine(error, CLI_WORDS[languageOf(typedLanguage())]));
const language = languageOf(options.language);
const { words, usage, coded, line: sayFailure } = cliFailures(language);

/** A file's bytes; the error names the file and why it cannot be read (never its content). */
function readBytes(path: string, what: 'credentialFile' | 'trustPackFile', code: ErrorCode = 'ERR_INPUT_INVALID'): Uint8Array {
  try {
    return path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (cause) {
    const errno = (cause as NodeJS.ErrnoException).code;
    const reason = errno === 'ENOENT' ? 'missing' : errno === 'EISDIR' ? 'directory' : errno === 'EACCES' ? 'denied' : 'unreadable';
    throw coded(code, (w) => w.cannotRead(w[what], inert(path), w.reasons[reason]), cause);
  }
}

/** The credential file read but no input at all: the sentence names the file and says why (never its content). */
function notCredential(problem: InputProblem, path: string, cause: CorridorError): CorridorError {
  const shown = inert(path);
  return coded(cause.code, (w) => problem.problem === 'damaged' ? w.notCredential.damaged(shown, problem.kind)
    : problem.problem === 'empty' ? w.notCredential.empty(shown) : problem.problem === 'not-json' ? w.notCredential.notJson(shown)
    : w.notCredential.unknownKind(shown), cause);
}

/**
 * The pack must be the officer's own country's: another corridor's pack would judge a genuine
 * credential against the wrong registry (and decode its QR code with the wrong catalogue).
 */
function assertPackCountry(trust: TrustIndex, country: string): void {
  if (trust.country !== country) {
    throw usage((w) => w.wrongCountry(inert(trust.country), country));
  }
}

const dataDir = resolve(options.data ?? process.env.CORRIDOR_VERIFIER_DATA ?? '.corridor/verifier');
const heldPath = join(dataDir, 'trust-pack.json');

const print = createPrinter(options.json);
const PACK_CHECK_INTERVAL_MS = Number(process.env.CORRIDOR_PACK_CHECK_MS ?? 30_000);

/** The held file as JSON, unchecked (loadHeldFile checks it); undefined if there is none. */
function readHeldFile(): unknown {
  if (!existsSync(heldPath)) return undefined;
  try {
    return JSON.parse(readFileSync(heldPath, 'utf8')) as unknown;
  } catch (cause) {
    throw coded('ERR_TRUST_PACK_INVALID', (w) => w.heldDamaged, cause);
  }
}

/** The held file, every signature checked again with the configured (or pinned) operator. */
async function readHeld(): Promise<{ file: HeldFile; held: HeldPack } | undefined> {
  const file = readHeldFile();
  if (file === undefined) return undefined;
  const operator = operatorOption();
  return { file: file as HeldFile, held: await loadHeldFile(file, operator ? { operator } : {}) };
}

/** The registry operator key given explicitly, if any. */
function operatorOption(): string | undefined {
  const key = options['registry-key'] ?? process.env.CORRIDOR_REGISTRY_KEY;
  if (key !== undefined && !/^did:key:z[1-9A-HJ-NP-Za-km-z]+$/.test(key)) throw usage((w) => w.registryKey);
  return key;
}

function countryOption(): string {
  const country = options.country ?? process.env.CORRIDOR_COUNTRY;
  if (!country || !/^[A-Z]{2}$/.test(country)) throw usage((w) => w.countryCode);
  return country;
}

async function sync(): Promise<number> {
  const registry = options.registry ?? process.env.CORRIDOR_REGISTRY_URL;
  if (!registry) throw usage((w) => w.required('--registry'));
  const client = createRegistryClient(registry);
  const country = countryOption();
  const explicit = operatorOption();
  let kept: Awaited<ReturnType<typeof readHeld>>;
  let pinned = explicit;
  try {
    kept = await readHeld();
  } catch (error) {
    // A held file that does not verify is started over only when asked (--full), keeping its pin.
    if (!options.full) throw error;
    const operator = (readHeldFileQuietly() as { operator?: unknown } | undefined)?.operator;
    pinned ??= typeof operator === 'string' ? operator : undefined;
  }
  let next: { file: HeldFile; held: HeldPack };
  try {
    next = await syncHeld(kept, client, { country, ...(pinned ? { operator: pinned } : {}), ...(options.full ? { full: true } : {}) });
  } catch (error) {
    // The held file is on disk, not signed by anyone this run checked: its fields are shown inert.
    const keptLine = kept ? words.keptPack(inert(String(kept.held.content.sequence)), inert(String(kept.held.content.issuedAt))) : words.noPackYet;
    if (error instanceof RegistryUnavailable) {
      process.stderr.write(`${words.registryUnavailable(keptLine)}\n`);
      return EXIT.indeterminate;
    }
    process.stderr.write(`${words.refusedAnswer(keptLine)}\n`);
    throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileAtomically(heldPath, JSON.stringify(next.file));
  const { content, operator } = next.held;
  print(words.synced(country, countryName(country, language), String(content.sequence), String(content.records.length), String(content.statusLists.length)),
    { country, sequence: content.sequence, issuedAt: content.issuedAt, operator, deltas: next.file.deltas.length });
  return EXIT.ok;
}

function readHeldFileQuietly(): unknown {
  try {
    return readHeldFile();
  } catch {
    return undefined;
  }
}

async function status(): Promise<number> {
  const held = (await readHeld())?.held;
  if (!held) throw coded('ERR_NOT_FOUND', (w) => w.noPackHeld);
  const ageDays = (Date.now() - Date.parse(held.content.issuedAt)) / 86_400_000;
  const { country, sequence, issuedAt, records, statusLists } = held.content;
  print(words.status(country, countryName(country, language), String(sequence), issuedAt, ageDays.toFixed(1), String(records.length), String(statusLists.length), held.operator),
  { country: held.content.country, sequence: held.content.sequence, issuedAt: held.content.issuedAt, ageDays, operator: held.operator,
    records: held.content.records.length, statusLists: held.content.statusLists.length });
  return EXIT.ok;
}

interface LoadedTrust {
  index: TrustIndex;
  operator: string;
  /** The pack and deltas as the operator signed them: the officer's page checks the signature itself. */
  chain: SignedChain;
}

/**
 * The pack to verify against: a pack file (signed by the operator configured: --registry-key, else
 * the one sync pinned) or the held file, re-checked. Nothing is used unless that operator signed it.
 */
async function loadTrust(roots: string[]): Promise<LoadedTrust> {
  const packFile = options['trust-pack'] ?? process.env.CORRIDOR_TRUST_PACK;
  if (packFile) {
    const pinned = (readHeldFileQuietly() as { operator?: unknown } | undefined)?.operator;
    const operator = operatorOption() ?? (typeof pinned === 'string' ? pinned : undefined);
    if (!operator) throw coded('ERR_TRUST_NOT_CONFIGURED', (w) => w.notConfigured);
    let pack: unknown;
    try {
      // Unreadable or not JSON, the pack is what is wrong (the code scripts know); the sentence says which.
      pack = JSON.parse(readBytes(packFile, 'trustPackFile', 'ERR_TRUST_PACK_INVALID').toString());
    } catch (cause) {
      throw cause instanceof CorridorError ? cause : coded('ERR_TRUST_PACK_INVALID', (w) => w.packNotJson(inert(packFile)), cause);
    }
    const { content } = await openTrustPack(pack, operator);
    return { index: await indexTrustPackContent(content, { roots, operator }), operator, chain: { pack: pack as GeneralJws, deltas: [] } };
  }
  const kept = await readHeld();
  if (!kept) throw coded('ERR_TRUST_NOT_CONFIGURED', (w) => w.nothingHeld);
  const { held, file } = kept;
  return { index: await indexTrustPackContent(held.content, { roots, operator: held.operator }), operator: held.operator, chain: { pack: file.pack, deltas: file.deltas } };
}

// One picture read once, then the process ends. V8 starts wasm on its baseline compiler (Liftoff)
// and recompiles hot functions with TurboFan in the background; for one certificate that
// recompilation costs more than it saves, and on two busy cores it takes the CPU from the read and
// the verification (a cold `verify cert.png` spent ~100 ms more for it). A higher tiering budget
// leaves one picture on Liftoff, while a big photo or a PDF's pages still run long enough to tier
// up (the same speed on a 23-megapixel picture of look-alikes). Only the speed differs.
// Set late, once every module is loaded: a flag changed at run time makes V8 refuse Node's cached
// code for the built-in modules loaded after it (~10 ms when set first).
function tuneWasmForOneShot(): void {
  setFlagsFromString('--wasm-tiering-budget=100000000');
}

/** The freshness policy: --max-age-days (default 7), in seconds. */
function maxStatusAgeOption(): number {
  const days = Number(options['max-age-days'] ?? 7);
  if (!(days > 0)) throw usage((w) => w.maxAgeDays);
  return days * 86400;
}

function rootsOption(): string[] {
  const roots = options.root ?? (process.env.CORRIDOR_VERIFIER_ROOTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (roots.length === 0) throw usage((w) => w.rootRequired);
  return roots;
}

async function serve(): Promise<number> {
  const country = countryOption();
  const roots = rootsOption();
  const maxStatusAgeSeconds = maxStatusAgeOption();
  let loaded = await loadTrust(roots);
  assertPackCountry(loaded.index, country);
  const port = portOption(options.port, 8490);
  const host = options.host ?? '127.0.0.1';
  const officer = (): OfficerTrustDocument => ({ format: OFFICER_TRUST_FORMAT, ...loaded.chain, country, roots, operator: loaded.operator, maxStatusAgeSeconds });
  // express only for serve: a verify run never loads it.
  const { createVerifierApp } = await import('./http.js');
  const publicUrl = options['public-url'];
  if (publicUrl !== undefined && !/^https:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(publicUrl)) throw usage((w) => w.publicUrl);
  const app = createVerifierApp({ trust: () => loaded.index, country, maxStatusAgeSeconds, officer, ...(publicUrl ? { publicUrl } : {}) });
  const { server, url } = await startServer(app, {
    port, host, ...(options['tls-cert'] ? { tlsCert: options['tls-cert'] } : {}), ...(options['tls-key'] ? { tlsKey: options['tls-key'] } : {}),
    insecureHttp: options['insecure-http'] === true,
  });
  process.stdout.write(`verifier listening on ${url} (${country}, pack #${loaded.index.sequence}); officer's page: ${url}/officer/\n`);
  // What an administrator compares with the officer's page when installing it on a device.
  process.stdout.write(`officer's page fingerprints: country ${country}, roots ${roots.map(fingerprint).join(', ')}, operator ${fingerprint(loaded.operator)}; ` +
    `setup link: ${url}/officer/#pin=${anchorsDigest({ country, roots, operator: loaded.operator, maxStatusAgeSeconds })}\n`);
  // A `sync` (by hand or from cron) is picked up without a restart; a pack that does not load is not.
  const packFile = options['trust-pack'] ?? process.env.CORRIDOR_TRUST_PACK ?? heldPath;
  let seen = existsSync(packFile) ? statSync(packFile).mtimeMs : 0;
  const watcher = setInterval(() => {
    const changed = existsSync(packFile) ? statSync(packFile).mtimeMs : 0;
    if (changed === seen) return;
    seen = changed;
    loadTrust(roots).then((next) => {
      loaded = next;
      process.stdout.write(`now serving pack #${next.index.sequence}\n`);
    }, (error: unknown) => process.stderr.write(`kept pack #${loaded.index.sequence}: the new one did not load (${inert(String((error as { code?: string }).code ?? 'error'))})\n`));
  }, PACK_CHECK_INTERVAL_MS);
  watcher.unref();
  await untilStopped(server);
  return EXIT.ok;
}

async function main(): Promise<number> {
  const [command, file] = positionals;
  if (options.help || !command) {
    process.stdout.write(words.help(...COMMANDS) + '\n');
    return command || options.help ? EXIT.ok : EXIT.usage;
  }
  if (options.language !== undefined && !isLanguage(options.language)) throw usage((w) => w.languageOneOf(LANGUAGES.join(', ')));
  if (command === 'sync') return sync();
  if (command === 'status') return status();
  if (command === 'serve') return serve();
  if (command !== 'verify') throw usage((w) => w.unknownCommand(inert(command)));
  if (!file) throw usage((w) => w.needsFile);
  const country = countryOption();
  const roots = rootsOption();
  const purpose = (options.purpose ?? 'employment') as 'employment' | 'further-study';
  if (purpose !== 'employment' && purpose !== 'further-study') throw usage((w) => w.purposeOneOf);
  const maxStatusAgeSeconds = maxStatusAgeOption();

  const { index: trust } = await loadTrust(roots);
  assertPackCountry(trust, country);
  let input: Awaited<ReturnType<typeof readCredentialInputs>>;
  tuneWasmForOneShot();
  try {
    input = await readCredentialInputs(readBytes(file, 'credentialFile'), trust.qrCatalogue ? { catalogue: trust.qrCatalogue } : {});
  } catch (error) {
    const problem = inputProblem(error);
    if (problem) throw notCredential(problem, file, error as CorridorError);
    if (!(error instanceof CorridorError && error.code === 'ERR_TRUST_PACK_OUTDATED')) throw error;
    input = { kind: 'qr-text', items: [{ error }] };
  }
  const { kind, items } = input;
  const verdicts: { page?: number; result?: VerificationResult; error?: CorridorError }[] = [];
  for (const { page, credential, error } of items) {
    // A QR code printed after the last sync is not damaged: it is amber, "sync", like any other doubt.
    const result = error?.code === 'ERR_TRUST_PACK_OUTDATED' ? outdatedTrustResult(trust)
      : error ? undefined : await verifySkillCredential(credential, { trust, country, purpose, maxStatusAgeSeconds });
    verdicts.push({ ...(page ? { page } : {}), ...(result ? { result } : { error: error! }) });
  }
  // Human output goes through terminalText as it is written: nothing from the input acts on the terminal.
  if (kind !== 'pdf') {
    const result = verdicts[0]!.result!;
    process.stdout.write((options.json ? jsonText(result) : terminalText(formatVerdict(result, language))) + '\n');
  } else if (options.json) {
    process.stdout.write(jsonText(verdicts.map(({ page, result, error }) => ({ page, ...(result ?? { error: { code: error!.code, message: explain(error!.code, language) } }) }))) + '\n');
  } else {
    const words = LABELS[language];
    if (verdicts.length > 1) {
      process.stdout.write(terminalText(formatSummary(verdicts.map(({ page, result }) => ({ ...(page ? { page } : {}), verdict: result?.verdict ?? 'unreadable' })), language)) + '\n\n');
    }
    for (const { page, result, error } of verdicts) {
      process.stdout.write(terminalText(`── ${words.page(page ?? 0)} ──\n${result ? formatVerdict(result, language) : `${error!.code}: ${explain(error!.code, language)}`}`) + '\n\n');
    }
  }
  // The worst outcome decides: any invalid credential, then any unreadable page, then any doubt.
  if (verdicts.some((v) => v.result?.verdict === 'invalid')) return EXIT.invalid;
  if (verdicts.some((v) => v.error)) return EXIT.usage;
  return verdicts.some((v) => v.result?.verdict === 'indeterminate') ? EXIT.indeterminate : EXIT.ok;
}

// Input problems are not verdicts: exit 3 so scripts never mistake them for "invalid".
runCli(main, {
  ...options, mapExitCode: (code) => (code === EXIT.invalid ? EXIT.usage : code),
  // The officer reads why in their language; scripts keep the code, the exit code and the JSON.
  say: sayFailure,
});
