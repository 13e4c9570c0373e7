/**
 * OpenID4VCI refusals: the protocol's `error` and HTTP status with the Corridor code every error
 * carries; what the libraries throw is mapped here (their descriptions name no worker and no key).
 */
import { Oauth2Error, Oauth2ResourceUnauthorizedError, Oauth2ServerErrorResponseError } from '@openid4vc/oauth2';
import { CorridorError, type ErrorCode } from '@corridor/shared';

/** A refusal in the protocol's terms (`error`, status) with the Corridor code every error carries. */
export class Oid4vciRefusal extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly code: ErrorCode,
    readonly wwwAuthenticate?: string,
  ) {
    super(description);
  }
}

export const refuse = (error: string, description: string, code: ErrorCode = 'ERR_INPUT_INVALID', status = 400): never => {
  throw new Oid4vciRefusal(status, error, description, code);
};

/** Library errors become refusals; names and keys never reach the message (the library's descriptions hold neither). */
export function asRefusal(error: unknown): unknown {
  if (error instanceof Oid4vciRefusal || error instanceof CorridorError) return error;
  if (error instanceof Oauth2ResourceUnauthorizedError) {
    const first = error.wwwAuthenticateHeaders[0];
    return new Oid4vciRefusal(401, first?.error ?? 'invalid_token', first?.error_description ?? 'send a valid access token', 'ERR_UNAUTHENTICATED', error.toHeaderValue());
  }
  if (error instanceof Oauth2ServerErrorResponseError) {
    const { error: code, error_description: description } = error.errorResponse;
    return new Oid4vciRefusal(error.status, code, description ?? code, code === 'invalid_proof' || code === 'invalid_nonce' ? 'ERR_SIGNATURE_INVALID' : 'ERR_INPUT_INVALID');
  }
  if (error instanceof Oauth2Error || (error as Error)?.name === 'ValidationError') {
    return new Oid4vciRefusal(400, 'invalid_request', 'the request is not a valid OpenID4VCI message', 'ERR_INPUT_INVALID');
  }
  return error;
}

