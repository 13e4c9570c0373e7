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

// Term ids as cborld assigns them for this document shape (in the order it loads our contexts).
const ALIGNMENT: Schema = {
  type: { id: 157, codec: typed(['Alignment', 168]) },
  targetCode: { id: 298, codec: none },
  targetFramework: { id: 302, codec: none },
  targetName: { id: 304, codec: none },
  targetUrl: { id: 308, codec: { kind: 'text' }, optional: true },
};
const ACHIEVEMENT: Schema = {
  description: { id: 130, codec: none },
  id: { id: 140, codec: url },
  name: { id: 150, codec: none },
  type: { id: 157, codec: typed(['Achievement', 160]) },
  alignment: { id: 199, codec: { kind: 'objects', fields: ALIGNMENT, max: 20 } },
  achievementType: { id: 274, codec: none },
  criteria: { id: 280, codec: { kind: 'object', fields: { narrative: { id: 208, codec: none } } } },
};
/**
 * The credential's fields. Term ids are handed out as contexts load, and the Alignment context
 * loads (with six new terms) only when there is an alignment: the proof's terms, which load
 * later, come out 12 higher then.
 */
function credentialSchema(alignments: boolean): Schema {
  const later = alignments ? 12 : 0;
  return {
    id: { id: 140, codec: url },
    name: { id: 150, codec: none },
    type: { id: 157, codec: typed(['VerifiableCredential', 118], ['OpenBadgeCredential', 186]) },
    credentialStatus: {
      id: 220, codec: {
        kind: 'object', fields: {
          id: { id: 140, codec: url, optional: true },
          type: { id: 156, codec: { kind: 'term', term: 'BitstringStatusListEntry', id: 106 } },
          statusListCredential: { id: 242, codec: url },
          statusListIndex: { id: 244, codec: none },
          statusPurpose: { id: 248, codec: none },
        },
      },
    },
    credentialSubject: {
      id: 222, codec: {
        kind: 'object', fields: {
          id: { id: 140, codec: url, optional: true },
          name: { id: 150, codec: none },
          type: { id: 157, codec: typed(['AchievementSubject', 164]) },
          assessmentRoute: { id: 212, codec: none },
          birthDate: { id: 214, codec: { kind: 'date' } },
          achievement: { id: 254, codec: { kind: 'object', fields: ACHIEVEMENT } },
          activityEndDate: { id: 256, codec: { kind: 'text' } },
        },
      },
    },
    issuer: {
      id: 226, codec: {
        kind: 'object', fields: {
          id: { id: 140, codec: url },
          name: { id: 150, codec: none },
          type: { id: 157, codec: typed(['Profile', 188]) },
        },
      },
    },
    proof: {
      id: 228, optional: true, codec: {
        kind: 'object', fields: {
          type: { id: 156, codec: { kind: 'term', term: 'DataIntegrityProof', id: 108 } },
          created: { id: 326 + later, codec: { kind: 'dateTime' } },
          cryptosuite: { id: 328 + later, codec: { kind: 'cryptosuite' } },
          proofPurpose: { id: 338 + later, codec: { kind: 'term', term: 'assertionMethod', id: 344 + later } },
          proofValue: { id: 340 + later, codec: { kind: 'multibase' } },
          verificationMethod: { id: 342 + later, codec: url },
        },
      },
    },
    validFrom: { id: 238, codec: { kind: 'dateTime' } },
    validUntil: { id: 240, codec: { kind: 'dateTime' }, optional: true },
  };
}
export const CREDENTIAL = { withAlignments: credentialSchema(true), withoutAlignments: credentialSchema(false) };

/** `@context`, plural (an array), is term id 1. */
export const CONTEXT_PLURAL = 1;
