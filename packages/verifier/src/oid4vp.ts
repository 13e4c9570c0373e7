/**
 * OpenID for Verifiable Presentations 1.0, cross-device: the officer's page asks for a request,
 * shows it as a QR, the worker's wallet answers by `direct_post` to this service, the page reads
 * the answer and verifies it on the device. Messages are built, parsed and checked against the
 * request by @openid4vc/openid4vp; what is ours is the DCQL query, one answer per request, and
 * the verification (wallet-response.ts: nonce = challenge, client_id = domain).
 *
 * The query asks by type only (an Open Badges credential in ldp_vc, plus optional companions):
 * which qualification a credential holds and which conditions it meets is decided by the
 * verification pipeline against the trust pack, not by the credential's inner fields here.
 * Requests live in memory for 10 minutes: a restart ends only the ones being answered.
 */
import { randomBytes } from 'node:crypto';
import { Openid4vpVerifier } from '@openid4vc/openid4vp';
import { CorridorError, renderQr } from '@corridor/shared';
import type { PresentationResult } from './presentation.js';
import type { VerifyOptions } from './verify.js';
import { verifyWalletResponse } from './wallet-response.js';

export const REQUEST_SECONDS = 600;
const VC_TYPE = 'https://www.w3.org/2018/credentials#VerifiableCredential';
const OPEN_BADGE_TYPE = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential';
const MAX_OPEN_REQUESTS = 1000;

/** The credentials asked for: the skill credential, and any companions (language test, bridging course). */
export function dcqlQuery(withCompanions: boolean) {
  // DCQL asks for W3C types fully expanded (OBv3's AchievementCredential expands to the same IRI). Holder
  // binding is DCQL's default (require_cryptographic_holder_binding: true): left out, the QR is smaller.
  const badge = { format: 'ldp_vc', meta: { type_values: [[VC_TYPE, OPEN_BADGE_TYPE]] } };
  return {
    credentials: [
      { id: 'skill', ...badge },
      ...(withCompanions ? [{ id: 'companions', ...badge, multiple: true }] : []),
    ],
    ...(withCompanions ? { credential_sets: [{ options: [['skill']], required: true }, { options: [['companions']], required: false }] } : {}),
  };
}

interface Pending {
  id: string;
  state: string;
  payload: Record<string, unknown>;
  expiresAt: number;
  answer?: { presentations: unknown[]; result: PresentationResult };
}

export interface WalletRequest {
  /** The page polls `GET /oid4vp/requests/<id>` with it; the wallet never sees it. */
  id: string;
  /** `openid4vp://?…`: the QR's text. */
  uri: string;
  nonce: string;
  clientId: string;
  expiresAt: string;
  qrSvg: string;
}

export class Oid4vpRequests {
  readonly #pending = new Map<string, Pending>();
  readonly #byState = new Map<string, Pending>();
  readonly #verifier: Openid4vpVerifier;
  readonly #callbacks: Record<string, () => never>;
  readonly #now: () => Date;

  constructor(options: { now?: () => Date } = {}) {
    this.#now = options.now ?? (() => new Date());
    // Unsigned requests and plain direct_post answers: no JWT is signed, verified or decrypted.
    const unused = (): never => { throw new Error('not used by unsigned cross-device requests'); };
    this.#callbacks = { hash: unused, signJwt: unused, verifyJwt: unused, encryptJwe: unused, decryptJwe: unused };
    this.#verifier = new Openid4vpVerifier({ callbacks: this.#callbacks as never });
  }

