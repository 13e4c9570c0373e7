/**
 * What a wallet answered to an OpenID4VP request, verified offline: each presentation (`ldp_vp`)
 * must carry its holder's proof over the request's nonce (challenge) and client_id (domain), all
 * by one key; every credential must name that key as its subject; then the usual presentation
 * pipeline (each credential against the pack, companions meeting the mapping's conditions, gap
 * closure). Free of the protocol library, so the officer's page runs the same code on the device.
 */
import { CorridorError, isObject } from '@corridor/shared';
import { holderCheck, MAX_CREDENTIALS_PER_PRESENTATION, verifySkillPresentation, type PresentationResult } from './presentation.js';
import type { Check, VerifyOptions } from './verify.js';

export interface WalletResponseOptions extends VerifyOptions {
  /** The request's nonce: each presentation's proof challenge. */
  nonce: string;
  /** The request's client_id: each presentation's proof domain. */
  clientId: string;
}

export async function verifyWalletResponse(presentations: unknown[], options: WalletResponseOptions): Promise<PresentationResult> {
  if (presentations.length === 0) throw new CorridorError('ERR_INPUT_INVALID', 'the wallet presented nothing');
  if (presentations.length > MAX_CREDENTIALS_PER_PRESENTATION) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'too many presentations');
  // Only Data Integrity presentations (ldp_vp): a JWT or anything else is not what was asked.
  if (!presentations.every(isObject)) throw new CorridorError('ERR_INPUT_INVALID', 'each presentation must be an ldp_vp (JSON object)');
  const checks = await Promise.all(presentations.map((vp) => holderCheck(vp, options.nonce, options.clientId)));
  const dids = new Set(checks.map((c) => c.did));
  const failed = checks.find((c) => !c.check.ok);
  const proven: { check: Check; did?: string } = failed ? { check: failed.check }
    : dids.size !== 1 ? { check: { id: 'holder', ok: false, code: 'ERR_HOLDER_MISMATCH', message: 'the presentations are signed by different wallets' } }
      : checks[0]!;
  const credentials = presentations.flatMap((vp) => {
    const held = (vp as Record<string, unknown>).verifiableCredential;
    return Array.isArray(held) ? held : held === undefined ? [] : [held];
  });
  if (credentials.length === 0) throw new CorridorError('ERR_INPUT_INVALID', 'the presentations hold no credential');
  const { nonce: _nonce, clientId: _clientId, ...verify } = options;
  return verifySkillPresentation({ type: ['VerifiablePresentation'], verifiableCredential: credentials }, { ...verify, proven });
}
