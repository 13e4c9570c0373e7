/**
 * OpenID for Verifiable Credential Issuance 1.0, pre-authorized code flow with a PIN: how a
 * worker's wallet receives their credential, bound to a key only the phone holds. Protocol
 * messages are parsed, checked and built by @openid4vc/oauth2 and @openid4vc/openid4vci; this
 * file holds what is ours: the offers' secrets (only hashes are stored), once-only use, the
 * nonces, and what the wallet gets.
 *
 * What the wallet gets: the paper credential's claims signed afresh with `credentialSubject.id` =
 * the holder the proof of possession named, under a new credential id. It keeps the paper
 * credential's status entry, so revoking the paper credential revokes the wallet one too (one
 * worker, one qualification, one bit). The claims are copied as they are: the protocol never
 * looks inside the credential beyond `id`, `issuer` and `credentialSubject.id`.
 */
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  Oauth2AuthorizationServer, Oauth2ResourceServer, clientAuthenticationNone, preAuthorizedCodeGrantIdentifier, SupportedAuthenticationScheme,
  type AuthorizationServerMetadata, type HttpMethod, type Jwk,
} from '@openid4vc/oauth2';
import { Openid4vciDraftVersion, Openid4vciIssuer, type IssuerMetadataResult } from '@openid4vc/openid4vci';
import { decodeJwt, type JWK } from 'jose';
import {
  CorridorError, CREDENTIAL_CONTEXTS, parseDidKey, signCredential, type SkillCredential,
} from '@corridor/shared';
import { createSignJwtCallback, generateRandomCallback, hashCallback, jwkToDidKey, verifyJwtCallback } from './jwt-callbacks.js';
import type { Issuer } from './issuer.js';
import { asRefusal, Oid4vciRefusal, refuse } from './oid4vci-refusal.js';
import type { IssuerStore } from './store.js';

export { Oid4vciRefusal } from './oid4vci-refusal.js';

export const CREDENTIAL_CONFIGURATION_ID = 'CorridorSkillCredential';
export const OFFER_DAYS = 14;
export const PIN_LENGTH = 6;
/** Wrong PINs an offer survives: a 6-digit PIN is not guessed in five tries. */
export const MAX_PIN_FAILURES = 5;
const TOKEN_SECONDS = 300;
const NONCE_SECONDS = 300;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
/** The PIN's hash is salted with the code: without the code (never stored) it opens nothing. */
const pinHash = (code: string, pin: string) => sha256(`${code}\u0000${pin}`);

/** What an HTTP request looks like to the libraries: the URL as the wallet called it. */
export interface ProtocolRequest { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: unknown }

const requestLike = (request: ProtocolRequest) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return { method: request.method as HttpMethod, url: request.url, headers };
};

export interface CredentialOffer {
  /** `openid-credential-offer://?credential_offer=…`: the QR's text. */
  uri: string;
  /** The transaction code, given to the worker apart from the QR. */
  pin: string;
  expiresAt: string;
}

export interface Oid4vciOptions { issuer: Issuer; store: IssuerStore; now?: () => Date }

export class Oid4vciService {
  readonly #issuer: Issuer;
  readonly #store: IssuerStore;
  readonly #now: () => Date;
  /** Access tokens are signed by a key made at start: they live 5 minutes, a restart only ends those in flight. */
  readonly #tokenJwk: Jwk;
  readonly #as: Oauth2AuthorizationServer;
  readonly #rs: Oauth2ResourceServer;
  readonly #vci: Openid4vciIssuer;

