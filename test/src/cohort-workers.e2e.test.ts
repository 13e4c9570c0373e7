// The cohort's worker threads, as built: they sign with the issuer's key (which crosses to them
// once), compress every QR with the registry's catalogue (sent once, not with every job), and
// what comes back verifies and decodes offline.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeQrText, PH_CAREGIVING_NC_II, readQrFromPng, signCredential, verifyCredentialProof, type QrCatalogue } from '@corridor/shared';
import { issueCohort, readCohort, type createRenderPool as CreateRenderPool } from '@corridor/issuer';
import { createWorld, type World } from './world.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let world: World;
let catalogue: QrCatalogue;
let createRenderPool: typeof CreateRenderPool;

beforeAll(async () => {
  world = await createWorld();
  await world.issue();
  await world.publishStatus();
  catalogue = (await world.trust('PH')).qrCatalogue!;
  // The built module: worker threads need the compiled render-worker.js beside it.
  ({ createRenderPool } = await import(pathToFileURL(join(root, 'packages/issuer/dist/render-pool.js')).href) as { createRenderPool: typeof CreateRenderPool });
}, 60_000);

afterAll(() => world?.close());

describe('the cohort worker pool', () => {
  it('signs on worker threads what this thread reserved; the credentials verify and their QR codes decode with the catalogue', async () => {
    const pool = createRenderPool({ size: 2, key: world.issuer.signingKey, catalogue });
    try {
      const reserved = world.issuer.reserve(Array.from({ length: 6 }, (_, i) => ({
        qualification: world.caregiving, subject: { name: `Worker ${i}`, birthDate: '1990-01-01' }, assessedAt: '2026-10-30T00:00:00Z', route: 'training' as const,
      })));
      const produced = await Promise.all(reserved.map((r) => {
        if (!('credential' in r)) throw new Error('expected a reservation');
        return pool.produce({ credential: r.credential, qualification: world.caregiving, signAt: r.signedAt.toISOString(), kinds: ['json', 'png'] });
      }));
      for (const [i, { credential, files }] of produced.entries()) {
        const r = reserved[i] as { credential: { id: string } };
        expect(credential.id).toBe(r.credential.id);
        await expect(verifyCredentialProof({ credential })).resolves.toEqual({ verified: true });
        expect(JSON.parse(files.json!)).toEqual(credential);
        expect(files.svg).toBeUndefined();
        const text = await readQrFromPng(files.png!);
        await expect(decodeQrText(text, { catalogue })).resolves.toEqual(credential);
        // Compressed with the catalogue: without it the code cannot be read.
        await expect(decodeQrText(text)).rejects.toMatchObject({ code: 'ERR_QR_INVALID' });
      }
      world.issuer.record(produced.map(({ credential }, i) => ({ reserved: reserved[i] as never, signed: credential })));
      expect(world.issuer.find(produced[0]!.credential.id)).toEqual(produced[0]!.credential);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('reports a worker\'s failure as that job\'s coded error and keeps serving the others', async () => {
    const pool = createRenderPool({ size: 1 });
    try {
      const [r] = world.issuer.reserve([{ qualification: world.caregiving, subject: { name: 'Worker X', birthDate: '1990-01-01' }, assessedAt: '2026-10-30T00:00:00Z', route: 'training' }]);
      if (!r || !('credential' in r)) throw new Error('expected a reservation');
      // This pool holds no key: asking it to sign fails, and only that job.
      await expect(pool.produce({ credential: r.credential, qualification: world.caregiving, signAt: r.signedAt.toISOString() })).rejects.toMatchObject({ code: 'ERR_KEY_INVALID' });
      const rendered = await pool.produce({ credential: world.issuer.find((await world.issue()).id)!, qualification: world.caregiving, kinds: ['svg'] });
      expect(rendered.files.svg).toMatch(/^<svg/);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('stops a cohort on a failure that is not one row\'s (a full disk), and writes nothing after saying so', async () => {
    const trust = await world.trust('PH');
    const csv = ['name,birth_date,qualification,assessment_date,route',
      ...Array.from({ length: 120 }, (_, i) => `Stopper ${i},1990-01-01,${PH_CAREGIVING_NC_II},2026-10-30,training`)].join('\n');
    const { rows } = readCohort(csv);
    let delivered = 0;
    const failing = issueCohort({
      issuer: world.issuer, trust, rows, batchSize: 10, batchesInFlight: 3,
      produce: async (job) => {
        // Later rows take a while, so other batches are still in flight when the disk fills.
        if (job.credential.credentialSubject.name !== 'Stopper 47') await new Promise((resolve) => setTimeout(resolve, 30));
        return {
          credential: job.signAt ? await signCredential({ credential: job.credential, signer: world.issuer.signingKey.signer, now: new Date(job.signAt) }) : job.credential,
          files: {},
        };
      },
      deliver: (_credential, _files, row) => {
        if (row.line === 49) throw new Error('ENOSPC: no space left on device');
        delivered++;
      },
    });
    await expect(failing).rejects.toThrow(/ENOSPC/);
    const atFailure = delivered;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delivered).toBe(atFailure);
    expect(delivered).toBeLessThan(rows.length);
  });
});
