import type { CliWords, LanguagePack } from './types.js';

/**
 * German puts an article (and for islands "auf") before some country names: "In der Schweiz",
 * "Auf den Philippinen", "Im Iran". Countries not listed take none: "In Japan", "In Deutschland".
 */
const GERMAN_COUNTRY_PHRASE: Record<string, string> = {
  CH: 'In der Schweiz', TR: 'In der Türkei', SK: 'In der Slowakei', UA: 'In der Ukraine', MN: 'In der Mongolei',
  DO: 'In der Dominikanischen Republik', CD: 'In der Demokratischen Republik Kongo', CF: 'In der Zentralafrikanischen Republik',
  NL: 'In den Niederlanden', US: 'In den Vereinigten Staaten', AE: 'In den Vereinigten Arabischen Emiraten', GB: 'Im Vereinigten Königreich',
  IR: 'Im Iran', IQ: 'Im Irak', LB: 'Im Libanon', YE: 'Im Jemen', SD: 'Im Sudan', SS: 'Im Südsudan', NE: 'Im Niger', TD: 'Im Tschad',
  SN: 'Im Senegal', KG: 'In Kirgisistan', VA: 'Im Vatikan',
  PH: 'Auf den Philippinen', MV: 'Auf den Malediven', SC: 'Auf den Seychellen', KM: 'Auf den Komoren', BS: 'Auf den Bahamas',
  MH: 'Auf den Marshallinseln', SB: 'Auf den Salomonen', FJ: 'Auf Fidschi',
};
const inCountryDe = (name: string, code: string) => GERMAN_COUNTRY_PHRASE[code] ?? `In ${name}`;

/** "1 Eintrag", "2 Einträge" (a count as given, a number or its text). */
const count = (n: number | string, one: string, many: string) => `${n} ${String(n) === '1' ? one : many}`;

