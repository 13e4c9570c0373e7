import { describe, expect, test } from '@jest/globals';
import { BUNDLED_CONTEXTS, CREDENTIAL_CONTEXTS } from './contexts/index.js';
import { canonicalJson, sha256Hex } from './canonical-json.js';
import { documentLoader } from './document-loader.js';
import { generateKeyPair } from './keys.js';

describe('offline document loader', () => {
  test('every bundled context matches its sha256 pin', () => {
    for (const { url, sha256, document } of BUNDLED_CONTEXTS) {
      expect([url, sha256Hex(JSON.stringify(document))]).toEqual([url, sha256]);
    }
  });

  test('serves the credential contexts statically', async () => {
    for (const url of CREDENTIAL_CONTEXTS) {
      const result = await documentLoader(url);
      expect(result).toMatchObject({ documentUrl: url, tag: 'static', contextUrl: null });
    }
  });

  test('resolves did:key locally', async () => {
    const { controller, id } = generateKeyPair();
    expect((await documentLoader(id)).document).toMatchObject({ id, controller });
  });

  test('refuses any other URL with ERR_CONTEXT_UNKNOWN, without touching the network', async () => {
    for (const url of ['https://schema.org/', 'https://www.w3.org/2018/credentials/v1', 'http://localhost/ctx', 'did:web:example.org', 'file:///etc/passwd']) {
      await expect(documentLoader(url)).rejects.toMatchObject({ code: expect.stringMatching(/^ERR_(CONTEXT_UNKNOWN|DID_UNRESOLVABLE)$/) });
    }
    expect((globalThis as { __corridorNetworkAttempts?: string[] }).__corridorNetworkAttempts).toEqual([]);
  });

  test('canonical JSON is RFC 8785 (sorted keys, no whitespace)', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'é'], c: { z: 1e21, y: 0.1 } })).toBe('{"a":[true,null,"é"],"b":1,"c":{"y":0.1,"z":1e+21}}');
  });
});
