import type { CliWords, LanguagePack } from './types.js';

export default {
  code: 'fil', name: 'Filipino',
  verdicts: { valid: 'WASTO', invalid: 'HINDI WASTO — huwag tanggapin', indeterminate: 'HINDI MAKUMPIRMA — suriin pa' },
  outcomes: { full: 'Ganap na kinikilala', partial: 'Kinikilala nang may kondisyon', none: 'Hindi kinikilala' },
  messages: {
    ERR_INPUT_INVALID: 'Hindi ito kredensyal na kayang basahin ng tool na ito. Hingin muli ang sertipiko o ang file.',
    ERR_PAYLOAD_TOO_LARGE: 'Masyadong malaki ang file para maging kredensyal. Hingin ang mismong sertipiko.',
    ERR_CREDENTIAL_MALFORMED: 'Wala sa inaasahang anyo ang kredensyal. Huwag tanggapin.',
    ERR_PROOF_MISSING: 'Walang lagda ang kredensyal. Huwag tanggapin.',
    ERR_SIGNATURE_INVALID: 'Hindi tugma ang lagda: binago ang kredensyal matapos ilabas, o peke ito. Huwag tanggapin.',
    ERR_CONTEXT_UNKNOWN: 'May mga terminong hindi kilala ng tool na ito. Huwag tanggapin.',
    ERR_DID_UNRESOLVABLE: 'Hindi makilala ang naglabas nang offline. Huwag tanggapin.',
    ERR_KEY_INVALID: 'Hindi wasto ang susi ng naglabas. Huwag tanggapin.',
    ERR_ISSUER_UNKNOWN: 'Ang training center ay hindi akreditado ng anumang awtoridad na pinagkakatiwalaan mo. Huwag tanggapin.',
    ERR_ISSUER_NOT_ACCREDITED: 'Akreditado ang training center, pero hindi para sa kwalipikasyong ito. Huwag tanggapin.',
    ERR_ACCREDITATION_NOT_IN_FORCE: 'Hindi akreditado ang training center noong araw na inilabas ito. Huwag tanggapin.',
    ERR_CREDENTIAL_NOT_YET_VALID: 'Nakapetsa sa hinaharap ang kredensyal. Suriin ang orasan ng device; kung hindi, huwag tanggapin.',
    ERR_CREDENTIAL_EXPIRED: 'Paso na ang kredensyal. Humingi ng kasalukuyan.',
    ERR_CREDENTIAL_REVOKED: 'Binawi (kinansela) ng training center ang kredensyal na ito. Huwag tanggapin.',
    ERR_CREDENTIAL_SUSPENDED: 'Sinuspinde ng training center ang kredensyal na ito. Huwag munang tanggapin.',
    ERR_STATUS_UNAVAILABLE: 'Hindi masuri kung kinansela ito: walang status ang device para sa naglabas. Mag-sync kapag kaya.',
    ERR_STATUS_STALE: 'Masyadong luma ang datos sa device para makumpirmang hindi ito kinansela. Mag-sync at suriin muli.',
    ERR_QUALIFICATION_UNKNOWN: 'Wala ang kwalipikasyong ito sa rehistro ng device. Mag-sync at suriin muli.',
    ERR_RECOGNITION_NONE: 'Walang napagkasunduang pagkilala sa kwalipikasyong ito sa inyong bansa para sa layuning ito.',
    ERR_RECORD_INVALID: 'Sira ang isang rekord ng rehistro sa device. Mag-sync muli.',
    ERR_RECORD_SIGNATURE_INVALID: 'May maling lagda ang isang rekord ng rehistro sa device. Mag-sync muli at iulat ito.',
    ERR_SIGNER_NOT_AUTHORIZED: 'May rekord na nilagdaan ng hindi awtorisado. Hindi ito pinansin.',
    ERR_TRUST_PACK_INVALID: 'Sira o hindi tunay ang datos ng rehistro sa device. Mag-sync muli.',
    ERR_TRUST_PACK_ROLLBACK: 'May nag-alok ng mas lumang datos ng rehistro kaysa sa nasa device. Tinanggihan ito.',
    ERR_QR_INVALID: 'Hindi kredensyal ng kasanayan ang QR code na ito, o sira ito. I-scan muli o hingin ang file.',
    ERR_QR_NOT_FOUND: 'Walang QR code sa larawan. Ilapit ang camera at huwag galawin.',
    ERR_REQUEST_REPLAYED: 'Dalawang beses naipadala ang parehong kahilingan. Subukan muli.',
    ERR_RATE_LIMITED: 'Masyadong maraming kahilingan. Maghintay sandali at subukan muli.',
    ERR_NOT_FOUND: 'Hindi nahanap.',
    ERR_CONFLICT: 'Salungat ito sa nakatala na.',
    ERR_QUALIFICATION_WITHDRAWN: 'Binawi ang kwalipikasyon bago inilabas ang kredensyal na ito. Huwag itong tanggapin.',
    ERR_KEY_COMPROMISED: 'Iniulat na ninakaw o nawala ang susing pumirma rito. Huwag itong tanggapin.',
    ERR_NAME_MISMATCH: 'Hindi tugma sa rehistro ang mga pangalan sa kredensyal. Huwag itong tanggapin.',
    ERR_LOG_INCONSISTENT: 'Hindi karugtong ng dating kasaysayan ng rehistro ang iyong trust list. Huwag itong gamitin; kontakin ang iyong administrador.',
    ERR_REGISTRY_INCONSISTENT: 'Hindi tugma ang datos ng rehistro sa nilagdaang log nito. Kontakin ang operator ng rehistro.',
    ERR_TRUST_NOT_CONFIGURED: 'Walang naka-configure na pinagkakatiwalaang susi ng rehistro o awtoridad sa verifier na ito. Kontakin ang iyong administrador.',
    ERR_HOLDER_MISMATCH: 'Tungkol sa ibang tao ang isang kasamang kredensyal. Hindi ito binibilang.',
    ERR_UNAUTHENTICATED: 'Mag-sign in muna: walang wastong access token ang kahilingan.',
    ERR_FORBIDDEN: 'Hindi ito pinapayagan ng iyong access.',
    ERR_TIMEOUT: 'Masyadong natagalan ito. Subukang muli.',
    ERR_INSECURE_TRANSPORT: 'Kailangang gumamit ang serbisyong ito ng ligtas na koneksyon (HTTPS).',
    ERR_PROPERTY_REFUSED: 'Tinanggihan ng issuer ang bahagi ng kahilingang ito: walang naibigay. Itama ang field na tinukoy nito.',
    ERR_TRUST_PACK_OUTDATED: 'Mas bago ang kredensyal na ito kaysa sa listahan ng tiwala sa device. Mag-sync at suriin muli.',
  },
  labels: {
    languages: 'Wika', title: 'Pagsusuri ng kredensyal sa kasanayan', scan: 'I-scan gamit ang camera', stop: 'Itigil ang camera', photo: 'Larawan o PDF ng sertipiko',
    pointCamera: 'Itutok ang camera sa QR code ng sertipiko.', reading: 'Sinusuri…',
    holder: 'May-hawak', born: 'Ipinanganak', comparePassport: 'Ihambing ang pangalan at petsa ng kapanganakan sa pasaporte.',
    qualification: 'Kwalipikasyon', issuedBy: 'Inisyu ng', validUntil: 'balido hanggang',
    route: 'Paraan', routes: { training: 'Pagsasanay, saka pagtatasa', 'recognition-of-prior-learning': 'Pagkilala sa dating natutunan (tinasa nang walang kurso ng pagsasanay)' },
    inCountry: (c, _code) => `Sa ${c}`, as: 'bilang', met: 'natupad', toDo: 'gagawin pa', checks: 'Mga pagsusuri',
    cannotRead: 'Hindi mabasa ang kredensyal',
    pack: (n, date, days) => `Listahan ng tiwala #${n} ng ${date} (${days} araw na), sinuri sa device na ito`,
    offlineReady: 'Handang gumana nang offline', loadingTrust: 'Nilo-load ang listahan ng tiwala…',
    noTrust: 'Wala pang listahan ng tiwala sa device na ito. Kumonekta muna minsan sa verifier.',
    cameraUnavailable: 'Hindi magamit ang camera dito. Kumuha ng larawan at piliin ito sa ibaba.',
    page: (n) => `Pahina ${n}`,
    setupTitle: 'I-set up ang device na ito', setupIntro: 'Wala pang pinagkakatiwalaang listahan ang device na ito. Ihambing ang mga fingerprint na ito sa mga ipinakita ng verifier nang magsimula ito (tanungin ang administrator). Kumpirmahin lamang kung tugma ang lahat: mula noon, tatanggap lamang ang device ng listahan mula sa mga key na ito.',
    country: 'Bansa', roots: 'Mga ugat na awtoridad', operator: 'Operator ng registry',
    maxAge: (d) => `Walang berdeng hatol kapag ang listahan ng tiwala ay lampas ${d} araw na`, offered: (n, date) => `Iniaalok na listahan ng tiwala: #${n} ng ${date}`,
    confirmSetup: 'Tugma ang mga fingerprint: pagkatiwalaan ang mga key na ito', setupNeeded: 'Hindi pa naka-set up ang device na ito: dapat kumpirmahin ng administrator ang mga key sa ibaba.',
    admin: 'Administrasyon', pinnedTitle: 'Mga key na pinagkakatiwalaan ng device na ito',
    resetHint: 'Administrator lamang ang maaaring magpalit ng mga ito: i-type ang RESET at pindutin ang button. Kailangang i-set up muli ang device pagkatapos.',
    reset: 'I-reset ang tiwala',
    trustRefused: 'Nagpadala ang verifier ng listahan ng tiwala na hindi tinatanggap ng device na ito. Hindi ito ginamit; ang dating nasuring listahan pa rin ang gagamitin. Sabihan ang iyong administrator.',
    heldInvalid: 'Hindi ma-verify ang listahan ng tiwala na nakatago sa device na ito.',
    linkMatch: 'Tugma sa setup link.', linkMismatch: 'Hindi tugma sa setup link ang iniaalok ng verifier: huwag i-set up ang device na ito, sabihan ang iyong administrator.',
    trustRefusedNone: 'Nagpadala ang verifier ng listahan ng tiwala na hindi tinatanggap ng device na ito. Hindi ito ginamit. Sabihan ang iyong administrator.',
    headlines: {
      valid: 'WASTO: tunay, inisyu ng akreditadong training body, hindi binawi',
      invalid: 'HINDI WASTO: huwag tanggapin ang kredensyal na ito',
      indeterminate: 'HINDI MAKUMPIRMA: may hindi nasuri (tingnan sa ibaba)',
    },
    unregistered: 'wala sa rehistro: ayon lamang sa kredensyal',
    withdrawnOn: (date) => `binawi ng awtoridad noong ${date}`,
    purposes: { employment: 'trabaho', 'further-study': 'karagdagang pag-aaral' }, forPurpose: (p) => `layunin: ${p}`,
    checkNames: { format: 'anyo', proof: 'lagda', issuer: 'naglabas', validity: 'mga petsa', status: 'status', recognition: 'pagkilala', holder: 'may-hawak' },
    checkPassed: {
      format: 'kredensyal sa kasanayan', proof: 'wasto ang lagda', issuer: 'akreditado ang training body noong inilabas',
      validity: 'nasa loob ng mga petsa nito', status: 'hindi binawi', recognition: 'natingnan ang pagkilala', holder: 'iisang tao',
    },
    packOffline: (n, date, days) => `Trust pack #${n} ng ${date} (${days} araw na), sinuri nang offline`,
    summary: (pages) => `${pages} pahina`,
    short: { valid: 'wasto', invalid: 'HINDI WASTO', indeterminate: 'hindi makumpirma', unreadable: 'hindi mabasa' },
    staleList: (days) => `${days} araw na ang listahan ng tiwala sa device na ito: walang kredensyal na makukumpirmang wasto. Kumonekta sa verifier para i-update ito.`,
    askWallet: 'Hingin sa wallet ng manggagawa', scanWallet: 'Ipa-scan sa manggagawa ang code na ito gamit ang kanyang wallet app.',
  },
} satisfies LanguagePack<'fil'>;

