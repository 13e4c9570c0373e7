import { spawnSync } from 'node:child_process';
import { describe, expect, test } from '@jest/globals';
import { parseDidKey, resolveDidKey } from './did-key.js';
import { decodeBase58btc, encodeBase58btc } from './encoding.js';
import { generateKeyPair, importKeyPair, createKeyVerifier } from './keys.js';

describe('keys and did:key', () => {
  test('a generated key signs and its did:key verifier accepts; another key does not', async () => {
    const key = importKeyPair(generateKeyPair());
    const data = new TextEncoder().encode('skills recognised');
    const signature = await key.signer.sign({ data });
    const verifier = createKeyVerifier(key.description.id, key.description.publicKeyMultibase);
    expect(await verifier.verify({ data, signature })).toBe(true);
    const other = importKeyPair(generateKeyPair());
    const otherVerifier = createKeyVerifier(other.description.id, other.description.publicKeyMultibase);
    expect(await otherVerifier.verify({ data, signature })).toBe(false);
  });

  test('generating keys never deadlocks, with the heap near its limit (a collection at almost any allocation)', () => {
    // Node 20 deadlocks when a collection frees a key-generation job while its key is being
    // exported as JWK: the former generateKeyPair hung within 3 s here in 6 runs out of 6.
    const shared = new URL('../dist/index.js', import.meta.url).href;
    const script = `const { generateKeyPair } = await import(${JSON.stringify(shared)});
      const kept = [];
      const until = Date.now() + 2500;
      for (let n = 0; Date.now() < until; n++) {
        generateKeyPair();
        kept.push({ n, text: 'x' + n });
        if (kept.length > 60000) kept.length = 0;
      }
      process.stdout.write('done');`;
    const child = spawnSync(process.execPath, ['--max-old-space-size=16', '--input-type=module', '--eval', script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.signal).toBeNull();
    expect(child.stdout).toBe('done');
  });

  test('did:key ids follow the Multikey convention', () => {
    const stored = generateKeyPair();
    expect(stored.controller).toMatch(/^did:key:z6Mk/);
    expect(stored.id).toBe(`${stored.controller}#${stored.publicKeyMultibase}`);
    expect(JSON.stringify(importKeyPair(stored).description)).not.toContain(stored.secretKeyMultibase);
  });

  test('a key file whose secret does not match its public key is refused', () => {
    const a = generateKeyPair();
    const b = generateKeyPair();
    expect(() => importKeyPair({ ...a, secretKeyMultibase: b.secretKeyMultibase })).toThrow(
      expect.objectContaining({ code: 'ERR_KEY_INVALID' }),
    );
    expect(() => importKeyPair({ publicKeyMultibase: 'zzz' })).toThrow(expect.objectContaining({ code: 'ERR_KEY_INVALID' }));
    expect(() => importKeyPair(null)).toThrow(expect.objectContaining({ code: 'ERR_KEY_INVALID' }));
  });

  test('did:key resolves to a DID document and to its verification method, offline', () => {
    const { controller, id, publicKeyMultibase } = generateKeyPair();
    const doc = resolveDidKey(controller) as { assertionMethod: string[] };
    expect(doc.assertionMethod).toEqual([id]);
    expect(resolveDidKey(id)).toMatchObject({ id, controller, type: 'Multikey', publicKeyMultibase });
  });

  test('malformed or foreign DIDs are refused with a code', () => {
    const { controller } = generateKeyPair();
    for (const bad of ['did:web:example.org', 'did:key:z6MkBAD0', `${controller}#z6MkOther`, `${controller.slice(0, -2)}`, '']) {
      expect(() => parseDidKey(bad)).toThrow(expect.objectContaining({ code: 'ERR_DID_UNRESOLVABLE' }));
    }
  });

  test('base58btc round-trips, keeps leading zeros and rejects foreign characters', () => {
    for (const bytes of [[], [0], [0, 0, 1], [255, 254, 0, 7], Array.from({ length: 64 }, (_, i) => i * 3)]) {
      const data = Uint8Array.from(bytes);
      expect(decodeBase58btc(encodeBase58btc(data))).toEqual(data);
    }
    expect(decodeBase58btc('0OIl')).toBeUndefined();
  });
});
