// Client secrets and access tokens at the core, without HTTP: secrets kept only as salted scrypt
// hashes, tokens bound to this issuer's key and audience, a client's revocation ending its tokens,
// wallet codes stored only as hashes.
import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addClient, createIssuerAuth, hashSecret, parseScopes, requireScope, secretMatches } from './auth.js';
import { IssuerStore } from './store.js';
import { createWalletLink, redeemWalletLink } from './wallet-link.js';

describe('client secrets', () => {
  it('are kept as salted scrypt hashes and checked exactly', async () => {
    const [a, b] = [await hashSecret('s3cret'), await hashSecret('s3cret')];
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('s3cret');
    expect(await secretMatches('s3cret', a)).toBe(true);
    expect(await secretMatches('s3cret!', a)).toBe(false);
    expect(await secretMatches('s3cret', 'plain$s3cret')).toBe(false);
  });

  it('scopes are issue, status and read only', () => {
    expect(parseScopes('issue,read')).toEqual(['issue', 'read']);
    expect(parseScopes('status read status')).toEqual(['status', 'read']);
    expect(() => parseScopes('issue,admin')).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID' }));
    expect(() => parseScopes('')).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID' }));
    expect(() => requireScope({ clientId: 'c', scopes: ['read'] }, 'issue')).toThrow(expect.objectContaining({ code: 'ERR_FORBIDDEN' }));
  });
});

describe('access tokens', () => {
  it('outlive a restart (the key is in the database), not another issuer, and not the client', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'corridor-auth-')), 'issuer.db');
    let store = new IssuerStore(path);
    const { client, secret } = await addClient(store, { name: 'desk', scopes: ['issue'] });
    const token = (await createIssuerAuth({ store, audience: 'urn:a' }).grant({ grantType: 'client_credentials', clientId: client.id, clientSecret: secret })).access_token;
    store.close();
    store = new IssuerStore(path);
    expect(await createIssuerAuth({ store, audience: 'urn:a' }).authenticate(`Bearer ${token}`)).toEqual({ clientId: client.id, scopes: ['issue'] });
    await expect(createIssuerAuth({ store, audience: 'urn:b' }).authenticate(`Bearer ${token}`)).rejects.toMatchObject({ code: 'ERR_UNAUTHENTICATED' });
    const other = new IssuerStore(':memory:');
    await expect(createIssuerAuth({ store: other, audience: 'urn:a' }).authenticate(`Bearer ${token}`)).rejects.toMatchObject({ code: 'ERR_UNAUTHENTICATED' });
    store.revokeClient(client.id, { at: new Date().toISOString(), clientId: 'cli', action: 'client-revoke' });
    await expect(createIssuerAuth({ store, audience: 'urn:a' }).authenticate(`Bearer ${token}`)).rejects.toMatchObject({ code: 'ERR_UNAUTHENTICATED' });
    store.close();
    // Nothing secret in the database: no secret, only its hash.
    const db = new Database(path, { readonly: true });
    const dump = JSON.stringify(db.prepare('SELECT * FROM api_clients').all()) + JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    db.close();
    expect(dump).not.toContain(secret);
    expect(dump).toContain(client.id);
  });
});

describe('wallet codes', () => {
  it('are stored only as hashes and open their credential once', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'corridor-wallet-')), 'issuer.db');
    const store = new IssuerStore(path);
    const at = '2026-11-02T09:00:00.000Z';
    const [slot] = store.allocateIndices({ credentialIds: ['urn:uuid:w'], issuerDid: 'did:key:zX', length: 131072, capacity: 100, draw: () => 5, now: at });
    store.saveCredentials([{ id: 'urn:uuid:w', qualification: 'q', subjectName: 'n', issuedAt: at, listId: slot!.listId, statusIndex: slot!.index, state: 'active', json: '{"id":"urn:uuid:w"}' }]);
    const link = createWalletLink(store, { credentialId: 'urn:uuid:w', clientId: 'client-1', baseUrl: 'https://c.example/', now: new Date(at) });
    expect(link.url).toBe(`https://c.example/wallet/${link.code}`);
    expect(redeemWalletLink(store, link.code, new Date(at)).id).toBe('urn:uuid:w');
    expect(() => redeemWalletLink(store, link.code, new Date(at))).toThrow(expect.objectContaining({ code: 'ERR_NOT_FOUND' }));
    store.close();
    const db = new Database(path, { readonly: true });
    const dump = JSON.stringify(db.prepare('SELECT * FROM wallet_links').all());
    db.close();
    expect(dump).not.toContain(link.code);
    expect(dump).toContain('urn:uuid:w');
  });
});
