import { it } from '@jest/globals';
import { credentialToCborld, decodeCbor, encodeCbor, CborMap, CborTag } from '@corridor/shared';
import { createWorld } from './world.js';
const size = (v: unknown) => encodeCbor(v as never).length;
function show(map: CborMap, indent: string) {
  for (const [k, v] of map) {
    process.stdout.write(`${indent}${k}: ${size(v)}${typeof v === 'string' ? ' ' + v : ''}\n`);
    if (v instanceof CborMap) show(v, indent + '  ');
    if (Array.isArray(v) && v[0] instanceof CborMap) show(v[0], indent + '  [0] ');
    if (Array.isArray(v) && v[1] instanceof CborMap) show(v[1], indent + '  [1] ');
  }
}
it('size', async () => {
  const world = await createWorld();
  const credential = await world.issue();
  await world.publishStatus();
  const catalogue = (await world.trust('JP')).qrCatalogue!;
  const bytes = await credentialToCborld(credential, { catalogue });
  const top = decodeCbor(bytes) as CborTag;
  process.stdout.write(`total ${bytes.length}\n`);
  show((top.value as [number, CborMap])[1], '');
  world.close();
});
