// Verdicts that must not mislead the officer, through the real CLI: a credential for a
// qualification added after the officer's last sync is amber "sync" (exit 2), not a fake-looking
// QR error (it was ERR_QR_INVALID, exit 3) or a red INVALID; another country's pack is a usage
// error; a cohort PDF starts with its summary; German output is German throughout, and so are the
// CLI's usage and input errors in German, Indonesian and Japanese (the ERR_* code and exit status kept).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accreditationRecord, REFERENCE_CENTRE_ACCREDITATION, REFERENCE_CENTRE_BASE_URL, REFERENCE_CENTRE_NAME } from '@corridor/registry';
import { encodeQrText, PH_CAREGIVING_NC_II, renderQrPng, renderQrSvg, signRecord, type QualificationRecord, type SkillCredential } from '@corridor/shared';
import { explain } from '@corridor/verifier';
import { qrPagesPdf } from './hostile.js';
import { createWorld, type World } from './world.js';
import { runSync } from './run-sync.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'packages', 'verifier', 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'corridor-verdicts-'));
const NEW_QUALIFICATION = 'urn:corridor:qualification:PH:housekeeping-nc-ii';

let world: World;
let newer: SkillCredential;
let current: SkillCredential;

function verify(name: string, content: string | Uint8Array, pack: string, ...flags: string[]) {
  writeFileSync(join(dir, name), content);
  const result = runSync(process.execPath, [cli, 'verify', join(dir, name), '--root', world.keys.jp.description.controller,
    '--registry-key', world.keys.operator.description.controller, '--trust-pack', join(dir, pack), '--data', join(dir, 'data'), ...flags], { encoding: 'utf8', cwd: dir });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error('the CLIs are not built: run `pnpm run build` first');
  world = await createWorld();
  current = await world.issue();
  await world.publishStatus();
  // The officer syncs here.
  writeFileSync(join(dir, 'old-pack.json'), JSON.stringify(await world.pack('JP')));
  writeFileSync(join(dir, 'ph-pack.json'), JSON.stringify(await world.pack('PH')));
  // Then the PH authority adds a qualification and accredits the centre for it.
  const ph = world.keys.ph;
  const housekeeping: QualificationRecord = {
    ...world.caregiving, id: NEW_QUALIFICATION, issuedAt: new Date().toISOString(), title: { en: 'Housekeeping NC II', fil: 'Pangangalaga ng Bahay NC II' }, isco08: '5152',
  };
  expect((await world.registry.submit(await signRecord(housekeeping, ph))).state).toBe('in-force');
  const accreditation = {
    ...accreditationRecord({
      id: REFERENCE_CENTRE_ACCREDITATION, authority: ph, trainingBody: world.keys.centre, name: REFERENCE_CENTRE_NAME, country: 'PH',
      baseUrl: REFERENCE_CENTRE_BASE_URL, qualifications: [PH_CAREGIVING_NC_II, NEW_QUALIFICATION], validFrom: '2026-01-01T00:00:00Z',
    }), version: 2, issuedAt: new Date().toISOString(),
  };
  expect((await world.registry.submit(await signRecord(accreditation, ph))).state).toBe('in-force');
  newer = await world.issue({ qualification: housekeeping });
  await world.publishStatus();
  writeFileSync(join(dir, 'new-pack.json'), JSON.stringify(await world.pack('JP')));
}, 60_000);

