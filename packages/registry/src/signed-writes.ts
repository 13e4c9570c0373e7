/**
 * Writes that arrive over the network: a signed request (see shared/signed-request.ts) whose
 * signer must be a registered authority that signed the record it carries, or the training body
 * whose status list it carries. Each request is usable once.
 */
import {
  CorridorError, openRequest, REQUEST_WINDOW_SECONDS, verifyJson,
  type AuthorityRecord, type StatusListCredential,
} from '@corridor/shared';
import type { Registry, SubmitResult } from './registry.js';

export interface SignedWriteResult {
  signer: string;
  result: SubmitResult;
}

export async function acceptSignedWrite(registry: Registry, jws: unknown, options: {
  now?: Date; windowSeconds?: number; beforeWrite?: (signer: string) => void;
} = {}): Promise<SignedWriteResult> {
  const { now = new Date(), windowSeconds = REQUEST_WINDOW_SECONDS } = options;
  const request = await openRequest(jws, { now, windowSeconds });
  options.beforeWrite?.(request.signer);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (!registry.store.rememberNonce(request.nonce, request.signer, nowSeconds, nowSeconds - 2 * windowSeconds)) {
    throw new CorridorError('ERR_REQUEST_REPLAYED', 'this signed request was already used; sign a new one');
  }
  if (request.action === 'push-status-list') {
    const issuer = (request.body as Partial<StatusListCredential> | null)?.issuer;
    if (issuer !== request.signer) throw new CorridorError('ERR_SIGNER_NOT_AUTHORIZED', 'a status list is pushed by its own issuer');
    return { signer: request.signer, result: await registry.pushStatusList(request.body) };
  }
  const authority = registry.list({ kind: 'authority', state: 'in-force' })
    .find((s) => (s.record as AuthorityRecord).did === request.signer);
  if (!authority) throw new CorridorError('ERR_SIGNER_NOT_AUTHORIZED', 'only registered authorities write records; the registry operator registers authorities');
  const { signers } = await verifyJson(request.body);
  if (!signers.includes(request.signer)) throw new CorridorError('ERR_SIGNER_NOT_AUTHORIZED', 'the request signer has not signed the record it submits');
  return { signer: request.signer, result: await registry.submit(request.body, { viaNetwork: true }) };
}
