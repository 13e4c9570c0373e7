/**
 * What one language of the officer's tools holds: every word the CLI, the VC-API service and the
 * page show. The types make a missing translation a compile error; a language is one file plus
 * its line in index.ts.
 */
import type { ErrorCode } from '@corridor/shared';

export type VerdictName = 'valid' | 'invalid' | 'indeterminate';
export type CheckName = 'format' | 'proof' | 'issuer' | 'validity' | 'status' | 'recognition' | 'holder';
export type Purpose = 'employment' | 'further-study';
export type AssessmentRouteName = 'training' | 'recognition-of-prior-learning';

export interface Labels {
  title: string;
  /** The name of the list of languages (read out by screen readers). */
  languages: string;
  scan: string;
  stop: string;
  photo: string;
  pointCamera: string;
  reading: string;
  holder: string;
  born: string;
  comparePassport: string;
  qualification: string;
  /** How the worker was assessed competent: the credential's assessment route. */
  route: string;
  routes: Record<AssessmentRouteName, string>;
  issuedBy: string;
  validUntil: string;
  /** "In <country>": the country's name in this language, and its ISO 3166 code for languages whose grammar needs it. */
  inCountry: (country: string, code: string) => string;
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
  /** OpenID4VP: the page's button that asks the worker's wallet, and what the officer tells the worker. */
  askWallet: string;
  scanWallet: string;
}

/**
 * The officer's CLI (`corridor-verifier`): its usage and the failures it finds itself, each
 * language file's `cli` export (apart from its pack: the page never carries them). Option
 * names, commands, codes and file paths are given as they are typed, never translated. Scripts
 * rely on the exit status and the ERR_* codes, which every language keeps.
 */
export interface CliWords {
  /** `--help`; the command lines (`corridor-verifier sync --registry <url> …`) are given as typed. */
  help: (sync: string, status: string, serve: string, verify: string) => string;
  /** The first word of a usage error's line (exit 3). */
  usage: string;
  unknownOption: (option: string) => string;
  missingValue: (option: string) => string;
  noValue: (option: string) => string;
  unknownCommand: (command: string) => string;
  needsFile: string;
  required: (option: string) => string;
  languageOneOf: (languages: string) => string;
  purposeOneOf: string;
  countryCode: string;
  rootRequired: string;
  registryKey: string;
  maxAgeDays: string;
  publicUrl: string;
  wrongCountry: (pack: string, country: string) => string;
  credentialFile: string;
  trustPackFile: string;
  /** Why a file cannot be read: none, a directory, no permission, anything else. */
  reasons: Record<'missing' | 'directory' | 'denied' | 'unreadable', string>;
  cannotRead: (file: string, path: string, reason: string) => string;
  packNotJson: (path: string) => string;
  /**
   * The credential file read but no input at all: empty, starting like JSON but not parsing, none of
   * the kinds `verify` reads, a PNG, JPEG or PDF its reader cannot decode (`kind` as typed: PNG, JPEG, PDF).
   */
  notCredential: {
    empty: (path: string) => string;
    notJson: (path: string) => string;
    unknownKind: (path: string) => string;
    damaged: (path: string, kind: string) => string;
  };
  heldDamaged: string;
  noPackHeld: string;
  notConfigured: string;
  nothingHeld: string;
  registryUnavailable: (kept: string) => string;
  refusedAnswer: (kept: string) => string;
  keptPack: (sequence: string, date: string) => string;
  noPackYet: string;
  synced: (code: string, name: string, sequence: string, records: string, lists: string) => string;
  status: (code: string, name: string, sequence: string, date: string, days: string, records: string, lists: string, operator: string) => string;
  internal: string;
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
