/**
 * The main job: a whole Philippines → Japan corridor on embedded SQLite, from an empty folder to
 * an officer's offline verdict read from a QR code image, plus the cases that must be refused.
 * Run with `npm run demo` (or `pnpm demo`). Everything lands in .corridor/demo/ (or $CORRIDOR_DEMO_DIR),
 * and stays there as a corridor the command-line tools continue from: the data directories
 * registry/, issuer/ and verifier/ (each what `--data` takes), the authorities' and operator's keys
 * in keys/, and both countries' trust packs. The demo ends by printing the next command of each role.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changeSettings, Issuer, IssuerStore, renderCredentialFiles } from '@corridor/issuer';
import { generateKeyPair, importKeyPair, writeKeyFile, type SkillCredential } from '@corridor/shared';
import { CENTRE_NAME, createWorld, newKey } from './world.js';
import { runSync } from './run-sync.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dir = resolve(process.env.CORRIDOR_DEMO_DIR ?? join(root, '.corridor', 'demo'));
const registryDir = join(dir, 'registry');
const issuerDir = join(dir, 'issuer');
const verifierDir = join(dir, 'verifier');
const keysDir = join(dir, 'keys');
const verifierCli = join(root, 'packages', 'verifier', 'dist', 'cli.js');
const registryCli = join(root, 'packages', 'registry', 'dist', 'cli.js');
const show = (path: string) => relative(process.cwd(), path) || '.';

/** The registry's QR catalogue, as the centre gets it in its trust pack. */
let catalogue = () => ({ none: [] as string[], url: [] as string[] });

function step(title: string): void {
  process.stdout.write(`\n== ${title}\n`);
}

async function writeCredential(credential: SkillCredential, name: string) {
  const files = await renderCredentialFiles(credential, { catalogue: catalogue() });
  const base = join(dir, 'credentials', name);
  writeFileSync(`${base}.json`, files.json);
  writeFileSync(`${base}.png`, files.png);
  writeFileSync(`${base}.svg`, files.svg);
  return { png: `${base}.png`, json: `${base}.json`, qr: files.qr };
}

/** Runs the real verifier CLI, as an officer would, and shows what it prints. */
let operator = '';
function officerVerifies(file: string, root: string, pack: string): number {
  process.stdout.write(`$ corridor-verifier verify ${show(file)} --trust-pack ${show(pack)} --registry-key <registry operator> --country JP --root <JP authority>\n`);
  const run = runSync(process.execPath, [verifierCli, 'verify', file, '--trust-pack', pack, '--registry-key', operator, '--country', 'JP', '--root', root], { encoding: 'utf8' });
  process.stdout.write(run.stdout.replace(/^/gm, '  ') + run.stderr.replace(/^/gm, '  '));
  process.stdout.write(`  (exit code ${run.status})\n`);
  return run.status ?? -1;
}

