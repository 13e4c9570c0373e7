/**
 * Another implementation decoding our QR codes with nothing of ours but what we publish: the text
 * framing the README describes (VC Barcodes: `VC1-`, multibase base45), @digitalbazaar/cborld, the
 * VC 2.0 and OB 3.0.3 contexts, the type tables of docs/cborld-registry/*.yml, and for entry 10101
 * the rule written in its file applied to the catalogue of a synced trust pack.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { decode } from '@digitalbazaar/cborld';
import { BUNDLED_CONTEXTS, CORRIDOR_TABLES, decodeBase45, describeQr, encodeQrText, type QrCatalogue, type SkillCredential } from '@corridor/shared';
import { createWorld, type World } from './world.js';

type TypeTable = Map<string, Map<unknown, number>>;

/** The registry file's tables (its YAML is this simple: `- type:` then `table:` then `code: value`). */
function publishedTables(entry: number): TypeTable {
  const text = readFileSync(new URL(`../../docs/cborld-registry/${entry}.yml`, import.meta.url), 'utf8');
  const tables: TypeTable = new Map();
  let current: Map<unknown, number> | undefined;
  for (const line of text.split('\n')) {
    const type = /^\s+- type: (\S+)$/.exec(line);
    if (type) tables.set(type[1]!, current = new Map());
    const row = /^\s+(\d+): (.+)$/.exec(line);
    if (row && current) current.set(row[2]!, Number(row[1]));
  }
  return tables;
}

/** Entry 10101 as its file says: 10100's tables, extended by the catalogue. */
function withCatalogue(catalogue: QrCatalogue): TypeTable {
  const tables = publishedTables(10101);
  const extend = (type: string, pairs: [string, number][]) => tables.set(type, new Map([...(tables.get(type) ?? []), ...pairs]));
  extend('url', catalogue.url.map((value, i) => [value, 1000 + i]));
  extend('none', catalogue.none.map((value, i) => [value, 1000 + i]));
  extend('https://www.w3.org/2001/XMLSchema#anyURI', catalogue.none.flatMap((value, i): [string, number][] => (/^\d{4}$/.test(value) ? [[`http://data.europa.eu/esco/isco/C${value}`, 1000 + i]] : [])));
  return tables;
}

/** Only the two standard contexts a credential names; nothing else loads. */
const contexts = new Map(BUNDLED_CONTEXTS.filter((c) => ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'].includes(c.url)).map((c) => [c.url, c.document]));
const documentLoader = async (url: string) => {
  const document = contexts.get(url);
  if (!document) throw new Error(`not published: ${url}`);
  return { contextUrl: null, documentUrl: url, document };
};

/** The README's framing: `VC1-`, then multibase base45 (`R` + RFC 9285 base45). */
function bytesOf(text: string): Uint8Array {
  expect(text.startsWith('VC1-R')).toBe(true);
  return decodeBase45(text.slice('VC1-R'.length));
}

let world: World;
let credential: SkillCredential;
let catalogue: QrCatalogue;
beforeAll(async () => {
  world = await createWorld();
  credential = await world.issue({ route: 'recognition-of-prior-learning' });
  await world.publishStatus();
  catalogue = (await world.trust('JP')).qrCatalogue!;
});
afterAll(() => world?.close());

describe('our QR decoded by @digitalbazaar/cborld with only the published tables', () => {
  it('publishes exactly the tables the codec uses', () => {
    for (const entry of [10100, 10101]) {
      const tables = publishedTables(entry);
      const listed = (type: string) => [...(tables.get(type) ?? new Map())].sort((a, b) => a[1] - b[1]).map(([value]) => value);
      expect(listed('context')).toEqual(CORRIDOR_TABLES.context);
      expect(listed('none')).toEqual(CORRIDOR_TABLES.none);
      expect(listed('https://w3id.org/security#cryptosuiteString')).toEqual(CORRIDOR_TABLES.cryptosuite);
      expect(listed('url')).toEqual(CORRIDOR_TABLES.url);
    }
  });

  it('entry 10100 (no catalogue)', async () => {
    const decoded = await decode({ cborldBytes: bytesOf(await encodeQrText(credential)), documentLoader, typeTableLoader: async ({ registryEntryId }: { registryEntryId: number }) => {
      expect(registryEntryId).toBe(10100);
      return publishedTables(10100);
    } });
    expect(decoded).toEqual(JSON.parse(JSON.stringify(credential)));
  });

  it('entry 10101 (with the trust pack\'s catalogue), the smaller code every certificate carries', async () => {
    const text = await encodeQrText(credential, { catalogue });
    expect(text.length).toBeLessThan((await encodeQrText(credential)).length);
    // The reference certificate's code stays within version 15 at ECC M.
    expect(describeQr(text).version).toBeLessThanOrEqual(15);
    const decoded = await decode({ cborldBytes: bytesOf(text), documentLoader, typeTableLoader: async ({ registryEntryId }: { registryEntryId: number }) => {
      expect(registryEntryId).toBe(10101);
      return withCatalogue(catalogue);
    } });
    expect(decoded).toEqual(JSON.parse(JSON.stringify(credential)));
  });
});
