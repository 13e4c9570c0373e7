import type { CliWords, LanguagePack } from './types.js';

/** "1 record", "2 records", "1.5 days" (a count as given, a number or its text). */
const count = (n: number | string, word: string) => `${n} ${word}${String(n) === '1' ? '' : 's'}`;

/** Countries whose English short name takes "the": "In the Philippines", "In the Netherlands". */
const ENGLISH_WITH_THE = new Set(['PH', 'NL', 'US', 'GB', 'AE', 'CD', 'CF', 'DO', 'BS', 'KM', 'MV', 'SC', 'MH', 'SB', 'VA', 'GM']);

export default {
  code: 'en', name: 'English',
  verdicts: { valid: 'VALID', invalid: 'NOT VALID — do not accept', indeterminate: 'CANNOT CONFIRM — check further' },
  outcomes: { full: 'Fully recognised', partial: 'Recognised with conditions', none: 'Not recognised' },
  messages: {
    ERR_INPUT_INVALID: 'This is not a credential this tool can read. Ask for the certificate or the credential file again.',
    ERR_PAYLOAD_TOO_LARGE: 'The file is too large to be a credential. Ask for the certificate itself.',
    ERR_CREDENTIAL_MALFORMED: 'The credential is not in the expected form. Do not accept it.',
    ERR_PROOF_MISSING: 'The credential has no signature. Do not accept it.',
    ERR_SIGNATURE_INVALID: 'The signature does not match: the credential was changed after it was issued, or it is forged. Do not accept it.',
    ERR_CONTEXT_UNKNOWN: 'The credential uses terms this tool does not know. Do not accept it.',
    ERR_DID_UNRESOLVABLE: 'The issuer cannot be identified offline. Do not accept it.',
    ERR_KEY_INVALID: 'The issuer key is not valid. Do not accept it.',
    ERR_ISSUER_UNKNOWN: 'The training centre is not accredited by any authority you trust. Do not accept it.',
    ERR_ISSUER_NOT_ACCREDITED: 'The training centre is accredited, but not for this qualification. Do not accept it.',
    ERR_ACCREDITATION_NOT_IN_FORCE: 'The training centre was not accredited on the date it issued this. Do not accept it.',
    ERR_CREDENTIAL_NOT_YET_VALID: 'The credential is dated in the future. Check the device clock; otherwise do not accept it.',
    ERR_CREDENTIAL_EXPIRED: 'The credential has expired. Ask for a current one.',
    ERR_CREDENTIAL_REVOKED: 'The training centre has cancelled (revoked) this credential. Do not accept it.',
    ERR_CREDENTIAL_SUSPENDED: 'The training centre has suspended this credential. Do not accept it for now.',
    ERR_STATUS_UNAVAILABLE: 'Whether it was cancelled cannot be checked: this device has no status for this issuer. Sync when you can.',
    ERR_STATUS_STALE: 'The data on this device is too old to confirm it was not cancelled. Sync, then check again.',
    ERR_QUALIFICATION_UNKNOWN: 'This qualification is not in the registry your device holds. Sync, then check again.',
    ERR_RECOGNITION_NONE: 'There is no agreed recognition of this qualification in your country for this purpose.',
    ERR_RECORD_INVALID: 'A registry record on this device is damaged. Sync again.',
    ERR_RECORD_SIGNATURE_INVALID: 'A registry record on this device has a bad signature. Sync again and report it.',
    ERR_SIGNER_NOT_AUTHORIZED: 'A registry record was signed by someone not allowed to. It was ignored.',
    ERR_TRUST_PACK_INVALID: 'The registry data on this device is damaged or not genuine. Sync again.',
    ERR_TRUST_PACK_ROLLBACK: 'Someone offered older registry data than this device has. It was refused.',
    ERR_QR_INVALID: 'This QR code is not a skills credential, or it is damaged. Scan again or ask for the file.',
    ERR_QR_NOT_FOUND: 'No QR code found in the picture. Hold the camera closer and keep it steady.',
    ERR_REQUEST_REPLAYED: 'The same request was sent twice. Try again.',
    ERR_RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
    ERR_NOT_FOUND: 'Not found.',
    ERR_CONFLICT: 'This conflicts with what is already recorded.',
    ERR_QUALIFICATION_WITHDRAWN: 'The qualification was withdrawn before this credential was issued. Do not accept it.',
    ERR_KEY_COMPROMISED: 'The key that signed this was reported stolen or lost. Do not accept it.',
    ERR_NAME_MISMATCH: 'The names on the credential do not match the registry. Do not accept it.',
    ERR_LOG_INCONSISTENT: 'Your trust list does not continue the registry history you had before. Do not rely on it; contact your administrator.',
    ERR_REGISTRY_INCONSISTENT: 'The registry\'s data does not match its signed log. Contact the registry operator.',
    ERR_TRUST_NOT_CONFIGURED: 'This verifier has no trusted registry key or authority configured. Contact your administrator.',
    ERR_HOLDER_MISMATCH: 'A supporting credential is about another person. It does not count.',
    ERR_UNAUTHENTICATED: 'Sign in first: the request has no valid access token.',
    ERR_FORBIDDEN: 'Your access does not allow this.',
    ERR_TIMEOUT: 'This took too long. Try again.',
    ERR_INSECURE_TRANSPORT: 'This service must use a secure connection (HTTPS).',
    ERR_PROPERTY_REFUSED: 'The issuer refused part of this request: nothing was issued. Correct the field it names.',
    ERR_TRUST_PACK_OUTDATED: 'This credential is newer than the trust list on this device. Sync, then check again.',
  },
  labels: {
    languages: 'Language', title: 'Skill credential check', scan: 'Scan with camera', stop: 'Stop camera', photo: 'Photo or PDF of the certificate',
    pointCamera: 'Point the camera at the QR code on the certificate.', reading: 'Checking…',
    holder: 'Holder', born: 'Born', comparePassport: 'Compare the name and birth date with the passport.',
    qualification: 'Qualification', issuedBy: 'Issued by', validUntil: 'valid until',
    route: 'Route', routes: { training: 'Training, then assessment', 'recognition-of-prior-learning': 'Recognition of prior learning (assessed without a training course)' },
    inCountry: (c, code) => (ENGLISH_WITH_THE.has(code) ? `In the ${c}` : `In ${c}`), as: 'as', met: 'met', toDo: 'to do', checks: 'Checks',
    cannotRead: 'Could not read a credential',
    pack: (n, date, days) => `Trust list #${n} of ${date} (${count(days, 'day')} old), checked on this device`,
    offlineReady: 'Ready to work offline', loadingTrust: 'Loading the trust list…',
    noTrust: 'No trust list on this device yet. Connect once to the verifier.',
    cameraUnavailable: 'The camera is not available here. Take a photo and choose it below.',
    page: (n) => `Page ${n}`,
    setupTitle: 'Set up this device', setupIntro: 'This device trusts no list yet. Compare these fingerprints with the ones the verifier printed when it started (ask your administrator). Confirm only if every one matches: from then on the device accepts lists only from these keys.',
    country: 'Country', roots: 'Root authorities', operator: 'Registry operator',
    maxAge: (d) => `A trust list older than ${d} days gives no green verdict`, offered: (n, date) => `Trust list offered: #${n} of ${date}`,
    confirmSetup: 'The fingerprints match: trust these keys', setupNeeded: 'This device is not set up: an administrator must confirm the keys below.',
    admin: 'Administration', pinnedTitle: 'Keys this device trusts',
    resetHint: 'Only an administrator may change them: type RESET and press the button. The device then has to be set up again.',
    reset: 'Reset trust',
    trustRefused: 'The verifier sent a trust list this device does not accept. It was not used; the list checked before stays in use. Tell your administrator.',
    heldInvalid: 'The trust list kept on this device does not verify.',
    linkMatch: 'Matches the setup link.', linkMismatch: 'What the verifier offers does not match the setup link: do not set up this device, tell your administrator.',
    trustRefusedNone: 'The verifier sent a trust list this device does not accept. It was not used. Tell your administrator.',
    headlines: {
      valid: 'VALID: authentic, issued by an accredited training body, not revoked',
      invalid: 'INVALID: do not accept this credential',
      indeterminate: 'CANNOT CONFIRM: something could not be checked (see below)',
    },
    unregistered: 'not in the registry: as the credential states it',
    withdrawnOn: (date) => `withdrawn by its authority on ${date}`,
    purposes: { employment: 'employment', 'further-study': 'further study' }, forPurpose: (p) => `purpose: ${p}`,
    checkNames: { format: 'format', proof: 'signature', issuer: 'issuer', validity: 'dates', status: 'status', recognition: 'recognition', holder: 'holder' },
    checkPassed: {
      format: 'a skill credential', proof: 'signature valid', issuer: 'training body accredited on the issue date',
      validity: 'within its dates', status: 'not revoked', recognition: 'recognition looked up', holder: 'same person',
    },
    packOffline: (n, date, days) => `Trust pack #${n} of ${date} (${count(days, 'day')} old), checked offline`,
    summary: (pages) => count(pages, 'page'),
    short: { valid: 'valid', invalid: 'NOT VALID', indeterminate: 'cannot confirm', unreadable: 'unreadable' },
    staleList: (days) => `The trust list on this device is ${days} days old: no credential can be confirmed valid. Connect to the verifier to update it.`,
    askWallet: 'Ask the worker\'s wallet', scanWallet: 'Ask the worker to scan this code with their wallet app.',
  },
} satisfies LanguagePack<'en'>;

