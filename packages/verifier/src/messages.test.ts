// Every language says everything, and says it without misleading: only a failed signature speaks
// of editing, a "do not accept" never ends in "sync and check again", English is the only fallback.
import { describe, expect, it } from '@jest/globals';
import { ERROR_CODES, type ErrorCode } from '@corridor/shared';
import { formatSummary, formatVerdict } from './format.js';
import { PACKS } from './languages/index.js';
import { CLI_WORDS } from './cli-language.js';
import { countryName, explain, LABELS, LANGUAGES, localeLanguage, MESSAGES, textIn } from './messages.js';
import { INDETERMINATE, type VerificationResult } from './verify.js';

/** Codes a check can fail with that make the verdict INVALID. */
const INVALID_VERDICT_CODES: ErrorCode[] = [
  'ERR_CREDENTIAL_MALFORMED', 'ERR_PROOF_MISSING', 'ERR_SIGNATURE_INVALID', 'ERR_CONTEXT_UNKNOWN', 'ERR_DID_UNRESOLVABLE', 'ERR_KEY_INVALID',
  'ERR_ISSUER_UNKNOWN', 'ERR_ISSUER_NOT_ACCREDITED', 'ERR_ACCREDITATION_NOT_IN_FORCE', 'ERR_CREDENTIAL_NOT_YET_VALID', 'ERR_CREDENTIAL_EXPIRED',
  'ERR_CREDENTIAL_REVOKED', 'ERR_CREDENTIAL_SUSPENDED', 'ERR_QUALIFICATION_WITHDRAWN', 'ERR_KEY_COMPROMISED', 'ERR_NAME_MISMATCH', 'ERR_HOLDER_MISMATCH',
];
const SYNC: Record<string, RegExp> = { en: /sync/i, ja: /同期/, fil: /sync/i, ar: /زامن/, de: /synchron/i, id: /sinkron/i };

describe('the languages', () => {
  it('are the six, German and Indonesian among them, each one file with every code translated', () => {
    expect(LANGUAGES).toEqual(['en', 'ja', 'fil', 'ar', 'de', 'id']);
    for (const language of LANGUAGES) {
      expect(Object.keys(MESSAGES[language]).sort()).toEqual(Object.keys(ERROR_CODES).sort());
      expect(Object.keys(LABELS[language]).sort()).toEqual(Object.keys(LABELS.en).sort());
      if (language === 'en') continue;
      // Translated, not copied: no sentence is the English one.
      for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) expect([language, code, MESSAGES[language][code]]).not.toEqual([language, code, MESSAGES.en[code]]);
    }
    expect(PACKS.filter((p) => 'rightToLeft' in p && p.rightToLeft).map((p) => p.code)).toEqual(['ar']);
  });

  it('only a failed signature says the credential was changed', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      if (code !== 'ERR_SIGNATURE_INVALID') expect([code, /\bedit|\bchanged\b|\baltered|tamper/i.test(explain(code, 'en'))]).toEqual([code, false]);
    }
    expect(explain('ERR_CREDENTIAL_MALFORMED', 'ja')).not.toMatch(/改ざん/);
    expect(explain('ERR_CREDENTIAL_MALFORMED', 'de')).not.toMatch(/verändert|bearbeitet/);
  });

  it('a code that makes the verdict INVALID never tells the officer to sync and check again; the amber ones that a sync settles do', () => {
    for (const language of LANGUAGES) {
      for (const code of INVALID_VERDICT_CODES) {
        expect(INDETERMINATE.has(code)).toBe(false);
        expect([language, code, SYNC[language]!.test(explain(code, language))]).toEqual([language, code, false]);
      }
      for (const code of ['ERR_QUALIFICATION_UNKNOWN', 'ERR_TRUST_PACK_OUTDATED', 'ERR_STATUS_STALE'] as const) {
        expect(INDETERMINATE.has(code)).toBe(true);
        expect([language, code, SYNC[language]!.test(explain(code, language))]).toEqual([language, code, true]);
      }
    }
  });

  it('falls back to English, never to another language; country codes become names', () => {
    expect(explain('ERR_CREDENTIAL_REVOKED', 'xx')).toBe(MESSAGES.en.ERR_CREDENTIAL_REVOKED);
    // A record with German before English: Japanese, Filipino and Arabic readers get the English.
    const title = { de: 'Pflegefachkraft', en: 'Care worker' };
    for (const language of ['ja', 'fil', 'ar']) expect(textIn(title, language)).toBe('Care worker');
    expect(textIn(title, 'de')).toBe('Pflegefachkraft');
    expect(countryName('JP', 'de')).toBe('Japan');
    expect(countryName('PH', 'ja')).toBe('フィリピン');
    expect(countryName('ID', 'id')).toBe('Indonesia');
    expect(countryName('JP', 'en')).toBe('Japan');
  });
});

