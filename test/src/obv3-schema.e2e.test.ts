/**
 * Our credentials against 1EdTech's Open Badges 3.0 AchievementCredential JSON Schemas: the JSON
 * binding verifier-core and 1EdTech's validator apply (fixtures/ob_v3p0_…json, adapted from the
 * VC 1.1 edition: no verbatim copy of the VC 2.0 edition could be found), and the VC 2.0 JSON-LD
 * binding, verbatim (fixtures/obv3-json-ld/, source in its README). The only error allowed is the
 * schemas' own known one: `proof` must be an array (1EdTech openbadges-specification #473), where
 * VC Data Integrity embeds one proof as an object.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { createWorld, HONOURED_EXTRAS, type World } from './world.js';

const fixture = (path: string) => JSON.parse(readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8')) as object;
const ajv = new Ajv2019({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2019) => void)(ajv);
const validate = ajv.compile(fixture('ob_v3p0_achievementcredential_schema.json'));
const validateJsonLd = ajv.compile(fixture('obv3-json-ld/ob_v3p0_achievementcredential_schema.json'));

/** The errors, but the known one (`proof` not an array), as `path: message`. */
function errors(credential: unknown, schema = validate): string[] {
  schema(credential);
  return (schema.errors ?? []).filter((e) => e.instancePath !== '/proof').map((e) => `${e.instancePath}: ${e.message}`);
}

let world: World;
beforeAll(async () => { world = await createWorld(); });
afterAll(() => world?.close());

describe('the OB 3.0 AchievementCredential JSON Schema', () => {
  it('finds nothing wrong with what our issuer signs but the known proof-array error, in either binding', async () => {
    for (const credential of [
      await world.issue(),
      await world.issue({ route: 'recognition-of-prior-learning', subject: { name: 'Ana Reyes', birthDate: '1998-07-21', walletDid: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }, validUntil: '2031-12-01T00:00:00Z' }),
      // Everything a VC-API client may choose (issue-request.ts): the other type, names, a description, evidence.
      await world.issue({ extras: HONOURED_EXTRAS }),
    ]) {
      for (const schema of [validate, validateJsonLd]) {
        expect(errors(credential, schema)).toEqual([]);
        schema(credential);
        expect(schema.errors?.map((e) => e.instancePath)).toEqual(['/proof']);
      }
    }
  });

  it('the verbatim VC 2.0 JSON-LD binding is the one its README names, and is stricter than VC 2.0 alone', () => {
    expect(fixture('obv3-json-ld/ob_v3p0_achievementcredential_schema.json')).toMatchObject({
      $id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json-ld/ob_v3p0_achievementcredential_schema.json',
      required: expect.arrayContaining(['validFrom']), $defs: expect.any(Object),
    });
    const minimal = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'urn:uuid:1f0e3a52-6c9b-4f5e-9a51-3e1f1b2c4d5e', type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      validFrom: '2026-01-01T00:00:00Z', credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'urn:x', type: ['Achievement'], name: 'n', description: 'd', criteria: {} } },
    };
    expect(errors(minimal, validateJsonLd)).toEqual([]);
    // A VC 1.1 credential, a single type string, or an issuance date in place of validFrom do not pass.
    expect(errors({ ...minimal, '@context': ['https://www.w3.org/2018/credentials/v1', minimal['@context'][1]] }, validateJsonLd)).not.toEqual([]);
    expect(errors({ ...minimal, credentialSubject: { ...minimal.credentialSubject, type: 'AchievementSubject' } }, validateJsonLd)).not.toEqual([]);
    const { validFrom: _v, ...noValidFrom } = minimal;
    expect(errors({ ...noValidFrom, issuanceDate: '2026-01-01T00:00:00Z' }, validateJsonLd)).toEqual([": must have required property 'validFrom'"]);
  });

  it('would have found the alignment without targetUrl and the status entry without id (the shape issued before)', () => {
    const legacy = JSON.parse(readFileSync(new URL('../../shared/src/fixtures/legacy-cc1.json', import.meta.url), 'utf8')).credential as unknown;
    expect(errors(legacy)).toEqual(expect.arrayContaining([
      "/credentialStatus: must have required property 'id'",
      "/credentialSubject/achievement/alignment/0: must have required property 'targetUrl'",
    ]));
  });
});