/** The officer's CLI (cli-language.ts); apart, so that the page's bundle does not carry it. */
export const cli = {
  help: (sync, status, serve, verify) => `corridor-verifier: an officer's offline verdict on a skill credential.

  ${sync}
      fetch the trust pack (then only deltas); keeps the last good pack if the registry is down or wrong.
      The first sync pins the registry operator's key (give --registry-key to choose it); later packs
      must be signed by it and their log must extend the one held. Kept signed, checked at each load
  ${status}
      the pack held: country, sequence, age
  ${serve}
      (plain HTTP off loopback only with --insecure-http)
      POST /credentials/verify and /presentations/verify (VC-API), answered offline from the pack;
      the officer's page at /officer/: camera or photo, verified on the device, keeps working offline
      (prints the fingerprints and setup link an administrator uses to install it on a device);
      a newer pack from \`sync\` is picked up within 30 s, no restart needed; OpenID4VP: the page's "Ask the
      worker's wallet" shows a request QR, wallets answer to <--public-url (https://…), else this address>/oid4vp/response
  ${verify}
      uses the synced pack unless --trust-pack names a pack file; a pack is used only if signed by the
      registry operator configured: --registry-key (or $CORRIDOR_REGISTRY_KEY), else the one pinned by sync

<file> is a photo or scan of the QR (PNG, JPEG), a PDF of certificates (each page verified), our own SVG, the
credential JSON, or - to read JSON or QR text from stdin. A PDF of many certificates prints a summary first
(how many of each verdict, the pages that are not valid), then each page.
--root is your own country's authority key (repeatable; or $CORRIDOR_VERIFIER_ROOTS, comma-separated).
--language: without it, the language of $LC_ALL, $LC_MESSAGES or $LANG (de_DE.UTF-8 is German), else English.
Options: --data <dir> (default $CORRIDOR_VERIFIER_DATA or ./.corridor/verifier). verify never touches the network.
Exit codes: 0 valid, 1 invalid, 2 indeterminate, 3 usage or input error.`,
  usage: 'usage',
  unknownOption: (option) => `unknown option ${option} (see --help)`,
  missingValue: (option) => `${option} needs a value (see --help)`,
  noValue: (option) => `${option} takes no value (see --help)`,
  unknownCommand: (command) => `unknown command ${command} (see --help)`,
  needsFile: 'verify needs a file (PNG or JPEG photo, PDF, JSON) or - for stdin',
  required: (option) => `${option} is required (see --help)`,
  languageOneOf: (languages) => `--language must be one of ${languages}`,
  purposeOneOf: '--purpose must be employment or further-study',
  countryCode: '--country must be an ISO 3166-1 alpha-2 code, e.g. JP',
  rootRequired: '--root (your authority\'s did:key) is required: trust starts from it',
  registryKey: '--registry-key must be the registry operator\'s did:key',
  maxAgeDays: '--max-age-days must be a positive number',
  publicUrl: '--public-url must be an https:// URL (where wallets reach this service)',
  wrongCountry: (pack, country) => `the trust pack is ${pack}'s, not ${country}'s: sync the ${country} pack, or give --country ${pack}`,
  credentialFile: 'the credential file', trustPackFile: 'the trust pack file',
  reasons: { missing: 'no such file', directory: 'it is a directory', denied: 'permission denied', unreadable: 'it cannot be read' },
  cannotRead: (file, path, reason) => `cannot read ${file} ${path}: ${reason}`,
  packNotJson: (path) => `the trust pack file ${path} is not JSON`,
  notCredential: {
    empty: (path) => `the credential file ${path} is empty`,
    notJson: (path) => `the credential file ${path} starts like JSON but is not valid JSON`,
    unknownKind: (path) => `the credential file ${path} is not a PNG or JPEG photo, a PDF, our SVG, credential JSON or QR text`,
    damaged: (path, kind) => `the credential file ${path} is a ${kind} file that cannot be read (damaged or cut short)`,
  },
  heldDamaged: 'the held trust pack file is damaged; run sync --full',
  noPackHeld: 'no trust pack held; run sync first',
  notConfigured: 'no registry operator key is configured for this verifier: run ' +
    '`corridor-verifier sync --registry <url> --country <CC> [--registry-key <did:key>]` (it pins the key), ' +
    'or give --registry-key <did:key> (or $CORRIDOR_REGISTRY_KEY) with --trust-pack <file>',
  nothingHeld: 'no trust pack held and no registry operator key is configured for this verifier: run ' +
    '`corridor-verifier sync --registry <url> --country <CC> [--registry-key <did:key>]` (it pins the key), ' +
    'or give --registry-key <did:key> (or $CORRIDOR_REGISTRY_KEY) with --trust-pack <file>',
  registryUnavailable: (kept) => `registry unavailable: ${kept}`,
  refusedAnswer: (kept) => `refused the registry's answer; ${kept}`,
  keptPack: (n, date) => `kept pack #${n} of ${date}`,
  noPackYet: 'no pack held yet',
  synced: (code, name, n, records, lists) => `synced ${code} trust pack #${n} (${name}: ${count(records, 'record')}, ${count(lists, 'status list')})`,
  status: (code, name, n, date, days, records, lists, operator) =>
    `${code} trust pack #${n} (${name}), issued ${date} (${count(days, 'day')} old), ${count(records, 'record')}, ${count(lists, 'status list')}, operator ${operator}`,
  internal: 'internal error (see --debug)',
} satisfies CliWords;
