/**
 * "Ask the worker's wallet" (OpenID4VP, cross-device): the page picks the nonce, the verifier
 * service makes the request around it, the page draws the QR itself from the request it checked,
 * the wallet answers to the service, and the page fetches the answer and verifies it here, on the
 * device, against the trust list it holds — the service's own verdict is never shown. An answer
 * the service altered or took from another request fails: its proofs cover this page's nonce and
 * the client_id this page displayed.
 */
import { create as createQr } from 'qrcode/lib/core/qrcode.js';
import { CorridorError, encodeBase64url, qrSymbolSvg, type TrustIndex } from '@corridor/shared';
import { LABELS, type Language } from '../src/messages.js';
import type { PresentationResult } from '../src/presentation.js';
import type { VerificationResult } from '../src/verify.js';
import { verifyWalletResponse } from '../src/wallet-response.js';

/** The request's QR symbol, made by `qrcode`'s core on the device (shared's renderer loads the package the Node way). */
function requestSymbol(uri: string): { version: number; size: number; modules: Uint8Array } {
  const qr = createQr(uri, { errorCorrectionLevel: 'M' });
  return { version: qr.version, size: qr.modules.size, modules: qr.modules.data };
}

const POLL_MS = 1500;

/** The presentation's verdict, shaped as one credential's result, so the page shows it as for a scanned QR. */
export function asShownResult(result: PresentationResult): VerificationResult {
  const main = result.credentials[result.primary]!;
  return {
    ...main, verdict: result.verdict, checks: [...(result.holder ? [result.holder] : []), ...main.checks],
    ...(result.recognition ? { recognition: result.recognition } : {}),
  };
}

/** The request the service made, checked: our nonce, an unsigned direct_post request to one response_uri. */
function checkRequest(uri: string, nonce: string): { clientId: string } {
  const params = new URL(uri).searchParams;
  const clientId = params.get('client_id') ?? '';
  const ok = uri.startsWith('openid4vp://') && params.get('nonce') === nonce && params.get('response_mode') === 'direct_post' &&
    clientId === `redirect_uri:${params.get('response_uri') ?? ''}` && /^redirect_uri:https?:\/\//.test(clientId);
  if (!ok) throw new CorridorError('ERR_INPUT_INVALID', 'the verifier service made another request than asked');
  return { clientId };
}

/**
 * Shows the request's QR in `slot` until the wallet answers (or `signal` aborts), then verifies
 * the answer on the device.
 */
export async function askWallet(options: {
  trust: TrustIndex; country: string; maxStatusAgeSeconds?: number; language: Language; slot: HTMLElement; signal: AbortSignal;
}): Promise<VerificationResult> {
  const nonce = encodeBase64url(crypto.getRandomValues(new Uint8Array(24)));
  const created = await fetch('/oid4vp/requests', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nonce }), signal: options.signal });
  if (created.status !== 201) throw new CorridorError('ERR_STATUS_UNAVAILABLE', 'the verifier service made no request');
  const request = await created.json() as { id: string; uri: string };
  if (typeof request.id !== 'string' || typeof request.uri !== 'string') throw new CorridorError('ERR_INPUT_INVALID', 'malformed request');
  const { clientId } = checkRequest(request.uri, nonce);

  const image = document.createElement('img');
  image.id = 'wallet-qr';
  image.alt = LABELS[options.language].scanWallet;
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSymbolSvg(requestSymbol(request.uri)))}`;
  const hint = Object.assign(document.createElement('p'), { textContent: LABELS[options.language].scanWallet });
  options.slot.replaceChildren(hint, image);
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      options.signal.throwIfAborted();
      const response = await fetch(`/oid4vp/requests/${encodeURIComponent(request.id)}`, { cache: 'no-store', signal: options.signal });
      if (response.status === 404) throw new CorridorError('ERR_TIMEOUT', 'the request expired before the wallet answered');
      const body = await response.json() as { status?: string; presentations?: unknown };
      if (body.status !== 'answered') continue;
      if (!Array.isArray(body.presentations)) throw new CorridorError('ERR_INPUT_INVALID', 'malformed answer');
      const result = await verifyWalletResponse(body.presentations, {
        trust: options.trust, country: options.country, nonce, clientId,
        ...(options.maxStatusAgeSeconds ? { maxStatusAgeSeconds: options.maxStatusAgeSeconds } : {}),
      });
      return asShownResult(result);
    }
  } finally {
    options.slot.replaceChildren();
  }
}
