/**
 * Our credentials against 1EdTech's Open Badges 3.0 AchievementCredential JSON Schema (the one
 * verifier-core and 1EdTech's validator apply; fixture and its source: fixtures/ob_v3p0_…json).
 * The only error allowed is the schema's own known one: `proof` must be an array (1EdTech
 * openbadges-specification #473), where VC Data Integrity embeds one proof as an object.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { createWorld, type World } from './world.js';

const schema = JSON.parse(readFileSync(new URL('./fixtures/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv2019({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2019) => void)(ajv);
const validate = ajv.compile(schema);

/** The errors, but the known one (`proof` not an array), as `path: message`. */
function errors(credential: unknown): string[] {
  validate(credential);
  return (validate.errors ?? []).filter((e) => e.instancePath !== '/proof').map((e) => `${e.instancePath}: ${e.message}`);
}

let world: World;
beforeAll(async () => { world = await createWorld(); });
afterAll(() => world?.close());

describe('the OB 3.0 AchievementCredential JSON Schema', () => {
  it('finds nothing wrong with what our issuer signs but the known proof-array error', async () => {
    for (const credential of [
      await world.issue(),
      await world.issue({ route: 'recognition-of-prior-learning', subject: { name: 'Ana Reyes', birthDate: '1998-07-21', walletDid: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }, validUntil: '2031-12-01T00:00:00Z' }),
    ]) {
      expect(errors(credential)).toEqual([]);
      validate(credential);
      expect(validate.errors?.map((e) => e.instancePath)).toEqual(['/proof']);
    }
  });

  it('would have found the alignment without targetUrl and the status entry without id (the shape issued before)', () => {
    const legacy = JSON.parse(readFileSync(new URL('../../shared/src/fixtures/legacy-cc1.json', import.meta.url), 'utf8')).credential as unknown;
    expect(errors(legacy)).toEqual(expect.arrayContaining([
      "/credentialStatus: must have required property 'id'",
      "/credentialSubject/achievement/alignment/0: must have required property 'targetUrl'",
    ]));
  });
});
