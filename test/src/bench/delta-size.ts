/** A delta of 100 changed records: its size and the time to apply it, against a full pack of the same registry. */
import { gzipSync } from 'node:zlib';
import { exportTrustPack, exportTrustPackDelta } from '@corridor/registry';
import { phCaregivingQualification, signRecord } from '@corridor/shared';
import { acceptPack, applyDelta } from '@corridor/verifier';
import { createWorld } from '../world.js';
import { round } from './measure.js';

export interface DeltaResults { records: number; deltaBytes: number; deltaGzipBytes: number; applyMs: number; fullPackBytes: number; fullPackGzipBytes: number; fullLoadMs: number }

export async function benchDelta(changed = 100): Promise<DeltaResults> {
  const world = await createWorld();
  const ph = world.keys.ph;
  for (let i = 0; i < 400; i++) {
    await world.registry.submit(await signRecord({ ...phCaregivingQualification(ph.description.controller), id: `urn:corridor:qualification:PH:base-${i}` }, ph));
  }
  const held = await acceptPack(undefined, await world.pack('JP'));
  const since = held.content.sequence;
  for (let i = 0; i < changed; i++) {
    await world.registry.submit(await signRecord({ ...phCaregivingQualification(ph.description.controller), id: `urn:corridor:qualification:PH:base-${i}`, version: 2, title: { en: `Amended ${i}` } }, ph));
  }
  const delta = await exportTrustPackDelta(world.registry, { country: 'JP', since, operatorKey: world.keys.operator });
  const full = await exportTrustPack(world.registry, { country: 'JP', operatorKey: world.keys.operator });
  world.close();
  const deltaText = JSON.stringify(delta);
  const fullText = JSON.stringify(full);
  let t = performance.now();
  await applyDelta(held, delta);
  const applyMs = round(performance.now() - t, 1);
  t = performance.now();
  await acceptPack(undefined, full);
  const fullLoadMs = round(performance.now() - t, 1);
  return {
    records: changed, deltaBytes: Buffer.byteLength(deltaText), deltaGzipBytes: gzipSync(deltaText).length, applyMs,
    fullPackBytes: Buffer.byteLength(fullText), fullPackGzipBytes: gzipSync(fullText).length, fullLoadMs,
  };
}