  constructor(options: Oid4vciOptions) {
    this.#issuer = options.issuer;
    this.#store = options.store;
    this.#now = options.now ?? (() => new Date());
    const { privateKey } = generateKeyPairSync('ed25519', { privateKeyEncoding: { format: 'jwk' }, publicKeyEncoding: { format: 'jwk' } }) as unknown as { privateKey: JWK };
    const { d: _d, ...publicJwk } = privateKey;
    this.#tokenJwk = { ...publicJwk, kid: 'access-token', alg: 'EdDSA' } as Jwk;
    const jwks = JSON.stringify({ keys: [this.#tokenJwk] });
    const callbacks = {
      hash: hashCallback as never, generateRandom: generateRandomCallback, verifyJwt: verifyJwtCallback as never,
      signJwt: createSignJwtCallback([{ privateKey: createPrivateKey({ key: privateKey as never, format: 'jwk' }) }]) as never,
      clientAuthentication: clientAuthenticationNone({ clientId: 'wallet' }),
      // The resource server reads the token key from our own metadata: answered here, never over the network.
      fetch: (async (url: string | URL) => {
        if (String(url) !== this.authorizationServerMetadata().jwks_uri) throw new Error('no network from the issuer service');
        return new Response(jwks, { headers: { 'content-type': 'application/jwk-set+json' } });
      }) as typeof fetch,
    };
    this.#as = new Oauth2AuthorizationServer({ callbacks });
    this.#rs = new Oauth2ResourceServer({ callbacks });
    this.#vci = new Openid4vciIssuer({ callbacks });
  }

  get credentialIssuer(): string {
    return this.#issuer.baseUrl;
  }

  authorizationServerMetadata(): AuthorizationServerMetadata {
    const base = this.credentialIssuer;
    return this.#as.createAuthorizationServerMetadata({
      issuer: base,
      token_endpoint: `${base}/oid4vci/token`,
      jwks_uri: `${base}/oid4vci/jwks.json`,
      grant_types_supported: [preAuthorizedCodeGrantIdentifier],
      'pre-authorized_grant_anonymous_access_supported': true,
      dpop_signing_alg_values_supported: ['EdDSA', 'ES256'],
    } as AuthorizationServerMetadata);
  }

  credentialIssuerMetadata() {
    const base = this.credentialIssuer;
    return this.#vci.createCredentialIssuerMetadata({
      credential_issuer: base,
      authorization_servers: [base],
      credential_endpoint: `${base}/oid4vci/credential`,
      nonce_endpoint: `${base}/oid4vci/nonce`,
      display: [{ name: 'Corridor skill credentials', locale: 'en' }],
      credential_configurations_supported: {
        [CREDENTIAL_CONFIGURATION_ID]: {
          format: 'ldp_vc',
          credential_definition: { '@context': [...CREDENTIAL_CONTEXTS], type: ['VerifiableCredential', 'OpenBadgeCredential'] },
          cryptographic_binding_methods_supported: ['did:key', 'jwk'],
          credential_signing_alg_values_supported: ['eddsa-rdfc-2022'],
          proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['EdDSA'] } },
          credential_metadata: { display: [{ name: 'Skill credential (Open Badges 3.0)', locale: 'en' }] },
        },
      },
    } as never);
  }

  #issuerMetadata(): IssuerMetadataResult {
    const credentialIssuer = this.credentialIssuerMetadata();
    return {
      credentialIssuer, authorizationServers: [this.authorizationServerMetadata()], originalDraftVersion: Openid4vciDraftVersion.V1,
      knownCredentialConfigurations: this.#vci.getKnownCredentialConfigurationsSupported(credentialIssuer),
    } as IssuerMetadataResult;
  }

  jwks(): { keys: Jwk[] } {
    return { keys: [this.#tokenJwk] };
  }

  /** A new offer for a credential issued here: a one-time pre-authorized code and a PIN, `days` valid. */
  async createOffer(options: { credentialId: string; clientId: string; days?: number }): Promise<CredentialOffer> {
    const days = options.days ?? OFFER_DAYS;
    if (!Number.isSafeInteger(days) || days < 1 || days > 90) throw new CorridorError('ERR_INPUT_INVALID', 'an offer lasts 1..90 days');
    const row = this.#store.credential(options.credentialId);
    if (!row) throw new CorridorError('ERR_NOT_FOUND', 'no credential with this id was issued here');
    if (row.state === 'revoked') throw new CorridorError('ERR_CREDENTIAL_REVOKED', 'this credential is revoked: it is offered to no wallet');
    if ((JSON.parse(row.json) as SkillCredential).issuer.id !== this.#issuer.did) {
      throw new CorridorError('ERR_KEY_INVALID', 'this credential was signed with a retired key; issue it again to offer it to a wallet');
    }
    const now = this.#now();
    const code = randomBytes(32).toString('base64url');
    const pin = String(randomInt(0, 10 ** PIN_LENGTH)).padStart(PIN_LENGTH, '0');
    const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
    const { credentialOffer } = await this.#vci.createCredentialOffer({
      issuerMetadata: this.#issuerMetadata(),
      credentialConfigurationIds: [CREDENTIAL_CONFIGURATION_ID],
      grants: {
        [preAuthorizedCodeGrantIdentifier]: {
          'pre-authorized_code': code,
          tx_code: { input_mode: 'numeric', length: PIN_LENGTH, description: 'The PIN the training centre gave you' },
        },
      },
      credentialOfferScheme: 'openid-credential-offer://',
    });
    this.#store.addOffer({ codeHash: sha256(code), pinHash: pinHash(code, pin), credentialId: row.id, clientId: options.clientId, createdAt: now.toISOString(), expiresAt });
    return { uri: credentialOffer, pin, expiresAt };
  }

  /** A fresh c_nonce for a proof of possession: used once, within 5 minutes. */
  nonce(): { c_nonce: string; c_nonce_expires_in: number } {
    const nonce = randomBytes(24).toString('base64url');
    this.#store.addNonce(sha256(nonce), new Date(this.#now().getTime() + NONCE_SECONDS * 1000).toISOString());
    return this.#vci.createNonceResponse({ cNonce: nonce, cNonceExpiresIn: NONCE_SECONDS }) as { c_nonce: string; c_nonce_expires_in: number };
  }

  /** The token endpoint: the pre-authorized code and PIN, once, for a 5-minute access token. */
  async token(request: ProtocolRequest): Promise<Record<string, unknown>> {
    try {
      const http = requestLike(request);
      const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
      const parsed = this.#as.parseAccessTokenRequest({ accessTokenRequest: body, request: http });
      if (parsed.grant.grantType !== preAuthorizedCodeGrantIdentifier) refuse('unsupported_grant_type', 'only the pre-authorized code grant is offered here');
      const grant = parsed.grant as { grantType: string; preAuthorizedCode: string; txCode?: string };
      const now = this.#now();
      // The message (its shape, any DPoP proof) is checked before the offer is touched: a bad request burns nothing.
      const { dpop } = await this.#as.verifyPreAuthorizedCodeAccessTokenRequest({
        authorizationServerMetadata: this.authorizationServerMetadata(), grant: parsed.grant as never, accessTokenRequest: parsed.accessTokenRequest, request: http,
        expectedPreAuthorizedCode: grant.preAuthorizedCode, ...(grant.txCode !== undefined ? { expectedTxCode: grant.txCode } : {}),
        dpop: { required: false, ...parsed.dpop }, clientAttestation: { required: false, ...parsed.clientAttestation }, now,
      });
      const tokenId = randomUUID();
      const pinMatches = (stored: string) => grant.txCode !== undefined && timingSafeEqual(Buffer.from(stored), Buffer.from(pinHash(grant.preAuthorizedCode, grant.txCode)));
      const redeemed = this.#store.redeemOffer(sha256(grant.preAuthorizedCode), pinMatches, tokenId, now.toISOString(), MAX_PIN_FAILURES);
      // One answer for unknown, used, expired and locked offers: the code tells nothing about why.
      if (redeemed === undefined) refuse('invalid_grant', 'this offer is unknown, used or expired; ask the centre for a new one', 'ERR_NOT_FOUND');
      if (redeemed === 'wrong-pin') refuse('invalid_grant', 'wrong PIN (transaction code)', 'ERR_UNAUTHENTICATED');
      const { c_nonce: cNonce } = this.nonce();
      return await this.#as.createAccessTokenResponse({
        audience: this.credentialIssuer, authorizationServer: this.credentialIssuer, subject: tokenId, expiresInSeconds: TOKEN_SECONDS,
        signer: { method: 'jwk', alg: 'EdDSA', publicJwk: this.#tokenJwk }, ...(dpop ? { dpop } : {}),
        cNonce, cNonceExpiresIn: NONCE_SECONDS, now,
      }) as Record<string, unknown>;
    } catch (error) {
      throw asRefusal(error);
    }
  }

  /** The credential endpoint: one credential per token, bound to the key the proof of possession holds. */
  async credential(request: ProtocolRequest): Promise<Record<string, unknown>> {
    try {
      const http = requestLike(request);
      const now = this.#now();
      const { tokenPayload } = await this.#rs.verifyResourceRequest({
        authorizationServers: [this.authorizationServerMetadata()], request: http, resourceServer: this.credentialIssuer,
        allowedAuthenticationSchemes: [SupportedAuthenticationScheme.Bearer, SupportedAuthenticationScheme.DPoP], now,
      });
      const tokenId = tokenPayload.sub;
      const offer = typeof tokenId === 'string' ? this.#store.offerForToken(tokenId) : undefined;
      if (!offer) throw new Oid4vciRefusal(401, 'invalid_token', 'this access token has fetched its credential already', 'ERR_UNAUTHENTICATED', 'Bearer error="invalid_token"');
      const issuerMetadata = this.#issuerMetadata();
      const parsed = this.#vci.parseCredentialRequest({ issuerMetadata, credentialRequest: (request.body ?? {}) as Record<string, unknown> });
      const forOurs = parsed.credentialConfigurationId === CREDENTIAL_CONFIGURATION_ID || parsed.format?.format === 'ldp_vc';
      if (!forOurs) refuse('unsupported_credential_type', `this issuer offers ${CREDENTIAL_CONFIGURATION_ID} (ldp_vc) only`);
      const jwts = parsed.proofs?.jwt;
      if (!jwts || jwts.length !== 1) refuse('invalid_proof', 'send one proof of possession of type jwt', 'ERR_SIGNATURE_INVALID');
      const jwt = jwts![0]!;
      let nonce: unknown;
      try {
        nonce = decodeJwt(jwt).nonce;
      } catch {
        refuse('invalid_proof', 'the proof is not a JWT', 'ERR_SIGNATURE_INVALID');
      }
      if (typeof nonce !== 'string' || !this.#store.consumeNonce(sha256(nonce), now.toISOString())) {
        refuse('invalid_nonce', 'the proof does not carry a fresh nonce from this issuer; ask for a new one', 'ERR_SIGNATURE_INVALID');
      }
      const { signer } = await this.#vci.verifyCredentialRequestJwtProof({ issuerMetadata, jwt, expectedNonce: nonce as string, now });
      const holder = holderOf(signer as { method: string; didUrl?: string; publicJwk?: Record<string, unknown> });
      const credential = await this.#bind(offer.credentialId, holder, now);
      if (!this.#store.completeOffer(tokenId!, holder, credential.id, now.toISOString())) {
        throw new Oid4vciRefusal(401, 'invalid_token', 'this access token has fetched its credential already', 'ERR_UNAUTHENTICATED', 'Bearer error="invalid_token"');
      }
      return this.#vci.createCredentialResponse({ credentials: [{ credential }], credentialRequest: parsed } as never) as Record<string, unknown>;
    } catch (error) {
      throw asRefusal(error);
    }
  }

  /** The paper credential's claims, signed afresh for `holder` under a new id (see the file comment). */
  async #bind(credentialId: string, holder: string, now: Date): Promise<SkillCredential> {
    const row = this.#store.credential(credentialId);
    if (!row) refuse('credential_request_denied', 'the credential of this offer is gone', 'ERR_NOT_FOUND');
    if (row!.state === 'revoked') refuse('credential_request_denied', 'this credential is revoked', 'ERR_CREDENTIAL_REVOKED');
    const { proof: _proof, ...paper } = JSON.parse(row!.json) as SkillCredential & { proof?: unknown };
    const subject = paper.credentialSubject as unknown as Record<string, unknown>;
    // A credential issued to a wallet did already goes only to that wallet.
    if (subject.id !== undefined && subject.id !== holder) refuse('credential_request_denied', 'this credential names another holder', 'ERR_HOLDER_MISMATCH');
    // Signed by a key since rotated: its issuer did is no longer the one this centre signs with.
    if ((paper.issuer as { id?: string }).id !== this.#issuer.did) refuse('credential_request_denied', 'this credential was signed with a retired key; the centre must issue it again', 'ERR_KEY_INVALID');
    const { id: _id, ...rest } = subject;
    const unsigned = { ...paper, id: `urn:uuid:${randomUUID()}`, credentialSubject: { id: holder, ...rest } } as unknown as SkillCredential;
    return signCredential({ credential: unsigned, signer: this.#issuer.signingKey.signer, now });
  }
}

/** The holder a verified proof of possession names: an Ed25519 did:key, from its `kid` or its `jwk`. */
function holderOf(signer: { method: string; didUrl?: string; publicJwk?: Record<string, unknown> }): string {
  if (signer.method === 'did' && signer.didUrl) {
    try {
      return parseDidKey(signer.didUrl).did;
    } catch {
      refuse('invalid_proof', 'the proof must name an Ed25519 did:key', 'ERR_DID_UNRESOLVABLE');
    }
  }
  const did = signer.method === 'jwk' && signer.publicJwk ? jwkToDidKey(signer.publicJwk) : undefined;
  return did ?? refuse('invalid_proof', 'the proof must be signed by an Ed25519 key (did:key or jwk)', 'ERR_DID_UNRESOLVABLE');
}