/** The officer's CLI (cli-language.ts); apart, so that the page's bundle does not carry it. */
export const cli = {
  help: (sync, status, serve, verify) => `corridor-verifier: hatol ng opisyal sa isang kredensyal sa kasanayan, offline.

  ${sync}
      kinukuha ang trust pack (pagkatapos, ang mga pagbabago lamang); itinatago ang huling maayos na pack kung hindi
      maabot o mali ang rehistro. Itinatakda ng unang sync ang susi ng operator ng rehistro (ibigay ang --registry-key
      para piliin ito); ang mga susunod na pack ay dapat pirmado nito at dapat ituloy ang log na hawak na.
      Iniimbak nang may pirma, sinusuri sa bawat pag-load
  ${status}
      ang hawak na pack: bansa, numero, edad
  ${serve}
      (plain HTTP sa labas ng loopback kung may --insecure-http lamang)
      POST /credentials/verify at /presentations/verify (VC-API), sinasagot offline mula sa pack;
      ang pahina ng opisyal sa /officer/: camera o larawan, sinusuri sa device, gumagana kahit offline
      (ipinapakita ang mga fingerprint at setup link na ginagamit ng administrator sa pag-install nito sa device);
      ang mas bagong pack mula sa \`sync\` ay kinukuha sa loob ng 30 s, walang restart; OpenID4VP: ang "Hingin sa
      wallet ng manggagawa" ay nagpapakita ng request QR, sumasagot ang mga wallet sa <--public-url (https://…), o ang address na ito>/oid4vp/response
  ${verify}
      ginagamit ang na-sync na pack maliban kung may pack file sa --trust-pack; ginagamit lamang ang pack kung pirmado
      ng naka-configure na operator ng rehistro: --registry-key (o $CORRIDOR_REGISTRY_KEY), o ang itinakda ng sync

Ang <file> ay larawan o scan ng QR (PNG, JPEG), PDF ng mga sertipiko (sinusuri ang bawat pahina), ang aming SVG, ang
JSON ng kredensyal, o - para basahin ang JSON o QR text mula sa stdin. Ang PDF ng maraming sertipiko ay may buod muna
(ilan sa bawat hatol, ang mga pahinang hindi wasto), saka ang bawat pahina.
Ang --root ay ang susi ng awtoridad ng sarili mong bansa (maaaring ulitin; o $CORRIDOR_VERIFIER_ROOTS, hiwalay sa kuwit).
--language: kung wala, ang wika ng $LC_ALL, $LC_MESSAGES o $LANG (ang fil_PH.UTF-8 ay Filipino), kung wala rin, Ingles.
Mga opsyon: --data <dir> (default $CORRIDOR_VERIFIER_DATA o ./.corridor/verifier). Hindi kailanman gumagamit ng network ang verify.
Mga exit code: 0 wasto, 1 hindi wasto, 2 hindi makumpirma, 3 maling paggamit o input.`,
  usage: 'Maling paggamit',
  unknownOption: (option) => `hindi kilalang opsyon ${option} (tingnan ang --help)`,
  missingValue: (option) => `kailangan ng ${option} ng halaga (tingnan ang --help)`,
  noValue: (option) => `hindi tumatanggap ng halaga ang ${option} (tingnan ang --help)`,
  unknownCommand: (command) => `hindi kilalang utos ${command} (tingnan ang --help)`,
  needsFile: 'kailangan ng verify ng file (larawang PNG o JPEG, PDF, JSON) o - para sa stdin',
  required: (option) => `kailangan ang ${option} (tingnan ang --help)`,
  languageOneOf: (languages) => `ang --language ay dapat isa sa ${languages}`,
  purposeOneOf: 'ang --purpose ay dapat employment o further-study',
  countryCode: 'ang --country ay dapat ISO 3166-1 alpha-2 na code, hal. JP',
  rootRequired: 'kailangan ang --root (ang did:key ng iyong awtoridad): dito nagsisimula ang tiwala',
  registryKey: 'ang --registry-key ay dapat ang did:key ng operator ng rehistro',
  maxAgeDays: 'ang --max-age-days ay dapat positibong numero',
  publicUrl: 'ang --public-url ay dapat https:// na URL (kung saan naaabot ng mga wallet ang serbisyong ito)',
  wrongCountry: (pack, country) => `ang trust pack ay para sa ${pack}, hindi sa ${country}: i-sync ang pack ng ${country}, o ibigay ang --country ${pack}`,
  credentialFile: 'ang file ng kredensyal', trustPackFile: 'ang trust pack file',
  reasons: { missing: 'walang ganitong file', directory: 'isa itong direktoryo', denied: 'walang pahintulot', unreadable: 'hindi ito mabasa' },
  cannotRead: (file, path, reason) => `hindi mabasa ${file} ${path}: ${reason}`,
  packNotJson: (path) => `hindi JSON ang trust pack file na ${path}`,
  notCredential: {
    empty: (path) => `walang laman ang file ng kredensyal na ${path}`,
    notJson: (path) => `mukhang JSON ang simula ng file ng kredensyal na ${path} pero hindi ito wastong JSON`,
    unknownKind: (path) => `ang file ng kredensyal na ${path} ay hindi litratong PNG o JPEG, PDF, ang aming SVG, JSON ng kredensyal o QR text`,
    damaged: (path, kind) => `ang file ng kredensyal na ${path} ay ${kind} file na hindi mabasa (sira o putol)`,
  },
  heldDamaged: 'sira ang nakatagong trust pack file; patakbuhin ang sync --full',
  noPackHeld: 'walang hawak na trust pack; patakbuhin muna ang sync',
  notConfigured: 'walang naka-configure na susi ng operator ng rehistro sa verifier na ito: patakbuhin ang ' +
    '`corridor-verifier sync --registry <url> --country <CC> [--registry-key <did:key>]` (itinatakda nito ang susi), ' +
    'o ibigay ang --registry-key <did:key> (o $CORRIDOR_REGISTRY_KEY) kasama ang --trust-pack <file>',
  nothingHeld: 'walang hawak na trust pack at walang naka-configure na susi ng operator ng rehistro sa verifier na ito: patakbuhin ang ' +
    '`corridor-verifier sync --registry <url> --country <CC> [--registry-key <did:key>]` (itinatakda nito ang susi), ' +
    'o ibigay ang --registry-key <did:key> (o $CORRIDOR_REGISTRY_KEY) kasama ang --trust-pack <file>',
  registryUnavailable: (kept) => `hindi maabot ang rehistro: ${kept}`,
  refusedAnswer: (kept) => `tinanggihan ang sagot ng rehistro; ${kept}`,
  keptPack: (n, date) => `itinago ang pack #${n} ng ${date}`,
  noPackYet: 'wala pang hawak na pack',
  synced: (code, name, n, records, lists) => `na-sync ang trust pack ng ${code} #${n} (${name}: ${records} record, ${lists} status list)`,
  status: (code, name, n, date, days, records, lists, operator) =>
    `trust pack ng ${code} #${n} (${name}), inilabas noong ${date} (${days} araw na), ${records} record, ${lists} status list, operator ${operator}`,
  internal: 'panloob na error (tingnan ang --debug)',
} satisfies CliWords;
