/**
 * Where each field of a Corridor credential goes in CBOR-LD, and how its value is written: the
 * term ids and value codecs @digitalbazaar/cborld derives from our fixed, `@protected` contexts,
 * written down once (and held to the library by cborld-fast.test.ts).
 */

/** How a value is written; each mirrors one of cborld's codecs for its JSON-LD term type. */
export type Codec =
  | { kind: 'url' } // `@id`-typed: URL table, then http(s) / urn:uuid / did:key compression
  | { kind: 'none' } // untyped string: the `none` table
  | { kind: 'text' } // typed with a type cborld has no codec for: as is
  | { kind: 'anyUri' } // typed xsd:anyURI (OB 3.0.3's https spelling): its own table, else as is
  | { kind: 'boolean' }
  | { kind: 'date' } // xsd:date
  | { kind: 'dateTime' } // xsd:dateTime
  | { kind: 'multibase' }
  | { kind: 'cryptosuite' }
  | { kind: 'term'; term: string; id: number } // a fixed value that is a term (types, proof purpose)
  | { kind: 'terms'; terms: [string, number][] } // a fixed array of terms
  | { kind: 'object'; fields: Schema }
  | { kind: 'objects'; fields: Schema; max: number };

export interface Field { id: number; codec: Codec; optional?: boolean }
export type Schema = Record<string, Field>;

const url: Codec = { kind: 'url' };
const none: Codec = { kind: 'none' };
const typed = (...terms: [string, number][]): Codec => ({ kind: 'terms', terms });

/** The type IRI of `targetUrl` in the OB 3.0.3 context. */
export const ANY_URI_TYPE = 'https://www.w3.org/2001/XMLSchema#anyURI';

// Term ids as cborld assigns them for this document shape (in the order it loads our contexts:
// VC 2.0, OB 3.0.3, then each type-scoped context as it first meets the type). A term id is
// even; the odd id after it is the same term with an array value.
const ALIGNMENT: Schema = {
  type: { id: 157, codec: typed(['Alignment', 168]) },
  targetCode: { id: 294, codec: none },
  targetFramework: { id: 298, codec: none },
  targetName: { id: 300, codec: none },
  targetUrl: { id: 304, codec: { kind: 'anyUri' }, optional: true },
};

/**
 * The credential's fields. The Alignment context loads (with six new terms) only when there is
 * an alignment, before the IdentityObject, Result and proof contexts: their terms come out 12
 * higher then.
 */
function credentialSchema(alignments: boolean): Schema {
  const later = alignments ? 12 : 0;
  const achievement: Schema = {
    description: { id: 130, codec: none },
    id: { id: 140, codec: url },
    name: { id: 150, codec: none },
    type: { id: 157, codec: typed(['Achievement', 160]) },
    alignment: { id: 199, codec: { kind: 'objects', fields: ALIGNMENT, max: 20 } },
    achievementType: { id: 270, codec: none },
    criteria: { id: 276, codec: { kind: 'object', fields: { narrative: { id: 208, codec: none } } } },
  };
  return {
    id: { id: 140, codec: url },
    name: { id: 150, codec: none },
    type: { id: 157, codec: typed(['VerifiableCredential', 118], ['OpenBadgeCredential', 186]) },
    credentialStatus: {
      id: 216, codec: {
        kind: 'object', fields: {
          id: { id: 140, codec: url, optional: true },
          type: { id: 156, codec: { kind: 'term', term: 'BitstringStatusListEntry', id: 106 } },
          statusListCredential: { id: 238, codec: url },
          statusListIndex: { id: 240, codec: none },
          statusPurpose: { id: 244, codec: none },
        },
      },
    },
    credentialSubject: {
      id: 218, codec: {
        kind: 'object', fields: {
          id: { id: 140, codec: url, optional: true },
          name: { id: 150, codec: none },
          type: { id: 157, codec: typed(['AchievementSubject', 164]) },
          achievement: { id: 250, codec: { kind: 'object', fields: achievement } },
          activityEndDate: { id: 252, codec: { kind: 'text' } },
          identifier: {
            id: 259, codec: {
              kind: 'objects', max: 1, fields: {
                type: { id: 156, codec: { kind: 'term', term: 'IdentityObject', id: 182 } },
                hashed: { id: 294 + later, codec: { kind: 'boolean' } },
                identityHash: { id: 296 + later, codec: none },
                identityType: { id: 298 + later, codec: none },
              },
            },
          },
          result: {
            id: 263, codec: {
              kind: 'objects', max: 1, fields: {
                type: { id: 157, codec: typed(['Result', 192]) },
                value: { id: 306 + later, codec: none },
              },
            },
          },
        },
      },
    },
    issuer: {
      id: 222, codec: {
        kind: 'object', fields: {
          id: { id: 140, codec: url },
          name: { id: 150, codec: none },
          type: { id: 157, codec: typed(['Profile', 188]) },
        },
      },
    },
    proof: {
      id: 224, optional: true, codec: {
        kind: 'object', fields: {
          type: { id: 156, codec: { kind: 'term', term: 'DataIntegrityProof', id: 108 } },
          created: { id: 336 + later, codec: { kind: 'dateTime' } },
          cryptosuite: { id: 338 + later, codec: { kind: 'cryptosuite' } },
          proofPurpose: { id: 348 + later, codec: { kind: 'term', term: 'assertionMethod', id: 354 + later } },
          proofValue: { id: 350 + later, codec: { kind: 'multibase' } },
          verificationMethod: { id: 352 + later, codec: url },
        },
      },
    },
    validFrom: { id: 234, codec: { kind: 'dateTime' } },
    validUntil: { id: 236, codec: { kind: 'dateTime' }, optional: true },
  };
}
export const CREDENTIAL = { withAlignments: credentialSchema(true), withoutAlignments: credentialSchema(false) };
/** Where the decoder looks to tell the two apart: credentialSubject → achievement → alignment. */
export const ALIGNMENT_PATH = [218, 250, 199] as const;

/** `@context`, plural (an array), is term id 1. */
export const CONTEXT_PLURAL = 1;
