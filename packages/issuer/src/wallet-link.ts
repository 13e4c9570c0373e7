/**
 * How a worker takes their own credential into a wallet without a staff account: the centre
 * hands them a one-time code (on the certificate handout or read out at the desk) that opens
 * `GET /wallet/<code>` once, within 30 days by default. The code is 192 random bits, so it cannot
 * be guessed; only its SHA-256 is stored, so a copy of the database opens nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CorridorError, type SkillCredential } from '@corridor/shared';
import type { IssuerStore } from './store.js';

export const WALLET_LINK_DAYS = 30;

const hashCode = (code: string) => createHash('sha256').update(code).digest('base64url');

export interface WalletLink { code: string; url: string; expiresAt: string }

/** A new one-time code for a credential issued here, made by `clientId` (audited). */
export function createWalletLink(store: IssuerStore, options: { credentialId: string; clientId: string; baseUrl: string; days?: number; now?: Date }): WalletLink {
  const days = options.days ?? WALLET_LINK_DAYS;
  if (!Number.isSafeInteger(days) || days < 1 || days > 365) throw new CorridorError('ERR_INPUT_INVALID', 'a wallet link lasts 1..365 days');
  if (!store.credential(options.credentialId)) throw new CorridorError('ERR_NOT_FOUND', 'no credential with this id was issued here');
  const now = options.now ?? new Date();
  const code = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
  store.addWalletLink({ codeHash: hashCode(code), credentialId: options.credentialId, clientId: options.clientId, createdAt: now.toISOString(), expiresAt });
  return { code, url: `${options.baseUrl.replace(/\/+$/, '')}/wallet/${code}`, expiresAt };
}

/** The credential behind an unused, unexpired code, which is used up by this; else ERR_NOT_FOUND. */
export function redeemWalletLink(store: IssuerStore, code: string, now: Date = new Date()): SkillCredential {
  const row = /^[A-Za-z0-9_-]{16,64}$/.test(code) ? store.redeemWalletLink(hashCode(code), now.toISOString()) : undefined;
  // One answer for unknown, used and expired codes: the link tells nothing about why.
  if (!row) throw new CorridorError('ERR_NOT_FOUND', 'this download link is unknown, used or expired; ask the centre for a new one');
  return JSON.parse(row.json) as SkillCredential;
}
