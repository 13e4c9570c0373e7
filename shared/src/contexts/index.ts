import { BUNDLED_CONTEXTS } from './bundled.js';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const DATA_INTEGRITY_V2_CONTEXT = 'https://w3id.org/security/data-integrity/v2';
export const MULTIKEY_V1_CONTEXT_URL = 'https://w3id.org/security/multikey/v1';
export const BITSTRING_STATUS_LIST_CONTEXT = 'https://www.w3.org/ns/credentials/status/v1';
export const CORRIDOR_V1_CONTEXT = 'https://w3id.org/corridor/v1';

/**
 * The contexts of a Corridor skill credential, in order: only what any VC 2.0 / OB 3.0 verifier
 * bundles, so none of them has to fetch anything to check a signature.
 */
export const CREDENTIAL_CONTEXTS = [VC_V2_CONTEXT, OB_V3_CONTEXT] as const;
/** The OB 3.0 identity type (an `ext:` extension, as OB 3.0 allows) of the holder's birth date. */
export const BIRTH_DATE_IDENTITY_TYPE = 'ext:birthDate';

/** Those of the shape issued before (with Corridor's own context): verified, never issued. */
export const LEGACY_CREDENTIAL_CONTEXTS = [VC_V2_CONTEXT, OB_V3_CONTEXT, CORRIDOR_V1_CONTEXT] as const;


export { BUNDLED_CONTEXTS };