export default {
  code: 'de', name: 'Deutsch',
  verdicts: { valid: 'GÜLTIG', invalid: 'UNGÜLTIG — nicht annehmen', indeterminate: 'NICHT BESTÄTIGT — weiter prüfen' },
  outcomes: { full: 'Voll anerkannt', partial: 'Unter Auflagen anerkannt', none: 'Nicht anerkannt' },
  messages: {
    ERR_INPUT_INVALID: 'Dies ist kein Nachweis, den dieses Programm lesen kann. Bitten Sie erneut um das Zertifikat oder die Nachweisdatei.',
    ERR_PAYLOAD_TOO_LARGE: 'Die Datei ist zu groß für einen Nachweis. Bitten Sie um das Zertifikat selbst.',
    ERR_CREDENTIAL_MALFORMED: 'Der Nachweis hat nicht die erwartete Form. Nicht annehmen.',
    ERR_PROOF_MISSING: 'Der Nachweis trägt keine Signatur. Nicht annehmen.',
    ERR_SIGNATURE_INVALID: 'Die Signatur passt nicht: Der Nachweis wurde nach der Ausstellung verändert oder ist gefälscht. Nicht annehmen.',
    ERR_CONTEXT_UNKNOWN: 'Der Nachweis verwendet Begriffe, die dieses Programm nicht kennt. Nicht annehmen.',
    ERR_DID_UNRESOLVABLE: 'Der Aussteller lässt sich offline nicht identifizieren. Nicht annehmen.',
    ERR_KEY_INVALID: 'Der Schlüssel des Ausstellers ist ungültig. Nicht annehmen.',
    ERR_ISSUER_UNKNOWN: 'Die Bildungseinrichtung ist von keiner Behörde akkreditiert, der Sie vertrauen. Nicht annehmen.',
    ERR_ISSUER_NOT_ACCREDITED: 'Die Bildungseinrichtung ist akkreditiert, aber nicht für diese Qualifikation. Nicht annehmen.',
    ERR_ACCREDITATION_NOT_IN_FORCE: 'Die Bildungseinrichtung war am Ausstellungstag nicht akkreditiert. Nicht annehmen.',
    ERR_CREDENTIAL_NOT_YET_VALID: 'Der Nachweis ist in die Zukunft datiert. Prüfen Sie die Uhr des Geräts; sonst nicht annehmen.',
    ERR_CREDENTIAL_EXPIRED: 'Der Nachweis ist abgelaufen. Bitten Sie um einen aktuellen.',
    ERR_CREDENTIAL_REVOKED: 'Die Bildungseinrichtung hat diesen Nachweis widerrufen. Nicht annehmen.',
    ERR_CREDENTIAL_SUSPENDED: 'Die Bildungseinrichtung hat diesen Nachweis vorläufig ausgesetzt. Derzeit nicht annehmen.',
    ERR_STATUS_UNAVAILABLE: 'Ob der Nachweis widerrufen wurde, lässt sich nicht prüfen: Dieses Gerät hat keine Statusdaten für diesen Aussteller. Synchronisieren Sie, sobald Sie können.',
    ERR_STATUS_STALE: 'Die Daten auf diesem Gerät sind zu alt, um einen Widerruf auszuschließen. Synchronisieren Sie und prüfen Sie erneut.',
    ERR_QUALIFICATION_UNKNOWN: 'Diese Qualifikation steht nicht im Register auf Ihrem Gerät. Synchronisieren Sie und prüfen Sie erneut.',
    ERR_RECOGNITION_NONE: 'Für diese Qualifikation gibt es in Ihrem Land für diesen Zweck keine vereinbarte Anerkennung.',
    ERR_RECORD_INVALID: 'Ein Registereintrag auf diesem Gerät ist beschädigt. Synchronisieren Sie erneut.',
    ERR_RECORD_SIGNATURE_INVALID: 'Ein Registereintrag auf diesem Gerät hat eine falsche Signatur. Synchronisieren Sie erneut und melden Sie es.',
    ERR_SIGNER_NOT_AUTHORIZED: 'Ein Registereintrag wurde von jemandem ohne Befugnis signiert. Er wurde nicht berücksichtigt.',
    ERR_TRUST_PACK_INVALID: 'Die Registerdaten auf diesem Gerät sind beschädigt oder nicht echt. Synchronisieren Sie erneut.',
    ERR_TRUST_PACK_ROLLBACK: 'Es wurden ältere Registerdaten angeboten als die auf diesem Gerät. Sie wurden abgelehnt.',
    ERR_QR_INVALID: 'Dieser QR-Code ist kein Kompetenznachweis oder er ist beschädigt. Scannen Sie erneut oder bitten Sie um die Datei.',
    ERR_QR_NOT_FOUND: 'Auf dem Bild ist kein QR-Code zu finden. Halten Sie die Kamera näher heran und ruhig.',
    ERR_REQUEST_REPLAYED: 'Dieselbe Anfrage wurde zweimal gesendet. Versuchen Sie es erneut.',
    ERR_RATE_LIMITED: 'Zu viele Anfragen. Warten Sie kurz und versuchen Sie es erneut.',
    ERR_NOT_FOUND: 'Nicht gefunden.',
    ERR_CONFLICT: 'Dies widerspricht dem bereits Erfassten.',
    ERR_QUALIFICATION_WITHDRAWN: 'Die Qualifikation wurde aufgehoben, bevor dieser Nachweis ausgestellt wurde. Nicht annehmen.',
    ERR_KEY_COMPROMISED: 'Der Schlüssel, mit dem dies signiert wurde, ist als gestohlen oder verloren gemeldet. Nicht annehmen.',
    ERR_NAME_MISMATCH: 'Die Namen im Nachweis stimmen nicht mit dem Register überein. Nicht annehmen.',
    ERR_LOG_INCONSISTENT: 'Ihre Vertrauensliste passt nicht zum bisherigen Verlauf des Registers. Verlassen Sie sich nicht darauf; wenden Sie sich an Ihre Administration.',
    ERR_REGISTRY_INCONSISTENT: 'Die Daten des Registers stimmen nicht mit seinem signierten Protokoll überein. Wenden Sie sich an den Registerbetreiber.',
    ERR_TRUST_NOT_CONFIGURED: 'Für dieses Prüfprogramm ist kein vertrauenswürdiger Registerschlüssel und keine Behörde eingerichtet. Wenden Sie sich an Ihre Administration.',
    ERR_HOLDER_MISMATCH: 'Ein beigefügter Nachweis betrifft eine andere Person. Er wird nicht berücksichtigt.',
    ERR_UNAUTHENTICATED: 'Melden Sie sich zuerst an: Die Anfrage hat kein gültiges Zugriffstoken.',
    ERR_FORBIDDEN: 'Ihre Berechtigung erlaubt dies nicht.',
    ERR_TIMEOUT: 'Das hat zu lange gedauert. Versuchen Sie es erneut.',
    ERR_INSECURE_TRANSPORT: 'Dieser Dienst muss eine sichere Verbindung (HTTPS) verwenden.',
    ERR_PROPERTY_REFUSED: 'Der Aussteller hat einen Teil dieser Anfrage abgelehnt: Es wurde nichts ausgestellt. Korrigieren Sie das genannte Feld.',
    ERR_TRUST_PACK_OUTDATED: 'Dieser Nachweis ist neuer als die Vertrauensliste auf diesem Gerät. Synchronisieren Sie und prüfen Sie erneut.',
  },
  labels: {
    languages: 'Sprache', title: 'Prüfung von Kompetenznachweisen', scan: 'Mit der Kamera scannen', stop: 'Kamera anhalten', photo: 'Foto oder PDF des Zertifikats',
    pointCamera: 'Richten Sie die Kamera auf den QR-Code des Zertifikats.', reading: 'Wird geprüft…',
    holder: 'Inhaber/in', born: 'Geboren', comparePassport: 'Vergleichen Sie Name und Geburtsdatum mit dem Reisepass.',
    qualification: 'Qualifikation', issuedBy: 'Ausgestellt von', validUntil: 'gültig bis',
    route: 'Erwerbsweg', routes: { training: 'Ausbildung mit anschließender Prüfung', 'recognition-of-prior-learning': 'Anerkennung früher erworbener Kompetenzen (Prüfung ohne Ausbildungskurs)' },
    inCountry: (c, code) => inCountryDe(c, code), as: 'als', met: 'erfüllt', toDo: 'offen', checks: 'Prüfungen',
    cannotRead: 'Kein Nachweis lesbar',
    pack: (n, date, days) => `Vertrauensliste Nr. ${n} vom ${date} (${days} Tag${days === 1 ? '' : 'e'} alt), auf diesem Gerät geprüft`,
    offlineReady: 'Bereit für die Arbeit ohne Netzverbindung', loadingTrust: 'Vertrauensliste wird geladen…',
    noTrust: 'Auf diesem Gerät gibt es noch keine Vertrauensliste. Verbinden Sie sich einmal mit dem Prüfserver.',
    cameraUnavailable: 'Die Kamera ist hier nicht verfügbar. Machen Sie ein Foto und wählen Sie es unten aus.',
    page: (n) => `Seite ${n}`,
    setupTitle: 'Dieses Gerät einrichten', setupIntro: 'Dieses Gerät vertraut noch keiner Liste. Vergleichen Sie diese Fingerabdrücke mit denen, die der Prüfserver beim Start ausgegeben hat (fragen Sie Ihre Administration). Bestätigen Sie nur, wenn alle übereinstimmen: Danach nimmt das Gerät nur noch Listen dieser Schlüssel an.',
    country: 'Land', roots: 'Stammbehörden', operator: 'Registerbetreiber',
    maxAge: (d) => `Eine Vertrauensliste, die älter als ${d} Tage ist, ergibt kein grünes Ergebnis`, offered: (n, date) => `Angebotene Vertrauensliste: Nr. ${n} vom ${date}`,
    confirmSetup: 'Die Fingerabdrücke stimmen überein: diesen Schlüsseln vertrauen', setupNeeded: 'Dieses Gerät ist nicht eingerichtet: Die Administration muss die Schlüssel unten bestätigen.',
    admin: 'Verwaltung', pinnedTitle: 'Schlüssel, denen dieses Gerät vertraut',
    resetHint: 'Nur die Administration darf sie ändern: Geben Sie RESET ein und drücken Sie die Schaltfläche. Danach muss das Gerät neu eingerichtet werden.',
    reset: 'Vertrauen zurücksetzen',
    trustRefused: 'Der Prüfserver hat eine Vertrauensliste gesendet, die dieses Gerät nicht annimmt. Sie wurde nicht verwendet; die zuvor geprüfte Liste bleibt in Gebrauch. Informieren Sie Ihre Administration.',
    heldInvalid: 'Die auf diesem Gerät gespeicherte Vertrauensliste besteht die Signaturprüfung nicht.',
    linkMatch: 'Stimmt mit dem Einrichtungslink überein.', linkMismatch: 'Was der Prüfserver anbietet, stimmt nicht mit dem Einrichtungslink überein: Richten Sie dieses Gerät nicht ein und informieren Sie Ihre Administration.',
    trustRefusedNone: 'Der Prüfserver hat eine Vertrauensliste gesendet, die dieses Gerät nicht annimmt. Sie wurde nicht verwendet. Informieren Sie Ihre Administration.',
    headlines: {
      valid: 'GÜLTIG: echt, von einer akkreditierten Bildungseinrichtung ausgestellt, nicht widerrufen',
      invalid: 'UNGÜLTIG: diesen Nachweis nicht annehmen',
      indeterminate: 'NICHT BESTÄTIGT: etwas ließ sich nicht prüfen (siehe unten)',
    },
    unregistered: 'nicht im Register: laut Angabe des Nachweises',
    withdrawnOn: (date) => `von der zuständigen Behörde am ${date} aufgehoben`,
    purposes: { employment: 'Beschäftigung', 'further-study': 'Weiterbildung' }, forPurpose: (p) => `Zweck: ${p}`,
    checkNames: { format: 'Format', proof: 'Signatur', issuer: 'Aussteller', validity: 'Gültigkeit', status: 'Status', recognition: 'Anerkennung', holder: 'Inhaber/in' },
    checkPassed: {
      format: 'ein Kompetenznachweis', proof: 'Signatur gültig', issuer: 'Bildungseinrichtung am Ausstellungstag akkreditiert',
      validity: 'innerhalb des Gültigkeitszeitraums', status: 'nicht widerrufen', recognition: 'Anerkennung nachgeschlagen', holder: 'dieselbe Person',
    },
    packOffline: (n, date, days) => `Vertrauenspaket Nr. ${n} vom ${date} (${days} Tag${days === 1 ? '' : 'e'} alt), offline geprüft`,
    summary: (pages) => `${pages} Seite${pages === 1 ? '' : 'n'}`,
    short: { valid: 'gültig', invalid: 'UNGÜLTIG', indeterminate: 'nicht bestätigt', unreadable: 'unlesbar' },
    staleList: (days) => `Die Vertrauensliste auf diesem Gerät ist ${days} Tage alt: Kein Nachweis kann als gültig bestätigt werden. Verbinden Sie sich mit dem Prüfserver, um sie zu aktualisieren.`,
    askWallet: 'Nachweis aus der Wallet anfordern', scanWallet: 'Bitten Sie die Person, diesen Code mit ihrer Wallet-App zu scannen.',
  },
} satisfies LanguagePack<'de'>;

