/**
 * What one language of the officer's tools holds: every word the CLI, the VC-API service and the
 * page show. The types make a missing translation a compile error; a language is one file plus
 * its line in index.ts.
 */
import type { ErrorCode } from '@corridor/shared';

export type VerdictName = 'valid' | 'invalid' | 'indeterminate';
export type CheckName = 'format' | 'proof' | 'issuer' | 'validity' | 'status' | 'recognition' | 'holder';
export type Purpose = 'employment' | 'further-study';

export interface Labels {
  title: string;
  scan: string;
  stop: string;
  photo: string;
  pointCamera: string;
  reading: string;
  holder: string;
  born: string;
  comparePassport: string;
  qualification: string;
  issuedBy: string;
  validUntil: string;
  inCountry: (country: string) => string;
  as: string;
  met: string;
  toDo: string;
  checks: string;
  cannotRead: string;
  pack: (sequence: number, date: string, days: number) => string;
  offlineReady: string;
  loadingTrust: string;
  noTrust: string;
  cameraUnavailable: string;
  page: (n: number) => string;
  setupTitle: string;
  setupIntro: string;
  country: string;
  roots: string;
  operator: string;
  maxAge: (days: number) => string;
  offered: (sequence: number, date: string) => string;
  confirmSetup: string;
  setupNeeded: string;
  admin: string;
  pinnedTitle: string;
  resetHint: string;
  reset: string;
  trustRefused: string;
  heldInvalid: string;
  linkMatch: string;
  linkMismatch: string;
  trustRefusedNone: string;
  /** The CLI's first line, a little longer than the page's headline. */
  headlines: Record<VerdictName, string>;
  /** After a name the registry does not hold: only the credential's own claim. */
  unregistered: string;
  withdrawnOn: (date: string) => string;
  purposes: Record<Purpose, string>;
  forPurpose: (purpose: string) => string;
  checkNames: Record<CheckName, string>;
  /** What a check that passed established. */
  checkPassed: Record<CheckName, string>;
  /** The CLI's last line: the trust pack, checked offline. */
  packOffline: (sequence: number, date: string, days: number) => string;
  /** A PDF of many certificates: the count of pages, then one count per verdict. */
  summary: (pages: number) => string;
  short: Record<VerdictName | 'unreadable', string>;
  /** The page's warning, before scanning, that its trust list is too old for a green verdict. */
  staleList: (days: number) => string;
}

export interface LanguagePack<Code extends string = string> {
  code: Code;
  /** The language's own name, on its button. */
  name: string;
  rightToLeft?: boolean;
  verdicts: Record<VerdictName, string>;
  outcomes: Record<'full' | 'partial' | 'none', string>;
  messages: Record<ErrorCode, string>;
  labels: Labels;
}
