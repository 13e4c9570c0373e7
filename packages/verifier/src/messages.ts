/**
 * What an officer reads: the verdict and every error code in plain words, in English, Japanese,
 * Filipino and Arabic (right to left). The Record types make a missing translation a compile
 * error. Translations are first drafts: have native speakers review them before deployment.
 */
import type { ErrorCode } from '@corridor/shared';

export const LANGUAGES = ['en', 'ja', 'fil', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
export const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set(['ar']);

type Verdicts = Record<'valid' | 'invalid' | 'indeterminate', string>;

export const VERDICTS: Record<Language, Verdicts> = {
  en: { valid: 'VALID', invalid: 'NOT VALID — do not accept', indeterminate: 'CANNOT CONFIRM — check further' },
  ja: { valid: '有効', invalid: '無効 — 受理しないでください', indeterminate: '確認できません — 追加確認が必要' },
  fil: { valid: 'WASTO', invalid: 'HINDI WASTO — huwag tanggapin', indeterminate: 'HINDI MAKUMPIRMA — suriin pa' },
  ar: { valid: 'صالحة', invalid: 'غير صالحة — لا تقبلها', indeterminate: 'لا يمكن التأكيد — تحقق أكثر' },
};

export const OUTCOMES: Record<Language, Record<'full' | 'partial' | 'none', string>> = {
  en: { full: 'Fully recognised', partial: 'Recognised with conditions', none: 'Not recognised' },
  ja: { full: '完全に認定', partial: '条件付きで認定', none: '認定されていません' },
  fil: { full: 'Ganap na kinikilala', partial: 'Kinikilala nang may kondisyon', none: 'Hindi kinikilala' },
  ar: { full: 'معترف بها بالكامل', partial: 'معترف بها بشروط', none: 'غير معترف بها' },
};

type Messages = Record<ErrorCode, string>;

const en: Messages = {
  ERR_INPUT_INVALID: 'This is not a credential this tool can read. Ask for the certificate or the credential file again.',
  ERR_PAYLOAD_TOO_LARGE: 'The file is too large to be a credential. Ask for the certificate itself.',
  ERR_CREDENTIAL_MALFORMED: 'The credential is not in the expected form. It may have been edited. Do not accept it.',
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
};

const ja: Messages = {
  ERR_INPUT_INVALID: 'このツールで読み取れる証明書ではありません。証明書またはファイルを再度提示してもらってください。',
  ERR_PAYLOAD_TOO_LARGE: 'ファイルが大きすぎます。証明書そのものを提示してもらってください。',
  ERR_CREDENTIAL_MALFORMED: '証明書の形式が正しくありません。改ざんの可能性があります。受理しないでください。',
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
};

const fil: Messages = {
  ERR_INPUT_INVALID: 'Hindi ito kredensyal na kayang basahin ng tool na ito. Hingin muli ang sertipiko o ang file.',
  ERR_PAYLOAD_TOO_LARGE: 'Masyadong malaki ang file para maging kredensyal. Hingin ang mismong sertipiko.',
  ERR_CREDENTIAL_MALFORMED: 'Wala sa inaasahang anyo ang kredensyal; maaaring binago ito. Huwag tanggapin.',
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
};

const ar: Messages = {
  ERR_INPUT_INVALID: 'هذه ليست وثيقة يمكن لهذه الأداة قراءتها. اطلب الشهادة أو الملف مرة أخرى.',
  ERR_PAYLOAD_TOO_LARGE: 'الملف أكبر من أن يكون وثيقة اعتماد. اطلب الشهادة نفسها.',
  ERR_CREDENTIAL_MALFORMED: 'الوثيقة ليست بالشكل المتوقع وربما عُدّلت. لا تقبلها.',
  ERR_PROOF_MISSING: 'الوثيقة غير موقعة. لا تقبلها.',
  ERR_SIGNATURE_INVALID: 'التوقيع غير مطابق: عُدّلت الوثيقة بعد إصدارها أو أنها مزورة. لا تقبلها.',
  ERR_CONTEXT_UNKNOWN: 'تستخدم الوثيقة مصطلحات لا تعرفها هذه الأداة. لا تقبلها.',
  ERR_DID_UNRESOLVABLE: 'لا يمكن التعرف على الجهة المصدرة دون اتصال. لا تقبلها.',
  ERR_KEY_INVALID: 'مفتاح الجهة المصدرة غير صالح. لا تقبلها.',
  ERR_ISSUER_UNKNOWN: 'مركز التدريب غير معتمد من أي سلطة تثق بها. لا تقبلها.',
  ERR_ISSUER_NOT_ACCREDITED: 'مركز التدريب معتمد، لكن ليس لهذا المؤهل. لا تقبلها.',
  ERR_ACCREDITATION_NOT_IN_FORCE: 'لم يكن مركز التدريب معتمدًا في تاريخ إصدار هذه الوثيقة. لا تقبلها.',
  ERR_CREDENTIAL_NOT_YET_VALID: 'تاريخ الوثيقة في المستقبل. تحقق من ساعة الجهاز، وإلا فلا تقبلها.',
  ERR_CREDENTIAL_EXPIRED: 'انتهت صلاحية الوثيقة. اطلب وثيقة سارية.',
  ERR_CREDENTIAL_REVOKED: 'ألغى مركز التدريب هذه الوثيقة. لا تقبلها.',
  ERR_CREDENTIAL_SUSPENDED: 'علّق مركز التدريب هذه الوثيقة. لا تقبلها حاليًا.',
  ERR_STATUS_UNAVAILABLE: 'لا يمكن التحقق من إلغائها: لا توجد حالة لهذه الجهة على الجهاز. زامن عندما تستطيع.',
  ERR_STATUS_STALE: 'بيانات الجهاز قديمة جدًا لتأكيد عدم الإلغاء. زامن ثم تحقق مرة أخرى.',
  ERR_QUALIFICATION_UNKNOWN: 'هذا المؤهل غير موجود في سجل الجهاز. زامن ثم تحقق مرة أخرى.',
  ERR_RECOGNITION_NONE: 'لا يوجد اعتراف متفق عليه بهذا المؤهل في بلدك لهذا الغرض.',
  ERR_RECORD_INVALID: 'أحد سجلات السجل على الجهاز تالف. زامن مرة أخرى.',
  ERR_RECORD_SIGNATURE_INVALID: 'أحد سجلات السجل على الجهاز توقيعه غير صحيح. زامن مرة أخرى وأبلغ عنه.',
  ERR_SIGNER_NOT_AUTHORIZED: 'وقّع سجلًا شخص غير مخوّل، فتم تجاهله.',
  ERR_TRUST_PACK_INVALID: 'بيانات السجل على الجهاز تالفة أو غير أصلية. زامن مرة أخرى.',
  ERR_TRUST_PACK_ROLLBACK: 'عُرضت بيانات سجل أقدم مما على الجهاز، فرُفضت.',
  ERR_QR_INVALID: 'رمز QR هذا ليس وثيقة مهارات أو أنه تالف. امسحه مرة أخرى أو اطلب الملف.',
  ERR_QR_NOT_FOUND: 'لم يُعثر على رمز QR في الصورة. قرّب الكاميرا وثبّتها.',
  ERR_REQUEST_REPLAYED: 'أُرسل الطلب نفسه مرتين. حاول مرة أخرى.',
  ERR_RATE_LIMITED: 'طلبات كثيرة جدًا. انتظر قليلًا ثم حاول مرة أخرى.',
  ERR_NOT_FOUND: 'غير موجود.',
  ERR_CONFLICT: 'يتعارض هذا مع ما هو مسجل بالفعل.',
};

export const MESSAGES: Record<Language, Messages> = { en, ja, fil, ar };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The officer's sentence for a code, in `language` (English when the language is not supported). */
export function explain(code: ErrorCode, language: string = 'en'): string {
  return MESSAGES[isLanguage(language) ? language : 'en'][code];
}
