/**
 * The one error class of Corridor, and the closed list of its stable codes.
 * A code, once shipped, is never renamed or reused. Messages never carry personal data
 * or key material: they describe the problem, not the person.
 */
export const ERROR_CODES = {
  ERR_INPUT_INVALID: 'The input is malformed or missing a required field.',
  ERR_PAYLOAD_TOO_LARGE: 'The input is larger than the configured limit.',
  ERR_CREDENTIAL_MALFORMED: 'The credential does not have the shape of a Corridor skill credential.',
  ERR_PROOF_MISSING: 'The credential carries no eddsa-rdfc-2022 proof.',
  ERR_SIGNATURE_INVALID: 'The signature does not match the credential: it was altered or signed by another key.',
  ERR_CONTEXT_UNKNOWN: 'A JSON-LD context or document is not bundled; nothing is fetched from the network.',
  ERR_DID_UNRESOLVABLE: 'The DID cannot be resolved offline (only did:key is supported).',
  ERR_KEY_INVALID: 'A key is malformed or of an unsupported type.',
  ERR_ISSUER_UNKNOWN: 'The issuer has no accreditation in the trust pack.',
  ERR_ISSUER_NOT_ACCREDITED: 'The issuer is not accredited for this qualification.',
  ERR_ACCREDITATION_NOT_IN_FORCE: 'The issuer was not accredited on the date the credential was issued.',
  ERR_CREDENTIAL_NOT_YET_VALID: 'The credential is not valid yet (validFrom is in the future).',
  ERR_CREDENTIAL_EXPIRED: 'The credential has expired (validUntil has passed).',
  ERR_CREDENTIAL_REVOKED: 'The issuer has revoked the credential.',
  ERR_CREDENTIAL_SUSPENDED: 'The issuer has suspended the credential.',
  ERR_STATUS_UNAVAILABLE: "The credential's status list is not in the trust pack, so revocation cannot be checked.",
  ERR_STATUS_STALE: 'The status information is older than the freshness policy allows.',
  ERR_QUALIFICATION_UNKNOWN: 'The qualification is not in the registry.',
  ERR_RECOGNITION_NONE: 'No equivalence mapping in force for this destination country and purpose.',
  ERR_RECORD_INVALID: 'A registry record is malformed.',
  ERR_RECORD_SIGNATURE_INVALID: "A registry record's signature does not verify.",
  ERR_SIGNER_NOT_AUTHORIZED: 'The key that signed this record may not make it.',
  ERR_TRUST_PACK_INVALID: 'The trust pack is malformed or its signature does not verify.',
  ERR_TRUST_PACK_ROLLBACK: 'The trust pack is older than the one already held.',
  ERR_QR_INVALID: 'The QR payload is not a Corridor credential (wrong prefix, version or encoding).',
  ERR_QR_NOT_FOUND: 'No readable QR code was found in the image.',
  ERR_REQUEST_REPLAYED: 'The signed request was already used, or its time is outside the accepted window.',
  ERR_RATE_LIMITED: 'Too many requests from this key; retry later.',
  ERR_NOT_FOUND: 'The requested record does not exist.',
  ERR_CONFLICT: 'The request conflicts with the current state.',
  ERR_QUALIFICATION_WITHDRAWN: 'The qualification was withdrawn by its authority before the credential was issued.',
  ERR_KEY_COMPROMISED: 'The key that signed this was declared compromised: nothing it signed is trusted, whatever its date.',
  ERR_NAME_MISMATCH: "A name in the credential disagrees with the registry's record of the qualification or training body.",
  ERR_LOG_INCONSISTENT: 'The registry log does not extend the one seen before: its history was forked or rewritten.',
  ERR_REGISTRY_INCONSISTENT: "The registry's tables do not match its signed log.",
  ERR_TRUST_NOT_CONFIGURED: 'No registry operator key or root authority is configured for this verifier.',
  ERR_HOLDER_MISMATCH: 'A credential in the presentation is about another person than the skill credential.',
  ERR_UNAUTHENTICATED: 'The request carries no valid access token.',
  ERR_FORBIDDEN: 'The access token does not allow this request.',
  ERR_TIMEOUT: 'The request took longer than this service allows.',
  ERR_INSECURE_TRANSPORT: 'Plain HTTP is refused off the loopback address: configure TLS.',
  ERR_PROPERTY_REFUSED: 'The issuer will not sign this property or value as asked (the problem\'s pointer names it); nothing was issued.',
  ERR_TRUST_PACK_OUTDATED: 'The QR code uses catalogue codes the trust pack held does not have yet: the credential is newer than the pack; sync.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

export class CorridorError extends Error {
  readonly code: ErrorCode;
  /** A JSON Pointer (RFC 6901) to the part of the request at fault, for the problem details. */
  readonly pointer?: string;
  constructor(code: ErrorCode, message: string = ERROR_CODES[code], options?: { cause?: unknown; pointer?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = 'CorridorError';
    if (options?.pointer !== undefined) this.pointer = options.pointer;
  }
}

export function isCorridorError(value: unknown): value is CorridorError {
  return value instanceof CorridorError;
}
