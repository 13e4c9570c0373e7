/**
 * A certificate printed before Corridor followed the VC Barcodes draft: its `CC1:` QR code (our retired
 * CBOR-LD entry 100, the credential shape with Corridor's own context) still verifies VALID through
 * the officer's CLI, from the QR text and from a PNG of it. The fixture (shared/src/fixtures/legacy-cc1.json)
 * was made by commit e0a78b9 with throwaway keys, which this corridor's authority and centre reuse.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importKeyPair, renderQrPng } from '@corridor/shared';
import { createWorld, newKey, type World } from './world.js';
import { runSync } from './run-sync.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'packages', 'verifier', 'dist', 'cli.js');
const fixture = JSON.parse(readFileSync(join(root, 'shared', 'src', 'fixtures', 'legacy-cc1.json'), 'utf8')) as { text: string; keys: { centre: unknown; ph: unknown } };

let world: World;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corridor-legacy-'));
  world = await createWorld({ keys: { ph: importKeyPair(fixture.keys.ph), jp: newKey(), centre: importKeyPair(fixture.keys.centre), operator: newKey() } });
  await world.issue(); // the centre's status list 1, which the old credential names
  await world.publishStatus();
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(await world.pack('JP')));
});
afterAll(() => {
  world?.close();
  rmSync(dir, { recursive: true, force: true });
});

const verify = (file: string) => {
  const result = runSync(process.execPath, [cli, 'verify', file, '--trust-pack', join(dir, 'pack.json'), '--registry-key', world.keys.operator.description.controller,
    '--country', 'JP', '--root', world.keys.jp.description.controller, '--json'], { encoding: 'utf8' });
  return { status: result.status, out: JSON.parse(result.stdout || '{}') as { verdict?: string; credential?: { subject: unknown; assessmentRoute: string } }, err: result.stderr };
};

describe('a CC1: certificate printed before', () => {
  it('verifies VALID from its QR text and its QR image, with the holder\'s facts', async () => {
    writeFileSync(join(dir, 'old.txt'), fixture.text);
    writeFileSync(join(dir, 'old.png'), await renderQrPng(fixture.text));
    for (const file of ['old.txt', 'old.png']) {
      const { status, out } = verify(join(dir, file));
      expect([status, out.verdict]).toEqual([0, 'valid']);
      expect(out.credential).toMatchObject({ subject: { name: 'Maria Santos', birthDate: '1996-04-12' }, assessmentRoute: 'recognition-of-prior-learning' });
    }
  });

  it('its bytes behind the new prefix are refused: each prefix admits only its own entries', () => {
    writeFileSync(join(dir, 'moved.txt'), `VC1-R${fixture.text.slice('CC1:'.length)}`);
    const { status, err } = verify(join(dir, 'moved.txt'));
    expect([status, (JSON.parse(err) as { code: string }).code]).toEqual([3, 'ERR_QR_INVALID']);
  });
});