const RESULT: VerificationResult = {
  verdict: 'indeterminate',
  checks: [
    { id: 'format', ok: true, message: 'Corridor skill credential (Open Badges 3.0)' },
    { id: 'proof', ok: true, message: 'signature valid (eddsa-rdfc-2022)' },
    { id: 'status', ok: false, code: 'ERR_STATUS_STALE', message: 'The status information is too old' },
  ],
  credential: {
    id: 'urn:uuid:1', issuer: { id: 'did:key:z6Mk', name: 'Manila Care Training Center', registered: true },
    subject: { name: 'Maria Santos', birthDate: '1996-04-12' },
    qualification: { id: 'urn:q', name: 'Caregiving NC II', registered: true, country: 'PH', level: 'PQF 3' },
    assessmentRoute: 'training', validFrom: '2026-10-30T00:00:00Z',
  },
  recognition: {
    outcome: 'partial', country: 'JP', purpose: 'employment',
    destination: { qualification: { id: 'urn:jp', title: { de: 'Pflegekraft (SSW)', en: 'Care worker (SSW)', ja: '介護（特定技能）' } } },
    conditions: [{ id: 'c', type: 'language', description: { de: 'Japanisch-Test N4', en: 'Japanese test N4' }, met: false }],
  },
  trustPack: { sequence: 12, issuedAt: '2026-11-20T00:00:00Z', ageSeconds: 9 * 86400 },
};

/** Every leaf of a language's words: strings as they are, functions called with a marker per parameter. */
function leaves(value: unknown, path = ''): [string, string, number?][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const fn = value as (...args: string[]) => string;
    return [[path, fn(...Array.from({ length: fn.length }, (_, i) => `⟦${i}⟧`)), fn.length]];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
}
/** What is typed, never translated: options, environment variables, codes, the markers of placeholders. */
const typed = (text: string) => [...new Set(text.match(/--[a-z][a-z-]*|\$[A-Z][A-Z_]*|ERR_[A-Z_]+|⟦\d+⟧|https?:\/\/[\w.…/-]*|\/[a-z0-9]+\/[a-z0-9/]*/g) ?? [])].sort();