  #sweep(): void {
    const now = this.#now().getTime();
    for (const [id, pending] of this.#pending) {
      if (pending.expiresAt <= now) {
        this.#pending.delete(id);
        this.#byState.delete(pending.state);
      }
    }
  }

  /**
   * A new request whose answers go to `<publicUrl>/oid4vp/response`. The page may choose the
   * nonce (it then checks the answer against its own nonce, not ours).
   */
  async create(options: { publicUrl: string; nonce?: string; companions?: boolean }): Promise<WalletRequest> {
    this.#sweep();
    if (this.#pending.size >= MAX_OPEN_REQUESTS) throw new CorridorError('ERR_RATE_LIMITED', 'too many open wallet requests; try again in a few minutes');
    if (options.nonce !== undefined && !/^[A-Za-z0-9_-]{22,128}$/.test(options.nonce)) throw new CorridorError('ERR_INPUT_INVALID', 'nonce must be 22..128 base64url characters');
    const responseUri = `${options.publicUrl.replace(/\/+$/, '')}/oid4vp/response`;
    const clientId = `redirect_uri:${responseUri}`;
    const nonce = options.nonce ?? randomBytes(24).toString('base64url');
    const state = randomBytes(24).toString('base64url');
    const { authorizationRequest, authorizationRequestPayload } = await this.#verifier.createOpenId4vpAuthorizationRequest({
      authorizationRequestPayload: {
        response_type: 'vp_token', response_mode: 'direct_post', client_id: clientId, response_uri: responseUri, nonce, state,
        dcql_query: dcqlQuery(options.companions ?? true),
        client_metadata: { vp_formats_supported: { ldp_vc: { proof_type_values: ['DataIntegrityProof'], cryptosuite_values: ['eddsa-rdfc-2022'] } } },
      } as never,
    });
    const expiresAt = this.#now().getTime() + REQUEST_SECONDS * 1000;
    const pending: Pending = { id: randomBytes(24).toString('base64url'), state, payload: authorizationRequestPayload as Record<string, unknown>, expiresAt };
    this.#pending.set(pending.id, pending);
    this.#byState.set(state, pending);
    return { id: pending.id, uri: authorizationRequest, nonce, clientId, expiresAt: new Date(expiresAt).toISOString(), qrSvg: renderQr(authorizationRequest).svg };
  }

  /** The wallet's `direct_post`: parsed and checked against its request, verified, kept for the page. Once per request. */
  async respond(body: Record<string, unknown>, verify: VerifyOptions): Promise<PresentationResult> {
    this.#sweep();
    const pending = typeof body.state === 'string' ? this.#byState.get(body.state) : undefined;
    if (!pending) throw new CorridorError('ERR_NOT_FOUND', 'no open request with this state (unknown or expired)');
    if (pending.answer) throw new CorridorError('ERR_REQUEST_REPLAYED', 'this request was answered already');
    let presentations: unknown[];
    try {
      const parsed = await this.#verifier.parseOpenid4vpAuthorizationResponse({ authorizationResponse: body, authorizationRequestPayload: pending.payload as never, callbacks: this.#callbacks as never });
      if (parsed.type !== 'dcql') throw new Error('not a DCQL response');
      presentations = Object.values(parsed.dcql.presentations).flat();
    } catch (cause) {
      throw new CorridorError('ERR_INPUT_INVALID', 'the response does not answer this request (vp_token by DCQL query id)', { cause });
    }
    const payload = pending.payload as { nonce: string; client_id: string };
    const result = await verifyWalletResponse(presentations, { ...verify, nonce: payload.nonce, clientId: payload.client_id });
    // Answered once, whatever the verdict: a second answer to the same request is a replay.
    pending.answer = { presentations, result };
    return result;
  }

  /** What the page reads: still waiting, or the presentations and the service's verdict on them. */
  status(id: string): { status: 'pending'; expiresAt: string } | { status: 'answered'; presentations: unknown[]; result: PresentationResult } {
    this.#sweep();
    const pending = this.#pending.get(id);
    if (!pending) throw new CorridorError('ERR_NOT_FOUND', 'no open request with this id (unknown or expired)');
    return pending.answer ? { status: 'answered', ...pending.answer } : { status: 'pending', expiresAt: new Date(pending.expiresAt).toISOString() };
  }
}