afterAll(() => {
  world?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a credential newer than the officer\'s trust list', () => {
  it('its QR code (catalogue codes the held pack lacks): CANNOT CONFIRM, sync, exit 2 — not a damaged QR code', async () => {
    const catalogue = (await world.trust('JP')).qrCatalogue!;
    const qr = await encodeQrText(newer, { catalogue });
    const { code, out } = verify('newer.txt', qr, 'old-pack.json', '--country', 'JP');
    expect(code).toBe(2);
    expect(out.split('\n')[0]).toBe('CANNOT CONFIRM: something could not be checked (see below)');
    expect(out).toContain('This credential is newer than the trust list on this device. Sync, then check again.');
    expect(out).toContain('ERR_TRUST_PACK_OUTDATED');
    expect(out).not.toContain('ERR_QR_INVALID');
    // After the sync: the same QR code is judged on its merits.
    expect(verify('newer.txt', qr, 'new-pack.json', '--country', 'JP').out).not.toContain('ERR_TRUST_PACK_OUTDATED');
  });

  it('in a PDF among others: that page is amber, the others are judged, the summary comes first', async () => {
    const catalogue = (await world.trust('JP')).qrCatalogue!;
    const pdf = qrPagesPdf([await encodeQrText(current, { catalogue }), await encodeQrText(newer, { catalogue }), 'CC1:NOT-A-CREDENTIAL']);
    const { code, out } = verify('cohort.pdf', pdf, 'old-pack.json', '--country', 'JP');
    expect(code).toBe(3);
    const lines = out.split('\n');
    expect(lines[0]).toBe('3 pages:');
    expect(lines.slice(1, 4).map((l) => l.trim())).toEqual(['1  unreadable  (Page 3)', expect.stringMatching(/^1 {2}cannot confirm {2}\(Page 2\)$/), '1  valid']);
  });

  it('its JSON: the qualification is unknown to the held pack but the centre is known → CANNOT CONFIRM (sync), exit 2, not INVALID', () => {
    const { code, out } = verify('newer.json', JSON.stringify(newer), 'old-pack.json', '--country', 'JP');
    expect(code).toBe(2);
    expect(out).toContain('ERR_QUALIFICATION_UNKNOWN');
    expect(out.split('\n')[0]).not.toMatch(/^INVALID/);
  });
});

describe('the pack must be the officer\'s own country\'s', () => {
  it('a PH pack with --country JP is a usage error naming both, not a verdict on a genuine credential', async () => {
    const { code, err, out } = verify('current.json', JSON.stringify(current), 'ph-pack.json', '--country', 'JP', '--root', world.keys.ph.description.controller);
    expect(code).toBe(3);
    expect(out).toBe('');
    expect(err).toMatch(/^usage: the trust pack is PH's, not JP's/);
  });

  it('errors name the file and the reason', () => {
    const result = runSync(process.execPath, [cli, 'verify', join(dir, 'missing.png'), '--country', 'JP', '--root', world.keys.jp.description.controller,
      '--registry-key', world.keys.operator.description.controller, '--trust-pack', join(dir, 'old-pack.json')], { encoding: 'utf8', cwd: dir });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(`cannot read the credential file ${join(dir, 'missing.png')}: no such file`);
    // In the officer's language too, under the coded line.
    const german = runSync(process.execPath, [cli, 'verify', join(dir, 'missing.png'), '--country', 'JP', '--root', world.keys.jp.description.controller,
      '--registry-key', world.keys.operator.description.controller, '--trust-pack', join(dir, 'old-pack.json'), '--language', 'de'], { encoding: 'utf8', cwd: dir });
    expect(german.stderr).toBe(`ERR_INPUT_INVALID: Die Nachweisdatei ${join(dir, 'missing.png')} kann nicht gelesen werden: Datei nicht vorhanden\n`);
  });
});

describe('our own SVG files', () => {
  it('verify reads the QR code of a <uuid>.svg (a few modules off are corrected); a ruined one or another SVG is refused, coded', async () => {
    const catalogue = (await world.trust('JP')).qrCatalogue!;
    const svg = await renderQrSvg(await encodeQrText(current, { catalogue }));
    expect(verify('current.svg', svg, 'new-pack.json', '--country', 'JP')).toMatchObject({ code: 0, out: expect.stringMatching(/^VALID: /) });
    // A few modules off is what the QR code's error correction is for (as on a smudged paper):
    // it reads, and the signature still decides. Half the dark runs gone is no QR code at all.
    let shortened = 0;
    const nicked = svg.replace(/M(\d+) (\d+)h(\d+)v1h-\3z/g, (all, x: string, y: string, run: string) =>
      (Number(run) > 1 && shortened++ < 3 ? `M${x} ${y}h${Number(run) - 1}v1h-${Number(run) - 1}z` : all));
    expect(nicked).not.toBe(svg);
    expect(verify('nicked.svg', nicked, 'new-pack.json', '--country', 'JP')).toMatchObject({ code: 0, out: expect.stringMatching(/^VALID: /) });
    let run = 0;
    const ruined = svg.replace(/M\d+ \d+h\d+v1h-\d+z/g, (all) => (run++ % 2 === 0 ? '' : all));
    const refused = verify('ruined.svg', ruined, 'new-pack.json', '--country', 'JP');
    expect([refused.code, refused.err.split(':')[0]]).toEqual([3, 'ERR_QR_INVALID']);
    const other = verify('other.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'new-pack.json', '--country', 'JP');
    expect([other.code, other.err.split(':')[0]]).toEqual([3, 'ERR_QR_INVALID']);
  });
});

describe('serve', () => {
  it('on a busy port says so (exit 3), not "internal error"', async () => {
    const busy = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => busy.once('listening', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const result = runSync(process.execPath, [cli, 'serve', '--port', String(port), '--country', 'JP', '--root', world.keys.jp.description.controller,
        '--registry-key', world.keys.operator.description.controller, '--trust-pack', join(dir, 'new-pack.json'), '--data', join(dir, 'data')], { encoding: 'utf8', cwd: dir, timeout: 20_000 });
      expect(result.status).toBe(3);
      expect(result.stderr).toContain(`usage: port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).not.toContain('internal error');
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});

describe('in the officer\'s language', () => {
  it('German: the verdict, the labels, the country names and the checks', async () => {
    const { code, out } = verify('current.json', JSON.stringify(current), 'new-pack.json', '--country', 'JP', '--language', 'de');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('GÜLTIG: echt, von einer akkreditierten Bildungseinrichtung ausgestellt, nicht widerrufen');
    expect(out).toContain('Inhaber/in');
    expect(out).toContain('In Japan: Unter Auflagen anerkannt');
    expect(out).toContain('Philippinen');
    for (const english of ['Holder', 'Qualification', 'Issued by', 'purpose', 'to do', 'Checks', 'signature valid']) expect(out).not.toContain(english);
  });

  it('Indonesian is accepted; an unknown language is a usage error listing the six', () => {
    expect(verify('current.json', JSON.stringify(current), 'new-pack.json', '--country', 'JP', '--language', 'id').out.split('\n')[0]).toMatch(/^SAH: asli/);
    const refused = verify('current.json', JSON.stringify(current), 'new-pack.json', '--country', 'JP', '--language', 'xx');
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('--language must be one of en, ja, fil, ar, de, id');
  });
});

describe('the CLI\'s usage and input errors in the officer\'s language (issue 20)', () => {
  const officer = (args: string[], env: Record<string, string> = {}) => {
    const result = runSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env } });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };
  const verifyArgs = (file: string, ...flags: string[]) => ['verify', file, '--country', 'JP', '--root', world.keys.jp.description.controller,
    '--registry-key', world.keys.operator.description.controller, '--trust-pack', join(dir, 'new-pack.json'), '--data', join(dir, 'data'), ...flags];

  it('a missing file: the code and exit 3 unchanged, the sentence in German, Indonesian, Japanese; --json stays English', () => {
    const missing = join(dir, 'nowhere.png');
    expect(officer(verifyArgs(missing, '--language', 'de'))).toEqual({ code: 3, out: '', err: `ERR_INPUT_INVALID: Die Nachweisdatei ${missing} kann nicht gelesen werden: Datei nicht vorhanden\n` });
    expect(officer(verifyArgs(missing, '--language', 'id'))).toEqual({ code: 3, out: '', err: `ERR_INPUT_INVALID: tidak dapat membaca berkas kredensial ${missing}: berkas tidak ada\n` });
    expect(officer(verifyArgs(missing, '--language', 'ja'))).toEqual({ code: 3, out: '', err: `ERR_INPUT_INVALID: 証明書ファイル ${missing} を読み込めません: ファイルがありません\n` });
    expect(officer(verifyArgs(missing))).toEqual({ code: 3, out: '', err: `ERR_INPUT_INVALID: cannot read the credential file ${missing}: no such file\n` });
    const json = officer(verifyArgs(missing, '--language', 'de', '--json'));
    expect([json.code, JSON.parse(json.err)]).toEqual([3, { code: 'ERR_INPUT_INVALID', message: `cannot read the credential file ${missing}: no such file` }]);
    expect(officer(verifyArgs(dir, '--language', 'id')).err).toBe(`ERR_INPUT_INVALID: tidak dapat membaca berkas kredensial ${dir}: ini adalah direktori\n`);
  });

  it('a file that is no credential: the file named and why, in the language (not the reader\'s English detail); the code and exit 3 kept; never its content', async () => {
    const at = (name: string, content: string | Uint8Array) => { writeFileSync(join(dir, name), content); return join(dir, name); };
    const notes = at('notes.txt', 'see you at 9');
    const broken = at('broken.json', '{"name": "Maria Santos", "pin": 123456,');
    const empty = at('empty.png', '');
    const png = await renderQrPng(await encodeQrText(current));
    const cut = at('cut.png', png.subarray(0, png.length >> 1));
    const pdf = at('cut.pdf', '%PDF-1.4\n1 0 obj\n<<');
    const line = (message: string) => ({ code: 3, out: '', err: `ERR_INPUT_INVALID: ${message}\n` });
    expect(officer(verifyArgs(notes))).toEqual(line(`the credential file ${notes} is not a PNG or JPEG photo, a PDF, our SVG, credential JSON or QR text`));
    expect(officer(verifyArgs(broken))).toEqual(line(`the credential file ${broken} starts like JSON but is not valid JSON`));
    expect(officer(verifyArgs(empty))).toEqual(line(`the credential file ${empty} is empty`));
    expect(officer(verifyArgs(cut))).toEqual(line(`the credential file ${cut} is a PNG file that cannot be read (damaged or cut short)`));
    expect(officer(verifyArgs(pdf))).toEqual(line(`the credential file ${pdf} is a PDF file that cannot be read (damaged or cut short)`));
    expect(officer(verifyArgs(notes, '--language', 'de'))).toEqual(line(`Die Nachweisdatei ${notes} ist weder ein PNG- oder JPEG-Foto noch ein PDF, unser SVG, Nachweis-JSON oder QR-Text`));
    expect(officer(verifyArgs(broken, '--language', 'de'))).toEqual(line(`Die Nachweisdatei ${broken} beginnt wie JSON, ist aber kein gültiges JSON`));
    expect(officer(verifyArgs(cut, '--language', 'de'))).toEqual(line(`Die Nachweisdatei ${cut} ist eine PNG-Datei, die nicht gelesen werden kann (beschädigt oder unvollständig)`));
    expect(officer(verifyArgs(broken, '--language', 'id'))).toEqual(line(`berkas kredensial ${broken} tampak seperti JSON tetapi bukan JSON yang sah`));
    expect(officer(verifyArgs(empty, '--language', 'ja'))).toEqual(line(`証明書ファイル ${empty} は空です`));
    expect(officer(verifyArgs(notes, '--language', 'ar'))).toEqual(line(`ملف الوثيقة ${notes} ليس صورة PNG أو JPEG ولا PDF ولا ملف SVG الخاص بنا ولا JSON وثيقة ولا نص QR`));
    expect(officer(verifyArgs(pdf, '--language', 'fil'))).toEqual(line(`ang file ng kredensyal na ${pdf} ay PDF file na hindi mabasa (sira o putol)`));
    // Scripts: --json keeps the code and the English sentence, which names the file too; nothing of the content anywhere.
    const json = officer(verifyArgs(broken, '--language', 'de', '--json'));
    expect([json.code, JSON.parse(json.err)]).toEqual([3, { code: 'ERR_INPUT_INVALID', message: `the credential file ${broken} starts like JSON but is not valid JSON` }]);
    for (const language of ['en', 'de', 'id', 'ja', 'ar', 'fil']) expect(officer(verifyArgs(broken, '--language', language)).err).not.toMatch(/Maria|123456/);
    // Read from stdin, it is named as typed.
    const piped = runSync(process.execPath, [cli, ...verifyArgs('-')], { encoding: 'utf8', cwd: dir, input: 'see you at 9', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect([piped.status, piped.stderr]).toEqual([3, 'ERR_INPUT_INVALID: the credential file - is not a PNG or JPEG photo, a PDF, our SVG, credential JSON or QR text\n']);
    // A QR code that does not decode is not the file's fault: its code's plain words, as before.
    const garbled = at('garbled.txt', 'VC1-R::::');
    const english = officer(verifyArgs(garbled));
    expect([english.code, english.err.split(':')[0]]).toEqual([3, 'ERR_QR_INVALID']);
    expect(officer(verifyArgs(garbled, '--language', 'de')).err).toBe(`ERR_QR_INVALID: ${explain('ERR_QR_INVALID', 'de')}\n`);
  });

  it('a bad option, a missing value, a missing --country: the usage line in the language, exit 3, nothing on stdout', () => {
    expect(officer([...verifyArgs('x.png'), '--frob', '--language', 'de'])).toEqual({ code: 3, out: '', err: 'Falscher Aufruf: unbekannte Option --frob (siehe --help)\n' });
    expect(officer(['verify', 'x.png', '--language=id', '--frob'])).toEqual({ code: 3, out: '', err: 'Kesalahan penggunaan: opsi tidak dikenal --frob (lihat --help)\n' });
    expect(officer(['verify', 'x.png', '--language', 'ja', '--json=yes'])).toEqual({ code: 3, out: '', err: '使い方の誤り: --json には値を指定できません（--help を参照）\n' });
    expect(officer(['verify', 'x.png', '--frob'])).toEqual({ code: 3, out: '', err: 'usage: unknown option --frob (see --help)\n' });
    expect(officer(['verify', 'x.png', '--language', 'de', '--root', 'did:key:z6Mk'])).toEqual({ code: 3, out: '',
      err: 'Falscher Aufruf: --country muss ein Ländercode nach ISO 3166-1 Alpha-2 sein, z. B. JP\n' });
    // --json keeps the stable code for scripts, in English.
    const json = officer(['verify', 'x.png', '--language', 'de', '--json']);
    expect([json.code, JSON.parse(json.err)]).toEqual([3, { code: 'ERR_INPUT_INVALID', message: '--country must be an ISO 3166-1 alpha-2 code, e.g. JP' }]);
  });

  it('--help in German, Indonesian and Japanese: the command lines as typed, what they do in the language, exit 0', () => {
    const english = officer(['--help']).out;
    const commandLines = english.split('\n').filter((line) => line.startsWith('  corridor-verifier '));
    expect(commandLines.map((line) => line.split(' ')[3])).toEqual(['sync', 'status', 'serve', 'verify']);
    for (const [language, first] of [['de', 'corridor-verifier: prüft einen Kompetenznachweis offline'], ['id', 'corridor-verifier: pemeriksaan kredensial keterampilan secara luring'],
      ['ja', 'corridor-verifier: 技能証明書をオフラインで検証し']] as const) {
      const help = officer(['--help', '--language', language]);
      expect([language, help.code, help.err]).toEqual([language, 0, '']);
      expect(help.out.startsWith(first)).toBe(true);
      for (const line of commandLines) expect(help.out).toContain(line);
      expect(help.out).not.toContain('Exit codes');
    }
  });

  it('status and sync: what the officer reads is in the language too (codes and exit status unchanged)', async () => {
    const empty = join(dir, 'empty-data');
    expect(officer(['status', '--data', empty, '--language', 'de'])).toEqual({ code: 3, out: '', err: 'ERR_NOT_FOUND: Kein Vertrauenspaket gespeichert; führen Sie zuerst sync aus\n' });
    expect(officer(['status', '--data', empty, '--language', 'id'])).toEqual({ code: 3, out: '', err: 'ERR_NOT_FOUND: belum ada paket kepercayaan yang tersimpan; jalankan sync terlebih dahulu\n' });
    // A registry that does not answer (a loopback port nobody listens on): amber, exit 2, nothing written.
    const closed = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => closed.once('listening', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const sync = (language: string) => officer(['sync', '--data', empty, '--registry', `http://127.0.0.1:${port}`, '--country', 'JP',
      '--registry-key', world.keys.operator.description.controller, '--language', language]);
    expect(sync('de')).toMatchObject({ code: 2, out: '', err: 'Register nicht erreichbar: noch kein Paket gespeichert\n' });
    expect(sync('ja')).toMatchObject({ code: 2, out: '', err: '登録簿に接続できません: まだパックを保持していません\n' });
    expect(officer(['sync', '--data', empty, '--country', 'JP', '--language', 'id'])).toEqual({ code: 3, out: '', err: 'Kesalahan penggunaan: --registry wajib diberikan (lihat --help)\n' });
  });

  it('without --language, the locale\'s (LC_ALL, then LC_MESSAGES, then LANG); C or a language we lack is English', () => {
    const missing = join(dir, 'nowhere.png');
    expect(officer(verifyArgs(missing), { LANG: 'de_DE.UTF-8' }).err).toMatch(/^ERR_INPUT_INVALID: Die Nachweisdatei /);
    expect(officer(verifyArgs(missing), { LANG: 'de_DE.UTF-8', LC_MESSAGES: 'id_ID.UTF-8' }).err).toMatch(/^ERR_INPUT_INVALID: tidak dapat membaca /);
    expect(officer(verifyArgs(missing), { LANG: 'de_DE.UTF-8', LC_ALL: 'C' }).err).toMatch(/^ERR_INPUT_INVALID: cannot read /);
    expect(officer(verifyArgs(missing), { LANG: 'fr_FR.UTF-8' }).err).toMatch(/^ERR_INPUT_INVALID: cannot read /);
    expect(officer(['--help'], { LC_ALL: 'ja_JP.UTF-8' }).out).toMatch(/^corridor-verifier: 技能証明書/);
    // --language wins over the locale, and the verdict follows it too.
    expect(officer(verifyArgs(missing, '--language', 'en'), { LANG: 'de_DE.UTF-8' }).err).toMatch(/^ERR_INPUT_INVALID: cannot read /);
    writeFileSync(join(dir, 'current-locale.json'), JSON.stringify(current));
    const german = officer(verifyArgs(join(dir, 'current-locale.json')), { LANG: 'de_DE.UTF-8' });
    expect([german.code, german.out.split('\n')[0]]).toEqual([0, 'GÜLTIG: echt, von einer akkreditierten Bildungseinrichtung ausgestellt, nicht widerrufen']);
  });
});
