/**
 * A centre's settings (name, base URL, accrediting authority) and the one rule that guards them:
 * every issued credential names a status list under the base URL, so once anything was issued
 * the base URL cannot move (a revocation published elsewhere would never reach a verifier, and the
 * revoked credential would keep verifying).
 */
import { CorridorError } from '@corridor/shared';
import type { IssuerStore } from './store.js';

export interface CentreSettings { name: string; baseUrl: string; authority: string }

/** Verifiers fetch status lists over https only. */
export function checkBaseUrl(baseUrl: string): void {
  if (!/^https:\/\/[^\s/?#]+(\/\S*)?$/.test(baseUrl) || !URL.canParse(baseUrl)) throw new CorridorError('ERR_INPUT_INVALID', 'the base URL must be an https URL');
}

export function checkAuthority(authority: string): void {
  if (!authority.startsWith('did:key:')) throw new CorridorError('ERR_INPUT_INVALID', 'the authority must be a did:key');
}

/** True where `init` has run: a second init must not rewrite a centre. */
export function isInitialised(store: IssuerStore): boolean {
  return store.getMeta('baseUrl') !== undefined;
}

export function readSettings(store: IssuerStore): CentreSettings {
  return { name: store.getMeta('name') ?? '', baseUrl: store.getMeta('baseUrl') ?? '', authority: store.getMeta('authority') ?? '' };
}

/** Writes the settings given, in one transaction; ERR_CONFLICT if the base URL would move under issued credentials. */
export function changeSettings(store: IssuerStore, changes: Partial<CentreSettings>): CentreSettings {
  if (changes.baseUrl !== undefined) checkBaseUrl(changes.baseUrl);
  if (changes.authority !== undefined) checkAuthority(changes.authority);
  if (changes.name !== undefined && !changes.name.trim()) throw new CorridorError('ERR_INPUT_INVALID', 'the name must not be empty');
  store.transaction(() => {
    const current = store.getMeta('baseUrl');
    const trim = (url: string) => url.replace(/\/+$/, '');
    if (changes.baseUrl !== undefined && current !== undefined && trim(changes.baseUrl) !== trim(current) && store.hasIssued()) {
      throw new CorridorError('ERR_CONFLICT', 'credentials were issued under the current base URL (their status lists are published there); it cannot change');
    }
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) store.setMeta(key, value);
  });
  return readSettings(store);
}
