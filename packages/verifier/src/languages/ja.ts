import type { CliWords, LanguagePack } from './types.js';

export default {
  code: 'ja', name: '日本語',
  verdicts: { valid: '有効', invalid: '無効 — 受理しないでください', indeterminate: '確認できません — 追加確認が必要' },
  outcomes: { full: '完全に認定', partial: '条件付きで認定', none: '認定されていません' },
  messages: {
    ERR_INPUT_INVALID: 'このツールで読み取れる証明書ではありません。証明書またはファイルを再度提示してもらってください。',
    ERR_PAYLOAD_TOO_LARGE: 'ファイルが大きすぎます。証明書そのものを提示してもらってください。',
    ERR_CREDENTIAL_MALFORMED: '証明書の形式が正しくありません。受理しないでください。',
    ERR_PROOF_MISSING: '証明書に署名がありません。受理しないでください。',
    ERR_SIGNATURE_INVALID: '署名が一致しません。発行後に変更されたか、偽造です。受理しないでください。',
    ERR_CONTEXT_UNKNOWN: '証明書に不明な項目が含まれています。受理しないでください。',
    ERR_DID_UNRESOLVABLE: 'オフラインで発行者を確認できません。受理しないでください。',
    ERR_KEY_INVALID: '発行者の鍵が無効です。受理しないでください。',
    ERR_ISSUER_UNKNOWN: 'この訓練機関は信頼する当局の認定を受けていません。受理しないでください。',
    ERR_ISSUER_NOT_ACCREDITED: 'この訓練機関は認定されていますが、この資格についてではありません。受理しないでください。',
    ERR_ACCREDITATION_NOT_IN_FORCE: '発行日にこの訓練機関は認定されていませんでした。受理しないでください。',
    ERR_CREDENTIAL_NOT_YET_VALID: '証明書の日付が未来です。端末の時計を確認し、それ以外は受理しないでください。',
    ERR_CREDENTIAL_EXPIRED: '証明書の有効期限が切れています。最新のものを提示してもらってください。',
    ERR_CREDENTIAL_REVOKED: '訓練機関がこの証明書を取り消しました。受理しないでください。',
    ERR_CREDENTIAL_SUSPENDED: '訓練機関がこの証明書を一時停止しています。現時点では受理しないでください。',
    ERR_STATUS_UNAVAILABLE: '取消しの有無を確認できません（この発行者の状態情報がありません）。可能なときに同期してください。',
    ERR_STATUS_STALE: '端末のデータが古く、取消しの有無を確認できません。同期してから再確認してください。',
    ERR_QUALIFICATION_UNKNOWN: 'この資格は端末の登録簿にありません。同期してから再確認してください。',
    ERR_RECOGNITION_NONE: 'この目的について、あなたの国でこの資格の認定に関する合意はありません。',
    ERR_RECORD_INVALID: '端末の登録データが破損しています。再度同期してください。',
    ERR_RECORD_SIGNATURE_INVALID: '端末の登録データの署名が不正です。再度同期し、報告してください。',
    ERR_SIGNER_NOT_AUTHORIZED: '権限のない者が署名した登録データがあり、無視されました。',
    ERR_TRUST_PACK_INVALID: '端末の登録データが破損しているか、正規のものではありません。再度同期してください。',
    ERR_TRUST_PACK_ROLLBACK: '端末より古い登録データが提示されたため、拒否しました。',
    ERR_QR_INVALID: 'このQRコードは技能証明書ではないか、破損しています。再度スキャンするかファイルを提示してもらってください。',
    ERR_QR_NOT_FOUND: '画像にQRコードが見つかりません。カメラを近づけ、動かさないでください。',
    ERR_REQUEST_REPLAYED: '同じ要求が二度送信されました。もう一度お試しください。',
    ERR_RATE_LIMITED: '要求が多すぎます。しばらく待ってから再度お試しください。',
    ERR_NOT_FOUND: '見つかりません。',
    ERR_CONFLICT: '既存の記録と矛盾しています。',
    ERR_QUALIFICATION_WITHDRAWN: 'この資格は、この証明書の発行前に取り消されていました。受理しないでください。',
    ERR_KEY_COMPROMISED: 'これに署名した鍵は盗難または紛失が報告されています。受理しないでください。',
    ERR_NAME_MISMATCH: '証明書の名称が登録簿と一致しません。受理しないでください。',
    ERR_LOG_INCONSISTENT: '信頼リストが以前の登録簿の履歴と連続していません。使用せず、管理者に連絡してください。',
    ERR_REGISTRY_INCONSISTENT: '登録簿のデータが署名済みログと一致しません。登録簿の運営者に連絡してください。',
    ERR_TRUST_NOT_CONFIGURED: 'この検証端末には信頼する登録簿の鍵または機関が設定されていません。管理者に連絡してください。',
    ERR_HOLDER_MISMATCH: '補足の証明書が別の人物のものです。条件の充足には数えません。',
    ERR_UNAUTHENTICATED: '先にサインインしてください。有効なアクセストークンがありません。',
    ERR_FORBIDDEN: 'この操作は許可されていません。',
    ERR_TIMEOUT: '時間がかかりすぎました。もう一度お試しください。',
    ERR_INSECURE_TRANSPORT: 'このサービスは安全な接続（HTTPS）が必要です。',
    ERR_PROPERTY_REFUSED: '発行者はこの依頼の一部を拒否しました。何も発行されていません。示された項目を修正してください。',
    ERR_TRUST_PACK_OUTDATED: 'この証明書は端末の信頼リストより新しいものです。同期してから再確認してください。',
  },
  labels: {
    languages: '言語', title: '技能証明書の確認', scan: 'カメラで読み取る', stop: 'カメラを止める', photo: '証明書の写真またはPDF',
    pointCamera: '証明書のQRコードにカメラを向けてください。', reading: '確認中…',
    holder: '氏名', born: '生年月日', comparePassport: '氏名と生年月日を旅券と照合してください。',
    qualification: '資格', issuedBy: '発行機関', validUntil: '有効期限',
    route: '取得経路', routes: { training: '訓練修了後の評価', 'recognition-of-prior-learning': '既得技能の認定（訓練を経ない評価）' },
    inCountry: (c, _code) => `${c}での扱い`, as: '相当', met: '充足', toDo: '未充足', checks: '確認項目',
    cannotRead: '証明書を読み取れませんでした',
    pack: (n, date, days) => `信頼リスト #${n}（${date}、${days}日前）をこの端末で確認`,
    offlineReady: 'オフラインで使用できます', loadingTrust: '信頼リストを読み込み中…',
    noTrust: 'この端末に信頼リストがありません。一度検証サーバーに接続してください。',
    cameraUnavailable: 'カメラを使用できません。写真を撮って下から選んでください。',
    page: (n) => `${n}ページ`,
    setupTitle: 'この端末の設定', setupIntro: 'この端末はまだどの信頼リストも信頼していません。検証サーバーの起動時に表示された指紋（管理者に確認）と下の指紋を照合し、すべて一致する場合のみ確定してください。以後、この端末はこれらの鍵のリストのみを受け入れます。',
    country: '国', roots: 'ルート機関', operator: 'レジストリ運営者',
    maxAge: (d) => `${d}日より古い信頼リストでは「有効」と表示しません`, offered: (n, date) => `提示された信頼リスト: #${n}（${date}）`,
    confirmSetup: '指紋が一致しました：これらの鍵を信頼する', setupNeeded: 'この端末は未設定です。管理者が下の鍵を確認する必要があります。',
    admin: '管理', pinnedTitle: 'この端末が信頼する鍵',
    resetHint: '変更できるのは管理者のみです。RESET と入力してボタンを押してください。その後、端末を再設定する必要があります。',
    reset: '信頼設定をリセット',
    trustRefused: '検証サーバーから、この端末が受け入れない信頼リストが送られました。使用せず、以前に確認したリストを引き続き使用します。管理者に連絡してください。',
    heldInvalid: 'この端末に保存された信頼リストを検証できません。',
    linkMatch: 'セットアップリンクと一致しています。', linkMismatch: '検証サーバーが提示した内容がセットアップリンクと一致しません。この端末を設定せず、管理者に連絡してください。',
    trustRefusedNone: '検証サーバーから、この端末が受け入れない信頼リストが送られました。使用していません。管理者に連絡してください。',
    headlines: {
      valid: '有効：真正で、認定された訓練機関が発行し、取り消されていません',
      invalid: '無効：この証明書を受理しないでください',
      indeterminate: '確認できません：確認できなかった項目があります（下記参照）',
    },
    unregistered: '登録簿にありません：証明書の記載のまま',
    withdrawnOn: (date) => `${date}に当局が廃止`,
    purposes: { employment: '就労', 'further-study': '進学' }, forPurpose: (p) => `目的：${p}`,
    checkNames: { format: '形式', proof: '署名', issuer: '発行機関', validity: '有効期間', status: '取消状況', recognition: '認定', holder: '本人' },
    checkPassed: {
      format: '技能証明書です', proof: '署名は有効です', issuer: '発行日に訓練機関は認定されていました',
      validity: '有効期間内です', status: '取り消されていません', recognition: '認定を確認しました', holder: '同一人物です',
    },
    packOffline: (n, date, days) => `信頼パック #${n}（${date}、${days}日前）、オフラインで確認`,
    summary: (pages) => `${pages}ページ`,
    short: { valid: '有効', invalid: '無効', indeterminate: '確認不可', unreadable: '読取不可' },
    staleList: (days) => `この端末の信頼リストは${days}日前のものです。どの証明書も「有効」と確認できません。検証サーバーに接続して更新してください。`,
    askWallet: '労働者のウォレットに提示を求める', scanWallet: '労働者にウォレットアプリでこのコードを読み取ってもらってください。',
  },
} satisfies LanguagePack<'ja'>;

