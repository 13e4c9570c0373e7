/**
 * The offline JSON-LD document loader. It answers from bundled contexts, did:key, and any
 * documents the caller adds (e.g. test vectors); every other URL is refused with a code,
 * so no verification path can reach the network. Documents are returned with
 * `tag: 'static'` so jsonld.js caches processed contexts instead of redoing them per call.
 */
import { BUNDLED_CONTEXTS } from './contexts/index.js';
import { resolveStandardDidKey } from './did-key.js';
import { CorridorError } from './errors.js';

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
  tag: 'static';
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

const bundled = new Map<string, unknown>(BUNDLED_CONTEXTS.map(({ url, document }) => [url, document]));

export function createDocumentLoader(options: { documents?: ReadonlyMap<string, unknown> } = {}): DocumentLoader {
  const documents = new Map(bundled);
  for (const [url, document] of options.documents ?? []) documents.set(url, document);
  return async (url: string) => {
    const document = documents.get(url);
    if (document !== undefined) return { contextUrl: null, documentUrl: url, document, tag: 'static' };
    if (typeof url === 'string' && url.startsWith('did:key:')) {
      // Ed25519, P-256 or P-384: which keys a proof may use is its cryptosuite's affair (proof.ts).
      return { contextUrl: null, documentUrl: url, document: await resolveStandardDidKey(url), tag: 'static' };
    }
    // The URL is not personal data; it is shown so an operator can see what was missing.
    throw new CorridorError('ERR_CONTEXT_UNKNOWN', `document not bundled: ${String(url).slice(0, 200)}`);
  };
}

/** The default loader: bundled contexts and did:key only. */
export const documentLoader: DocumentLoader = createDocumentLoader();
