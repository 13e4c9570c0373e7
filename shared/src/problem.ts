/**
 * RFC 9457 problem details for Corridor's error codes: the one place an error code gets an HTTP
 * status. Data only; each service's http.ts sends it.
 */
import { CorridorError, ERROR_CODES, type ErrorCode } from './errors.js';

/** Exhaustive: adding an error code without an HTTP status fails to compile. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  ERR_INPUT_INVALID: 400, ERR_PAYLOAD_TOO_LARGE: 413, ERR_CREDENTIAL_MALFORMED: 400, ERR_PROOF_MISSING: 400,
  ERR_SIGNATURE_INVALID: 422, ERR_CONTEXT_UNKNOWN: 422, ERR_DID_UNRESOLVABLE: 422, ERR_KEY_INVALID: 400,
  ERR_ISSUER_UNKNOWN: 403, ERR_ISSUER_NOT_ACCREDITED: 422, ERR_ACCREDITATION_NOT_IN_FORCE: 422,
  ERR_CREDENTIAL_NOT_YET_VALID: 422, ERR_CREDENTIAL_EXPIRED: 422, ERR_CREDENTIAL_REVOKED: 422, ERR_CREDENTIAL_SUSPENDED: 422,
  ERR_STATUS_UNAVAILABLE: 422, ERR_STATUS_STALE: 422, ERR_QUALIFICATION_UNKNOWN: 422, ERR_RECOGNITION_NONE: 422,
  ERR_RECORD_INVALID: 422, ERR_RECORD_SIGNATURE_INVALID: 401, ERR_SIGNER_NOT_AUTHORIZED: 403,
  ERR_TRUST_PACK_INVALID: 422, ERR_TRUST_PACK_ROLLBACK: 409, ERR_QR_INVALID: 400, ERR_QR_NOT_FOUND: 400,
  ERR_REQUEST_REPLAYED: 409, ERR_RATE_LIMITED: 429, ERR_NOT_FOUND: 404, ERR_CONFLICT: 409,
  ERR_QUALIFICATION_WITHDRAWN: 422, ERR_KEY_COMPROMISED: 422, ERR_NAME_MISMATCH: 422, ERR_LOG_INCONSISTENT: 409,
  ERR_REGISTRY_INCONSISTENT: 500, ERR_TRUST_NOT_CONFIGURED: 400, ERR_HOLDER_MISMATCH: 422, ERR_UNAUTHENTICATED: 401,
  ERR_FORBIDDEN: 403, ERR_TIMEOUT: 503, ERR_INSECURE_TRANSPORT: 400, ERR_PROPERTY_REFUSED: 422,
  ERR_TRUST_PACK_OUTDATED: 422,
};

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode | 'ERR_INTERNAL';
  instance: string;
  /** RFC 6901 JSON Pointer into the request body: the property a 422 refuses. */
  pointer?: string;
}

export function problemDetails(code: ErrorCode | 'ERR_INTERNAL', detail: string, instance: string): ProblemDetails {
  const status = code === 'ERR_INTERNAL' ? 500 : HTTP_STATUS[code];
  return {
    type: `urn:corridor:error:${code}`, title: code === 'ERR_INTERNAL' ? 'Internal error' : ERROR_CODES[code],
    status, detail, code, instance,
  };
}

/**
 * The problem for anything a request handler threw: a CorridorError keeps its code; body-parser
 * failures become input errors; anything else is a 500 that says nothing of its content.
 */
export function problemForError(error: unknown, instance: string): { body: ProblemDetails; internal: boolean } {
  const e = error as { type?: string } | null;
  if (e?.type === 'entity.too.large') return { body: problemDetails('ERR_PAYLOAD_TOO_LARGE', 'the body is larger than this service accepts', instance), internal: false };
  if (e?.type === 'entity.parse.failed' || e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') {
    return { body: problemDetails('ERR_INPUT_INVALID', 'the body is not valid JSON', instance), internal: false };
  }
  if (error instanceof CorridorError) {
    return { body: { ...problemDetails(error.code, error.message, instance), ...(error.pointer !== undefined ? { pointer: error.pointer } : {}) }, internal: false };
  }
  return { body: problemDetails('ERR_INTERNAL', 'the service could not handle this request', instance), internal: true };
}