/** The officer's CLI (cli-language.ts); apart, so that the page's bundle does not carry it. */
export const cli = {
  help: (sync, status, serve, verify) => `corridor-verifier: 技能証明書をオフラインで検証し、担当官向けに判定を表示します。

  ${sync}
      信頼パックを取得します（2回目以降は差分のみ）。登録簿が停止中または不正な応答の場合は、最後の正常なパックを保持します。
      最初の同期で登録簿運営者の鍵を固定します（--registry-key で指定できます）。以後のパックはその鍵で署名され、
      保持しているログを引き継ぐものでなければなりません。署名付きで保存し、読み込むたびに確認します
  ${status}
      保持しているパック：国、番号、経過日数
  ${serve}
      （ループバック以外での暗号化されていない HTTP は --insecure-http 指定時のみ）
      POST /credentials/verify と /presentations/verify（VC-API）に、パックからオフラインで応答します。
      担当官用ページ /officer/：カメラまたは写真で読み取り、端末上で検証し、オフラインでも動作します
      （管理者が端末に設定するときに照合する指紋とセットアップリンクを表示します）。
      \`sync\` で取得した新しいパックは 30 秒以内に反映され、再起動は不要です。OpenID4VP：ページの「労働者のウォレットに
      提示を求める」は要求の QR コードを表示し、ウォレットは <--public-url (https://…)、なければこのアドレス>/oid4vp/response に応答します
  ${verify}
      --trust-pack でパックファイルを指定しない限り、同期済みのパックを使います。パックは、設定された登録簿運営者
      （--registry-key または $CORRIDOR_REGISTRY_KEY、なければ sync で固定した鍵）が署名したものだけを使います

<file> は QR コードの写真またはスキャン（PNG、JPEG）、証明書の PDF（各ページを検証）、本システムの SVG、
証明書の JSON、または標準入力から JSON や QR テキストを読む場合の - です。多数の証明書を含む PDF では、
まず概要（判定ごとの件数と、有効でないページ）を表示し、続いて各ページを表示します。
--root は自国の所管当局の鍵です（複数指定可。または $CORRIDOR_VERIFIER_ROOTS にカンマ区切りで指定）。
--language：指定がなければ $LC_ALL、$LC_MESSAGES、$LANG の言語（ja_JP.UTF-8 なら日本語）、それもなければ英語です。
オプション：--data <dir>（既定値は $CORRIDOR_VERIFIER_DATA または ./.corridor/verifier）。verify はネットワークに接続しません。
終了コード：0 有効、1 無効、2 確認不可、3 使い方または入力の誤り。`,
  usage: '使い方の誤り',
  unknownOption: (option) => `不明なオプションです: ${option}（--help を参照）`,
  missingValue: (option) => `${option} には値が必要です（--help を参照）`,
  noValue: (option) => `${option} には値を指定できません（--help を参照）`,
  unknownCommand: (command) => `不明なコマンドです: ${command}（--help を参照）`,
  needsFile: 'verify にはファイル（PNG・JPEG の写真、PDF、JSON）、または標準入力を表す - を指定してください',
  required: (option) => `${option} は必須です（--help を参照）`,
  languageOneOf: (languages) => `--language には ${languages} のいずれかを指定してください`,
  purposeOneOf: '--purpose には employment または further-study を指定してください',
  countryCode: '--country には ISO 3166-1 alpha-2 の国コード（例: JP）を指定してください',
  rootRequired: '--root（自国の所管当局の did:key）は必須です。信頼の起点になります',
  registryKey: '--registry-key には登録簿運営者の did:key を指定してください',
  maxAgeDays: '--max-age-days には正の数を指定してください',
  publicUrl: '--public-url には https:// の URL（ウォレットがこのサービスに接続するアドレス）を指定してください',
  wrongCountry: (pack, country) => `この信頼パックは ${country} ではなく ${pack} のものです。${country} のパックを同期するか、--country ${pack} を指定してください`,
  credentialFile: '証明書ファイル', trustPackFile: '信頼パックファイル',
  reasons: { missing: 'ファイルがありません', directory: 'ディレクトリです', denied: 'アクセス権がありません', unreadable: '読み取れません' },
  cannotRead: (file, path, reason) => `${file} ${path} を読み込めません: ${reason}`,
  packNotJson: (path) => `信頼パックファイル ${path} が JSON ではありません`,
  notCredential: {
    empty: (path) => `証明書ファイル ${path} は空です`,
    notJson: (path) => `証明書ファイル ${path} は JSON のように始まりますが、正しい JSON ではありません`,
    unknownKind: (path) => `証明書ファイル ${path} は PNG・JPEG の写真、PDF、当システムの SVG、証明書の JSON、QR テキストのいずれでもありません`,
    damaged: (path, kind) => `証明書ファイル ${path} は読み取れない ${kind} ファイルです（破損しているか途中で切れています）`,
  },
  heldDamaged: '保存されている信頼パックファイルが破損しています。sync --full を実行してください',
  noPackHeld: '信頼パックがありません。先に sync を実行してください',
  notConfigured: 'この検証端末には登録簿運営者の鍵が設定されていません。' +
    '`corridor-verifier sync --registry <url> --country <CC> [--registry-key <did:key>]` を実行する（鍵が固定されます）か、' +
    '--trust-pack <file> とともに --registry-key <did:key>（または $CORRIDOR_REGISTRY_KEY）を指定してください',
  nothingHeld: '信頼パックがなく、この検証端末には登録簿運営者の鍵も設定されていません。' +
    '`corridor-verifier sync --registry <url> --country <CC> [--registry-key <did:key>]` を実行する（鍵が固定されます）か、' +
    '--trust-pack <file> とともに --registry-key <did:key>（または $CORRIDOR_REGISTRY_KEY）を指定してください',
  registryUnavailable: (kept) => `登録簿に接続できません: ${kept}`,
  refusedAnswer: (kept) => `登録簿の応答を拒否しました。${kept}`,
  keptPack: (n, date) => `パック #${n}（${date}）を引き続き使用します`,
  noPackYet: 'まだパックを保持していません',
  synced: (code, name, n, records, lists) => `${code} の信頼パック #${n} を同期しました（${name}：記録 ${records} 件、取消状況リスト ${lists} 件）`,
  status: (code, name, n, date, days, records, lists, operator) =>
    `${code} の信頼パック #${n}（${name}）、発行 ${date}（${days} 日前）、記録 ${records} 件、取消状況リスト ${lists} 件、運営者 ${operator}`,
  internal: '内部エラー（--debug を参照）',
} satisfies CliWords;