describe('every word, in every language', () => {
  it('every key of en is in every language, with the same placeholders and nothing typed translated; the new words are translated', () => {
    const en = new Map(leaves({ labels: LABELS.en, cli: CLI_WORDS.en }).map(([path, text, arity]) => [path, { text, arity }]));
    for (const language of LANGUAGES) {
      const theirs = leaves({ labels: LABELS[language], cli: CLI_WORDS[language] });
      expect([language, theirs.map(([path]) => path).sort()]).toEqual([language, [...en.keys()].sort()]);
      for (const [path, text, arity] of theirs) {
        const source = en.get(path)!;
        expect([language, path, arity, typed(text)]).toEqual([language, path, source.arity, typed(source.text)]);
        if (language !== 'en' && (path.startsWith('cli.') || /Wallet$/.test(path))) expect([language, path, text]).not.toEqual([language, path, source.text]);
      }
    }
  });

  it('the usage in every language: every command line as typed, every option, the exit codes', () => {
    const commands = ['corridor-verifier sync --registry <url>', 'corridor-verifier status', 'corridor-verifier serve --country <CC>', 'corridor-verifier verify <file.png'];
    for (const language of LANGUAGES) {
      const help = CLI_WORDS[language].help(...commands as [string, string, string, string]);
      for (const command of commands) expect([language, help.includes(`  ${command}\n`)]).toEqual([language, true]);
      for (const option of ['--registry-key', '--trust-pack', '--root', '--data', '--language', '--insecure-http', '--public-url']) expect([language, option, help.includes(option)]).toEqual([language, option, true]);
      expect(help).toMatch(/0\D+1\D+2\D+3/);
    }
  });

  it('without --language, the locale\'s language: LC_ALL, then LC_MESSAGES, then LANG; English when it is not one of ours', () => {
    expect(localeLanguage({ LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(localeLanguage({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'id_ID.UTF-8' })).toBe('id');
    expect(localeLanguage({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'id_ID', LC_ALL: 'ja_JP.UTF-8' })).toBe('ja');
    expect(localeLanguage({ LANG: 'ar_EG.UTF-8', LC_ALL: '' })).toBe('ar');
    expect(localeLanguage({ LANG: 'tl_PH.UTF-8' })).toBe('fil');
    expect(localeLanguage({ LANG: 'fil_PH' })).toBe('fil');
    expect(localeLanguage({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(localeLanguage({ LANG: 'de' })).toBe('de');
    // The first one set decides, as for any program: a French LC_ALL is English here, not the German LANG.
    expect(localeLanguage({ LANG: 'de_DE.UTF-8', LC_ALL: 'fr_FR.UTF-8' })).toBeUndefined();
    for (const locale of ['C', 'C.UTF-8', 'POSIX', 'xx_YY', 'deu', 'd', '']) expect([locale, localeLanguage({ LANG: locale })]).toEqual([locale, undefined]);
    expect(localeLanguage({})).toBeUndefined();
  });
});

describe('formatVerdict', () => {
  it('in German and Indonesian: every label in the language, countries by name, nothing English left', () => {
    for (const language of ['de', 'id', 'ja'] as const) {
      const out = formatVerdict(RESULT, language);
      for (const english of ['Holder', 'Qualification', 'Issued by', 'In JP', 'purpose', 'to do', 'Checks', 'signature valid', 'Trust pack', 'born', 'passport']) {
        expect([language, english, out.includes(english)]).toEqual([language, english, false]);
      }
      expect(out).toContain(LABELS[language].headlines.indeterminate);
      expect(out).toContain(explain('ERR_STATUS_STALE', language));
      expect(out).toContain(countryName('JP', language));
      expect(out).toContain(LABELS[language].holder);
    }
    const de = formatVerdict(RESULT, 'de');
    expect(de).toContain('In Japan: Unter Auflagen anerkannt als Pflegekraft (SSW) (Zweck: Beschäftigung)');
    expect(de).toContain('[offen] Japanisch-Test N4');
    // German grammar: an article, or "auf" for islands, before some countries; none before most.
    expect(formatVerdict({ ...RESULT, recognition: { ...RESULT.recognition!, country: 'CH' } }, 'de')).toContain('In der Schweiz: Unter Auflagen anerkannt');
    expect(formatVerdict({ ...RESULT, recognition: { ...RESULT.recognition!, country: 'PH' } }, 'de')).toContain('Auf den Philippinen: Unter Auflagen anerkannt');
    expect(formatVerdict({ ...RESULT, recognition: { ...RESULT.recognition!, country: 'DE' } }, 'de')).toContain('In Deutschland: Unter Auflagen anerkannt');
    expect(formatVerdict({ ...RESULT, recognition: { ...RESULT.recognition!, country: 'PH' } }, 'en')).toContain('In the Philippines: Recognised with conditions');
    // Japanese has no title here: English, not German.
    expect(formatVerdict({ ...RESULT, recognition: { ...RESULT.recognition!, destination: { qualification: { id: 'x', title: { de: 'Pflegekraft', en: 'Care worker' } } } } }, 'ja'))
      .toContain('Care worker');
  });

  it('shows the registry\'s title of the qualification in the officer\'s language, else in English', () => {
    const titled: VerificationResult = { ...RESULT, credential: { ...RESULT.credential!, qualification: {
      ...RESULT.credential!.qualification, title: { en: 'Caregiving NC II', fil: 'Pag-aalaga NC II', de: 'Pflegehilfe NC II' } } } };
    expect(formatVerdict(titled, 'de')).toContain('Pflegehilfe NC II (PQF 3)');
    expect(formatVerdict(titled, 'ja')).toContain('Caregiving NC II (PQF 3)');
  });

  it('shows the assessment route (training, or recognition of prior learning) in the officer\'s language', () => {
    const rpl: VerificationResult = { ...RESULT, credential: { ...RESULT.credential!, assessmentRoute: 'recognition-of-prior-learning' } };
    expect(formatVerdict(RESULT, 'en')).toMatch(/^ {2}Route +Training, then assessment$/m);
    expect(formatVerdict(rpl, 'en')).toMatch(/^ {2}Route +Recognition of prior learning \(assessed without a training course\)$/m);
    for (const language of LANGUAGES) {
      expect(formatVerdict(RESULT, language)).toContain(`${LABELS[language].routes.training}`);
      expect(formatVerdict(rpl, language)).toContain(`${LABELS[language].routes['recognition-of-prior-learning']}`);
      if (language !== 'en') expect(LABELS[language].routes).not.toEqual(LABELS.en.routes);
    }
    // A route off the list (only a forged credential could carry one) is shown as written, inert.
    expect(formatVerdict({ ...RESULT, credential: { ...RESULT.credential!, assessmentRoute: 'exam\u001b[2J' } }, 'en')).not.toContain('\u001b');
  });

  it('English keeps its headline and layout', () => {
    const out = formatVerdict(RESULT, 'en');
    expect(out.split('\n')[0]).toBe('CANNOT CONFIRM: something could not be checked (see below)');
    expect(out).toContain('  Holder         Maria Santos, born 1996-04-12');
    expect(out).toContain('In Japan: Recognised with conditions as Care worker (SSW) (purpose: employment)');
  });

  it('a cohort PDF: counts per verdict, the pages that are not valid named first', () => {
    const summary = formatSummary([{ page: 1, verdict: 'valid' }, { page: 2, verdict: 'invalid' }, { page: 3, verdict: 'valid' }, { page: 4, verdict: 'unreadable' }, { page: 5, verdict: 'indeterminate' }]);
    expect(summary.split('\n')).toEqual(['5 pages:', '     1  NOT VALID  (Page 2)', '     1  unreadable  (Page 4)', '     1  cannot confirm  (Page 5)', '     2  valid']);
  });
});

describe('counts read naturally (issue 20: "all 2 units", "1 rows")', () => {
  it('one record, one status list, one day, one page; more in the plural', () => {
    expect(CLI_WORDS.en.synced('JP', 'PH–JP SMP', '3', '1', '1')).toBe('synced JP trust pack #3 (PH–JP SMP: 1 record, 1 status list)');
    expect(CLI_WORDS.en.synced('JP', 'PH–JP SMP', '3', '12', '2')).toBe('synced JP trust pack #3 (PH–JP SMP: 12 records, 2 status lists)');
    expect(CLI_WORDS.en.status('JP', 'PH–JP SMP', '3', '2026-12-01', '0.4', '1', '0', 'did:key:z6Mk'))
      .toBe('JP trust pack #3 (PH–JP SMP), issued 2026-12-01 (0.4 days old), 1 record, 0 status lists, operator did:key:z6Mk');
    expect(LABELS.en.pack(3, '2026-12-01', 1)).toBe('Trust list #3 of 2026-12-01 (1 day old), checked on this device');
    expect(LABELS.en.packOffline(3, '2026-12-01', 0)).toBe('Trust pack #3 of 2026-12-01 (0 days old), checked offline');
    expect([LABELS.en.summary(1), LABELS.en.summary(49)]).toEqual(['1 page', '49 pages']);
    // German too.
    expect(CLI_WORDS.de.synced('JP', 'Japan', '3', '1', '1')).toBe('Vertrauenspaket JP Nr. 3 synchronisiert (Japan: 1 Eintrag, 1 Statusliste)');
    expect(CLI_WORDS.de.status('JP', 'Japan', '3', '2026-12-01', '1', '12', '2', 'did:key:z6Mk'))
      .toBe('Vertrauenspaket JP Nr. 3 (Japan), ausgestellt 2026-12-01 (1 Tag alt), 12 Einträge, 2 Statuslisten, Betreiber did:key:z6Mk');
    expect([LABELS.de.summary(1), LABELS.de.pack(3, '2026-12-01', 1)]).toEqual(['1 Seite', 'Vertrauensliste Nr. 3 vom 2026-12-01 (1 Tag alt), auf diesem Gerät geprüft']);
  });
});