async function main() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'credentials'), { recursive: true });
  for (const data of [registryDir, issuerDir, verifierDir, keysDir]) mkdirSync(data, { recursive: true, mode: 0o700 });
  // Every key is written where the command-line tools look for it (0600), so the corridor can be continued.
  const stored = { ph: generateKeyPair(), jp: generateKeyPair(), centre: generateKeyPair(), operator: generateKeyPair() };
  writeKeyFile(join(keysDir, 'ph-tesda.json'), stored.ph);
  writeKeyFile(join(keysDir, 'jp-mhlw.json'), stored.jp);
  writeKeyFile(join(keysDir, 'operator.json'), stored.operator);
  writeKeyFile(join(registryDir, 'operator-key.json'), stored.operator);
  writeKeyFile(join(issuerDir, 'issuer-key.json'), stored.centre);
  const keys = { ph: importKeyPair(stored.ph), jp: importKeyPair(stored.jp), centre: importKeyPair(stored.centre), operator: importKeyPair(stored.operator) };

  step('1. Registry: authorities of both countries, the partnership, qualifications, an accreditation, a mapping');
  const world = await createWorld({ dir, keys, files: { registry: join(registryDir, 'registry.db'), issuer: join(issuerDir, 'issuer.db') } });
  // The centre's settings as `corridor-issuer init` writes them: the accreditation's name and base URL, TESDA.
  changeSettings(world.issuerStore, { name: CENTRE_NAME, baseUrl: 'https://mctc.example.ph', authority: keys.ph.description.controller });
  const jpRoot = world.keys.jp.description.controller;
  // The officer trusts packs signed by this registry operator only (sync pins it; a pack file needs it given).
  operator = world.keys.operator.description.controller;
  catalogue = () => world.registry.qrCatalogue();
  for (const s of world.registry.list()) {
    process.stdout.write(`  ${s.kind.padEnd(14)} ${s.state.padEnd(10)} ${s.recordId}  (signed by ${s.signers.length})\n`);
  }
  process.stdout.write('  The PH→JP mapping was proposed by TESDA (PH) and is in force only since MHLW (JP) counter-signed it.\n');

  step('2. Manila Care Training Center issues a Caregiving NC II credential to a worker');
  const credential = await world.issue();
  const issued = await writeCredential(credential, 'maria-santos');
  process.stdout.write(`  ${credential.id}\n  QR: version ${issued.qr.version} (${issued.qr.modules}×${issued.qr.modules} modules, ECC M), ${issued.qr.characters} characters\n`);
  process.stdout.write(`  wrote ${show(issued.json)}, ${show(issued.png)} and .svg\n`);

  step('3. The centre publishes its status list; the registry exports the trust pack for Japan');
  await world.publishStatus();
  const packFile = join(dir, 'trust-pack-JP.json');
  writeFileSync(packFile, JSON.stringify(await world.pack('JP')));
  process.stdout.write(`  wrote ${show(packFile)}; the officer's laptop now goes offline\n`);

  step('4. A labour officer in Japan scans the QR image, offline');
  const validExit = officerVerifies(issued.png, jpRoot, packFile);

  step('5. A tampered credential: the birth date changed on the JSON');
  const tampered = { ...credential, credentialSubject: { ...credential.credentialSubject, identifier: [{ ...credential.credentialSubject.identifier[0], identityHash: '1990-04-12' }] } };
  const tamperedFile = join(dir, 'credentials', 'tampered.json');
  writeFileSync(tamperedFile, JSON.stringify(tampered, null, 2));
  const tamperedExit = officerVerifies(tamperedFile, jpRoot, packFile);

  step('6. A credential from a training centre nobody accredited');
  const rogue = new Issuer({ store: new IssuerStore(':memory:'), key: newKey(), name: 'Quick Certificates Inc.', baseUrl: 'https://quick.example', now: () => new Date() });
  const rogueCredential = await rogue.issue({ qualification: world.caregiving, subject: { name: 'Juan Cruz', birthDate: '1994-02-03' }, assessedAt: '2026-10-01T00:00:00Z', route: 'training' });
  const rogueExit = officerVerifies((await writeCredential(rogueCredential, 'unaccredited')).png, jpRoot, packFile);

  step('7. The centre revokes a credential; after the next sync the officer sees it');
  const revoked = await world.issue({ subject: { name: 'Ana Reyes', birthDate: '1998-07-21' } });
  world.issuer.revoke(revoked.id);
  await world.publishStatus();
  writeFileSync(packFile, JSON.stringify(await world.pack('JP')));
  const revokedExit = officerVerifies((await writeCredential(revoked, 'revoked')).png, jpRoot, packFile);

  step('8. Anyone can audit the registry: hash chain, every signature, every table replayed from the log, from the database file');
  // Both countries' packs as of now, and the officer's verifier data dir holding JP's, the operator pinned (as sync leaves it).
  const packs = { PH: await world.pack('PH'), JP: await world.pack('JP') };
  writeFileSync(join(dir, 'trust-pack-PH.json'), JSON.stringify(packs.PH));
  writeFileSync(packFile, JSON.stringify(packs.JP));
  writeFileSync(join(verifierDir, 'trust-pack.json'), JSON.stringify({
    format: 'corridor-held-pack/1', operator, pack: packs.JP, deltas: [], syncedAt: new Date().toISOString(),
  }));
  world.close();
  const audit = runSync(process.execPath, [registryCli, 'audit', '--data', registryDir], { encoding: 'utf8' });
  process.stdout.write(`$ corridor-registry audit --data ${show(registryDir)}\n  ${audit.stdout.trim()}${audit.stderr.trim()}\n`);

  const expected = validExit === 0 && tamperedExit === 1 && rogueExit === 1 && revokedExit === 1 && audit.status === 0;
  step(expected ? 'Demo complete: one valid verdict, three refusals with their codes, an intact log.' : 'Demo FAILED: a verdict was not what it should be.');
  if (expected) process.stdout.write(nextCommands(jpRoot));
  process.exitCode = expected ? 0 : 1;
}

/** What each role runs next, from this corridor; test/src/demo.e2e.test.ts runs every line that starts with `  $ `. */
function nextCommands(jpRoot: string): string {
  const bin = (name: string) => `node ${show(join(root, 'packages', name, 'bin', `corridor-${name}.js`))}`;
  const today = new Date().toISOString().slice(0, 10);
  return `
${show(dir)}/ is a working corridor: registry/, issuer/ and verifier/ are data directories (--data), the
authorities' and the operator's keys are in ${show(keysDir)}/ (0600), and ${show(join(dir, 'trust-pack-PH.json'))} and
trust-pack-JP.json are the signed packs. Next, each in its own terminal:

The registry operator serves the registry (authorities then write with --registry http://127.0.0.1:8480):
  $ ${bin('registry')} serve --data ${show(registryDir)} --port 8480

The training centre issues another credential (files in ${show(join(dir, 'credentials'))}/):
  $ ${bin('issuer')} issue --data ${show(issuerDir)} --pack ${show(join(dir, 'trust-pack-PH.json'))} --qualification urn:corridor:qualification:PH:caregiving-nc-ii --name "Jose Reyes" --birth-date 1993-05-14 --assessed ${today} --out ${show(join(dir, 'credentials'))}

The officer syncs from the registry (the operator's key is pinned already), then serves the officer's page
(open http://127.0.0.1:8490/, set up the device by comparing the fingerprints it prints, scan or choose a .png):
  $ ${bin('verifier')} sync --data ${show(verifierDir)} --registry http://127.0.0.1:8480 --country JP
  $ ${bin('verifier')} serve --data ${show(verifierDir)} --country JP --root ${jpRoot} --port 8490

Manuals: docs/ (training-centre.md, authority.md, officer.md, operations.md); a whole corridor by hand: docs/walkthrough-id-de.md
`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
