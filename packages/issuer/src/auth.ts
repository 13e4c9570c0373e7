/**
 * Who may use the issuer's HTTP API: OAuth 2.0 client credentials (RFC 6749 §4.4), as the
 * VC-API specification recommends for issuer and status endpoints. The centre adds clients on
 * its own machine (`corridor-issuer clients add`); a client trades its id and secret for a
 * short-lived signed JWT (jose, HS256, key made once and kept in the issuer database) and sends
 * it as a bearer token. Every request re-reads the client, so revoking it ends its tokens at
 * once. Secrets are kept only as scrypt hashes with their own salt, compared in constant time.
 */
import { randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { CorridorError } from '@corridor/shared';
import type { ApiClientRow, IssuerStore } from './store.js';

export const SCOPES = ['issue', 'status', 'read'] as const;
export type Scope = (typeof SCOPES)[number];

/** The client the CLI acts as in the audit trail: the operator at the centre's own machine. */
export const CLI_CLIENT = 'cli';

/** `issue,read` or `issue read`: known scopes only, at least one. */
export function parseScopes(text: string): Scope[] {
  const scopes = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
  if (!scopes.length || !scopes.every((s) => (SCOPES as readonly string[]).includes(s))) {
    throw new CorridorError('ERR_INPUT_INVALID', `scopes must be some of ${SCOPES.join(', ')}`);
  }
  return scopes as Scope[];
}

// scrypt's cost: ~50 ms a check, so a stolen database does not give secrets up to a quick search.
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function derive(secret: string, salt: Buffer, params: { N: number; r: number; p: number; keylen: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, params.keylen, { N: params.N, r: params.r, p: params.p, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` (salt and hash base64url): the parameters travel with the hash. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function secretMatches(secret: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(secret, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p), keylen: expected.length });
  return timingSafeEqual(actual, expected);
}

// Checked against when the client id is unknown, so the answer takes as long either way.
const DUMMY_HASH = hashSecret(randomBytes(16).toString('hex'));

/** Adds a client; the secret is returned once and never stored. */
export async function addClient(store: IssuerStore, options: { name: string; scopes: Scope[]; now?: Date }): Promise<{ client: ApiClientRow; secret: string }> {
  const name = options.name.trim();
  if (!name || name.length > 200) throw new CorridorError('ERR_INPUT_INVALID', 'a client needs a name (up to 200 characters)');
  const secret = randomBytes(32).toString('base64url');
  const at = (options.now ?? new Date()).toISOString();
  const client: ApiClientRow = { id: `client-${randomBytes(8).toString('hex')}`, name, scopes: options.scopes, secretHash: await hashSecret(secret), createdAt: at };
  store.addClient(client, { at, clientId: CLI_CLIENT, action: 'client-add' });
  return { client, secret };
}

/** An OAuth 2.0 token error (RFC 6749 §5.2): `error` is one of the registered values. */
export class OAuthError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope' | 'unauthorized_client',
    readonly description: string,
  ) {
    super(description);
  }

  get status(): number {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

export interface TokenResponse { access_token: string; token_type: 'Bearer'; expires_in: number; scope: string }

/** The client a valid token speaks for, with the scopes the token carries. */
export interface Caller { clientId: string; scopes: Scope[] }

export interface IssuerAuthOptions {
  store: IssuerStore;
  /** The `aud` (and `iss`) of this issuer's tokens: a token for another service is refused. */
  audience: string;
  now?: () => Date;
  /** Access token lifetime (default 10 minutes). */
  ttlSeconds?: number;
}

const TOKEN_KEY_META = 'oauthTokenKey';
const ALGORITHMS = ['HS256'];

export function createIssuerAuth(options: IssuerAuthOptions) {
  const { store, audience, now = () => new Date(), ttlSeconds = 600 } = options;
  const key = tokenKey(store);
  const seconds = () => Math.floor(now().getTime() / 1000);

  return {
    /** RFC 6749 §4.4.2/§4.4.3: the client's credentials and requested scopes for a bearer token. */
    async grant(request: { grantType?: string | undefined; clientId?: string | undefined; clientSecret?: string | undefined; scope?: string | undefined }): Promise<TokenResponse> {
      if (request.grantType === undefined) throw new OAuthError('invalid_request', 'grant_type is required');
      if (request.grantType !== 'client_credentials') throw new OAuthError('unsupported_grant_type', 'only client_credentials is supported');
      if (!request.clientId || !request.clientSecret) throw new OAuthError('invalid_client', 'client authentication failed');
      const client = store.client(request.clientId);
      const matches = await secretMatches(request.clientSecret, client?.secretHash ?? await DUMMY_HASH);
      if (!client || !matches || client.revokedAt) throw new OAuthError('invalid_client', 'client authentication failed');
      let scopes = client.scopes as Scope[];
      if (request.scope !== undefined) {
        const asked = [...new Set(request.scope.split(' ').filter(Boolean))];
        if (!asked.length || !asked.every((s) => (SCOPES as readonly string[]).includes(s))) throw new OAuthError('invalid_scope', `scope must be some of ${SCOPES.join(' ')}`);
        if (!asked.every((s) => client.scopes.includes(s))) throw new OAuthError('invalid_scope', 'this client may not have that scope');
        scopes = asked as Scope[];
      }
      const iat = seconds();
      const scope = scopes.join(' ');
      const accessToken = await new SignJWT({ scope, client_id: client.id })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setIssuer(audience).setAudience(audience).setSubject(client.id)
        .setIssuedAt(iat).setExpirationTime(iat + ttlSeconds).setJti(randomUUID())
        .sign(key);
      return { access_token: accessToken, token_type: 'Bearer', expires_in: ttlSeconds, scope };
    },

    /** The caller of an `Authorization: Bearer …` header; ERR_UNAUTHENTICATED otherwise. */
    async authenticate(authorization: string | undefined): Promise<Caller> {
      const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(authorization ?? '');
      if (!match) throw new CorridorError('ERR_UNAUTHENTICATED', 'send an access token: Authorization: Bearer <token> (POST /oauth2/token)');
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(match[1]!, key, { algorithms: ALGORITHMS, typ: 'at+jwt', audience, issuer: audience, currentDate: now(), requiredClaims: ['exp', 'iat', 'jti'] }));
      } catch (error) {
        const expired = error instanceof joseErrors.JWTExpired;
        throw new CorridorError('ERR_UNAUTHENTICATED', expired ? 'the access token has expired' : 'the access token is not valid here');
      }
      const clientId = payload.client_id;
      const client = typeof clientId === 'string' ? store.client(clientId) : undefined;
      if (!client || client.revokedAt || payload.sub !== clientId) throw new CorridorError('ERR_UNAUTHENTICATED', 'the client of this access token is revoked or unknown');
      const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter((s) => client.scopes.includes(s)) : [];
      return { clientId: client.id, scopes: scopes as Scope[] };
    },
  };
}

export type IssuerAuth = ReturnType<typeof createIssuerAuth>;

/** ERR_FORBIDDEN unless the caller's token carries `scope`. */
export function requireScope(caller: Caller, ...anyOf: Scope[]): void {
  if (!anyOf.some((scope) => caller.scopes.includes(scope))) {
    throw new CorridorError('ERR_FORBIDDEN', `this request needs an access token with scope ${anyOf.join(' or ')}`);
  }
}

/** The HS256 key of this issuer's access tokens, made on first use and kept in its database. */
function tokenKey(store: IssuerStore): Uint8Array {
  const stored = store.transaction(() => {
    const held = store.getMeta(TOKEN_KEY_META);
    if (held) return held;
    const fresh = randomBytes(32).toString('base64url');
    store.setMeta(TOKEN_KEY_META, fresh);
    return fresh;
  });
  return new Uint8Array(Buffer.from(stored, 'base64url'));
}
