/**
 * The log's links (entries without bodies, see shared/log-chain.ts) as a verifier asks for them to
 * check that a new pack's log head extends the one it holds. Entries never change once written,
 * so each link is hashed once and kept (about 300 bytes per entry).
 */
import { CorridorError, type LogLink } from '@corridor/shared';
import { linkOf, type RegistryStore } from './store.js';

/** Most links one request may ask for; a longer gap is asked in ranges. */
export const MAX_LINKS = 100_000;
const PAGE = 1000;

export function createLogLinks(store: RegistryStore): (after: number, to: number) => LogLink[] {
  const links: LogLink[] = []; // links[i] is entry #i + 1
  return (after, to) => {
    const head = store.head().seq;
    if (!Number.isSafeInteger(after) || after < 0) throw new CorridorError('ERR_INPUT_INVALID', 'after must be a log sequence');
    if (!Number.isSafeInteger(to) || to < after) throw new CorridorError('ERR_INPUT_INVALID', 'to must be a log sequence, not before after');
    if (to - after > MAX_LINKS) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', `at most ${MAX_LINKS} links per request; ask in ranges`);
    if (to > head) throw new CorridorError('ERR_NOT_FOUND', `this log ends at #${head}`);
    while (links.length < to) {
      const page = store.log(links.length + 1, Math.min(PAGE, to - links.length));
      if (page.length === 0) throw new CorridorError('ERR_NOT_FOUND', `the log has no entry #${links.length + 1}`);
      for (const entry of page) {
        if (entry.seq !== links.length + 1) throw new CorridorError('ERR_REGISTRY_INCONSISTENT', `the log has no entry #${links.length + 1}`);
        links.push(linkOf(entry));
      }
    }
    return links.slice(after, to);
  };
}
