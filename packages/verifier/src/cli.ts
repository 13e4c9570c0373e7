#!/usr/bin/env node
/**
 * corridor-verifier: an officer's offline verdict on a skill credential.
 *
 *   corridor-verifier verify <file.png | file.json | -> --trust-pack <file> --country <CC> --root <did:key>
 *       [--purpose employment|further-study] [--max-age-days 7] [--registry-key <did:key>] [--json]
 *
 * <file> is a photo/scan of the QR as PNG, the credential JSON, or - to read JSON or QR text from stdin.
 * --root is your own country's authority key (repeatable; or $CORRIDOR_VERIFIER_ROOTS, comma-separated).
 * Nothing is fetched from the network.
 * Exit codes: 0 valid, 1 invalid, 2 indeterminate, 3 usage or input error.
 */
import { readFileSync } from 'node:fs';
import { CorridorError, EXIT, loadTrustPack, UsageError, helpText, parseCommandLine, required, runCli } from '@corridor/shared';
import { formatVerdict } from './format.js';
import { readCredentialInput } from './input.js';
import { verifySkillCredential } from './verify.js';

const HELP = helpText(readFileSync(new URL(import.meta.url), 'utf8'));

const spec = {
  allowPositionals: true,
  options: {
    'trust-pack': { type: 'string' }, country: { type: 'string' }, root: { type: 'string', multiple: true },
    purpose: { type: 'string' }, 'max-age-days': { type: 'string' }, 'registry-key': { type: 'string' },
    json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' },
  },
} as const;

const { values: options, positionals } = parseCommandLine(spec);

function readBytes(path: string): Uint8Array {
  try {
    return path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (cause) {
    throw new CorridorError('ERR_INPUT_INVALID', 'cannot read the input file', { cause });
  }
}

async function main(): Promise<number> {
  const [command, file] = positionals;
  if (options.help || !command) {
    process.stdout.write(HELP + '\n');
    return command || options.help ? EXIT.ok : EXIT.usage;
  }
  if (command !== 'verify') throw new UsageError(`unknown command ${command} (see --help)`);
  if (!file) throw new UsageError('verify needs a file (PNG, JSON) or - for stdin');
  const packFile = options['trust-pack'] ?? process.env.CORRIDOR_TRUST_PACK;
  if (!packFile) throw new UsageError('--trust-pack is required');
  const country = options.country ?? process.env.CORRIDOR_COUNTRY;
  if (!country || !/^[A-Z]{2}$/.test(country)) throw new UsageError('--country must be an ISO 3166-1 alpha-2 code, e.g. JP');
  const roots = options.root ?? (process.env.CORRIDOR_VERIFIER_ROOTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (roots.length === 0) throw new UsageError('--root (your authority\'s did:key) is required: trust starts from it');
  const purpose = (options.purpose ?? 'employment') as 'employment' | 'further-study';
  if (purpose !== 'employment' && purpose !== 'further-study') throw new UsageError('--purpose must be employment or further-study');
  const maxAgeDays = Number(options['max-age-days'] ?? 7);
  if (!(maxAgeDays > 0)) throw new UsageError('--max-age-days must be a positive number');

  let pack: unknown;
  try {
    pack = JSON.parse(readBytes(packFile).toString());
  } catch (cause) {
    throw new CorridorError('ERR_TRUST_PACK_INVALID', 'the trust pack file is not JSON', { cause });
  }
  const trust = await loadTrustPack(pack, { roots, ...(options['registry-key'] ? { operator: options['registry-key'] } : {}) });
  const { credential } = await readCredentialInput(readBytes(file));
  const result = await verifySkillCredential(credential, { trust, country, purpose, maxStatusAgeSeconds: maxAgeDays * 86400 });
  process.stdout.write((options.json ? JSON.stringify(result, null, 2) : formatVerdict(result)) + '\n');
  return result.verdict === 'valid' ? EXIT.ok : result.verdict === 'invalid' ? EXIT.invalid : EXIT.indeterminate;
}

// Input problems are not verdicts: exit 3 so scripts never mistake them for "invalid".
runCli(main, { ...options, mapExitCode: (code) => (code === EXIT.invalid ? EXIT.usage : code) });
