/**
 * The registry log's hash chain, shared by the registry (which writes it) and the verifier (which
 * checks that a new pack's log extends the head it accepted before, as RFC 9162's consistency
 * proofs do for a Merkle tree). A link is an entry without its body, only the body's hash: enough
 * to recompute the chain, and nothing the verifier has to trust.
 */
import { CorridorError } from './errors.js';
import { sha256Hex } from './canonical-json.js';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface LogHead {
  seq: number;
  hash: string;
}

/** One log entry as the chain sees it. */
export interface LogLink {
  seq: number;
  kind: string;
  recordId: string;
  version: number;
  contentHash: string;
  /** Hex sha256 of the entry's body (the accepted JWS or status-list credential as JSON text). */
  bodyHash: string;
  acceptedAt: string;
}

/** The hash of an entry chained to the one before: change any field and every later hash breaks. */
export function chainLink(prevHash: string, link: LogLink): string {
  return sha256Hex([prevHash, link.seq, link.kind, link.recordId, link.version, link.contentHash, link.bodyHash, link.acceptedAt].join('\n'));
}

/**
 * Checks that `to` extends `from`: the links are exactly the entries from.seq + 1 to to.seq, and
 * chaining them from `from.hash` gives `to.hash`. Throws ERR_LOG_INCONSISTENT otherwise.
 */
export function verifyLogExtension(from: LogHead, to: LogHead, links: readonly LogLink[]): void {
  const fail = (why: string): never => {
    throw new CorridorError('ERR_LOG_INCONSISTENT', `the registry log does not extend the head held (#${from.seq}): ${why}`);
  };
  if (to.seq < from.seq) fail(`the new head #${to.seq} is older`);
  if (links.length !== to.seq - from.seq) fail(`expected ${to.seq - from.seq} entries, got ${links.length}`);
  let hash = from.hash;
  links.forEach((link, i) => {
    if (link.seq !== from.seq + i + 1) fail(`entry ${i} is #${link.seq}, expected #${from.seq + i + 1}`);
    hash = chainLink(hash, link);
  });
  if (hash !== to.hash) fail(`the entries chain to another head than #${to.seq}`);
}