/** The officer's CLI (cli-language.ts); apart, so that the page's bundle does not carry it. */
export const cli = {
  help: (sync, status, serve, verify) => `corridor-verifier: prüft einen Kompetenznachweis offline und zeigt das Ergebnis für die prüfende Stelle.

  ${sync}
      lädt das Vertrauenspaket (danach nur die Änderungen); behält das letzte gültige Paket, wenn das Register
      nicht erreichbar ist oder Falsches liefert. Die erste Synchronisation legt den Schlüssel des Registerbetreibers
      fest (mit --registry-key wählen Sie ihn); spätere Pakete müssen von ihm signiert sein und sein Protokoll
      fortsetzen. Das Paket wird signiert gespeichert und bei jedem Laden erneut geprüft
  ${status}
      das gespeicherte Paket: Land, laufende Nummer, Alter
  ${serve}
      (unverschlüsseltes HTTP außerhalb von loopback nur mit --insecure-http)
      POST /credentials/verify und /presentations/verify (VC-API), offline aus dem Paket beantwortet;
      die Seite für Prüfende unter /officer/: Kamera oder Foto, auf dem Gerät geprüft, funktioniert auch offline
      (gibt die Fingerabdrücke und den Einrichtungslink aus, mit denen die Administration sie auf einem Gerät einrichtet);
      ein neueres Paket aus \`sync\` wird innerhalb von 30 s übernommen, ohne Neustart; OpenID4VP: „Nachweis aus der
      Wallet anfordern“ zeigt einen Anfrage-QR-Code, Wallets antworten an <--public-url (https://…), sonst diese Adresse>/oid4vp/response
  ${verify}
      verwendet das synchronisierte Paket, außer --trust-pack nennt eine Paketdatei; ein Paket wird nur verwendet,
      wenn der eingerichtete Registerbetreiber es signiert hat: --registry-key (oder $CORRIDOR_REGISTRY_KEY), sonst
      der bei sync festgelegte

<file> ist ein Foto oder Scan des QR-Codes (PNG, JPEG), ein PDF mit Zertifikaten (jede Seite wird geprüft), unser
eigenes SVG, das JSON des Nachweises oder -, um JSON oder QR-Text von der Standardeingabe zu lesen. Ein PDF mit
vielen Zertifikaten beginnt mit einer Übersicht (wie viele mit welchem Ergebnis, welche Seiten nicht gültig sind),
danach folgt jede Seite.
--root ist der Schlüssel der Behörde Ihres eigenen Landes (mehrfach möglich; oder $CORRIDOR_VERIFIER_ROOTS, durch Kommas getrennt).
--language: ohne diese Option die Sprache aus $LC_ALL, $LC_MESSAGES oder $LANG (de_DE.UTF-8 ist Deutsch), sonst Englisch.
Optionen: --data <dir> (Standard: $CORRIDOR_VERIFIER_DATA oder ./.corridor/verifier). verify greift nie auf das Netz zu.
Exit-Codes: 0 gültig, 1 ungültig, 2 nicht bestätigt, 3 Aufruf- oder Eingabefehler.`,
  usage: 'Falscher Aufruf',
  unknownOption: (option) => `unbekannte Option ${option} (siehe --help)`,
  missingValue: (option) => `${option} erwartet einen Wert (siehe --help)`,
  noValue: (option) => `${option} erwartet keinen Wert (siehe --help)`,
  unknownCommand: (command) => `unbekannter Befehl ${command} (siehe --help)`,
  needsFile: 'verify braucht eine Datei (PNG- oder JPEG-Foto, PDF, JSON) oder - für die Standardeingabe',
  required: (option) => `${option} ist erforderlich (siehe --help)`,
  languageOneOf: (languages) => `--language muss einer dieser Werte sein: ${languages}`,
  purposeOneOf: '--purpose muss employment oder further-study sein',
  countryCode: '--country muss ein Ländercode nach ISO 3166-1 Alpha-2 sein, z. B. JP',
  rootRequired: '--root (der did:key Ihrer Behörde) ist erforderlich: Von ihm geht das Vertrauen aus',
  registryKey: '--registry-key muss der did:key des Registerbetreibers sein',
  maxAgeDays: '--max-age-days muss eine positive Zahl sein',
  publicUrl: '--public-url muss eine URL mit https:// sein (unter der Wallets diesen Dienst erreichen)',
  wrongCountry: (pack, country) => `Das Vertrauenspaket gehört zu ${pack}, nicht zu ${country}: Synchronisieren Sie das Paket für ${country} oder geben Sie --country ${pack} an`,
  credentialFile: 'Die Nachweisdatei', trustPackFile: 'Die Vertrauenspaket-Datei',
  reasons: { missing: 'Datei nicht vorhanden', directory: 'es ist ein Verzeichnis', denied: 'keine Berechtigung', unreadable: 'sie ist nicht lesbar' },
  cannotRead: (file, path, reason) => `${file} ${path} kann nicht gelesen werden: ${reason}`,
  packNotJson: (path) => `Die Vertrauenspaket-Datei ${path} ist kein JSON`,
  notCredential: {
    empty: (path) => `Die Nachweisdatei ${path} ist leer`,
    notJson: (path) => `Die Nachweisdatei ${path} beginnt wie JSON, ist aber kein gültiges JSON`,
    unknownKind: (path) => `Die Nachweisdatei ${path} ist weder ein PNG- oder JPEG-Foto noch ein PDF, unser SVG, Nachweis-JSON oder QR-Text`,
    damaged: (path, kind) => `Die Nachweisdatei ${path} ist eine ${kind}-Datei, die nicht gelesen werden kann (beschädigt oder unvollständig)`,
  },
  heldDamaged: 'Die gespeicherte Vertrauenspaket-Datei ist beschädigt; führen Sie sync --full aus',
  noPackHeld: 'Kein Vertrauenspaket gespeichert; führen Sie zuerst sync aus',
  notConfigured: 'Für dieses Prüfprogramm ist kein Schlüssel eines Registerbetreibers eingerichtet: Führen Sie ' +
    '`corridor-verifier sync --registry <url> --country <CC> [--registry-key <did:key>]` aus (das legt den Schlüssel fest) ' +
    'oder geben Sie --registry-key <did:key> (oder $CORRIDOR_REGISTRY_KEY) mit --trust-pack <file> an',
  nothingHeld: 'Kein Vertrauenspaket gespeichert und kein Schlüssel eines Registerbetreibers eingerichtet: Führen Sie ' +
    '`corridor-verifier sync --registry <url> --country <CC> [--registry-key <did:key>]` aus (das legt den Schlüssel fest) ' +
    'oder geben Sie --registry-key <did:key> (oder $CORRIDOR_REGISTRY_KEY) mit --trust-pack <file> an',
  registryUnavailable: (kept) => `Register nicht erreichbar: ${kept}`,
  refusedAnswer: (kept) => `Antwort des Registers abgelehnt; ${kept}`,
  keptPack: (n, date) => `Paket Nr. ${n} vom ${date} bleibt in Gebrauch`,
  noPackYet: 'noch kein Paket gespeichert',
  synced: (code, name, n, records, lists) => `Vertrauenspaket ${code} Nr. ${n} synchronisiert (${name}: ${count(records, 'Eintrag', 'Einträge')}, ${count(lists, 'Statusliste', 'Statuslisten')})`,
  status: (code, name, n, date, days, records, lists, operator) =>
    `Vertrauenspaket ${code} Nr. ${n} (${name}), ausgestellt ${date} (${count(days, 'Tag', 'Tage')} alt), ${count(records, 'Eintrag', 'Einträge')}, ${count(lists, 'Statusliste', 'Statuslisten')}, Betreiber ${operator}`,
  internal: 'Interner Fehler (siehe --debug)',
} satisfies CliWords;
