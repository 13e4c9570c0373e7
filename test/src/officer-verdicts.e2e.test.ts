// Verdicts that must not mislead the officer, through the real CLI: a credential for a
// qualification added after the officer's last sync is amber "sync" (exit 2), not a fake-looking
// QR error (it was ERR_QR_INVALID, exit 3) or a red INVALID; another country's pack is a usage
// error; a cohort PDF starts with its summary; German output is German throughout.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accreditationRecord, REFERENCE_CENTRE_ACCREDITATION, REFERENCE_CENTRE_BASE_URL, REFERENCE_CENTRE_NAME } from '@corridor/registry';
import { encodeQrText, PH_CAREGIVING_NC_II, renderQrSvg, signRecord, type QualificationRecord, type SkillCredential } from '@corridor/shared';
import { qrPagesPdf } from './hostile.js';
import { createWorld, type World } from './world.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'packages', 'verifier', 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'corridor-verdicts-'));
const NEW_QUALIFICATION = 'urn:corridor:qualification:PH:housekeeping-nc-ii';

let world: World;
let newer: SkillCredential;
let current: SkillCredential;

function verify(name: string, content: string | Uint8Array, pack: string, ...flags: string[]) {
  writeFileSync(join(dir, name), content);
  const result = spawnSync(process.execPath, [cli, 'verify', join(dir, name), '--root', world.keys.jp.description.controller,
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
    const result = spawnSync(process.execPath, [cli, 'verify', join(dir, 'missing.png'), '--country', 'JP', '--root', world.keys.jp.description.controller,
      '--registry-key', world.keys.operator.description.controller, '--trust-pack', join(dir, 'old-pack.json')], { encoding: 'utf8', cwd: dir });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(`cannot read the credential file ${join(dir, 'missing.png')}: no such file`);
    // In the officer's language too, under the coded line.
    const german = spawnSync(process.execPath, [cli, 'verify', join(dir, 'missing.png'), '--country', 'JP', '--root', world.keys.jp.description.controller,
      '--registry-key', world.keys.operator.description.controller, '--trust-pack', join(dir, 'old-pack.json'), '--language', 'de'], { encoding: 'utf8', cwd: dir });
    expect(german.stderr.split('\n').slice(0, 2)).toEqual([expect.stringMatching(/^ERR_INPUT_INVALID: cannot read/), 'Dies ist kein Nachweis, den dieses Programm lesen kann. Bitten Sie erneut um das Zertifikat oder die Datei.']);
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
      const result = spawnSync(process.execPath, [cli, 'serve', '--port', String(port), '--country', 'JP', '--root', world.keys.jp.description.controller,
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
