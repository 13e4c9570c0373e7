/**
 * The page's own words in each language the verifier speaks (verdicts, outcomes and error
 * messages come from src/messages.ts). First drafts: native speakers should review them.
 */
import type { Language } from '../src/messages.js';

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
}

export const LABELS: Record<Language, Labels> = {
  en: {
    title: 'Skill credential check', scan: 'Scan with camera', stop: 'Stop camera', photo: 'Photo or PDF of the certificate',
    pointCamera: 'Point the camera at the QR code on the certificate.', reading: 'Checking…',
    holder: 'Holder', born: 'Born', comparePassport: 'Compare the name and birth date with the passport.',
    qualification: 'Qualification', issuedBy: 'Issued by', validUntil: 'valid until',
    inCountry: (c) => `In ${c}`, as: 'as', met: 'met', toDo: 'to do', checks: 'Checks',
    cannotRead: 'Could not read a credential',
    pack: (n, date, days) => `Trust list #${n} of ${date} (${days} day${days === 1 ? '' : 's'} old), checked on this device`,
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
  },
  ja: {
    title: '技能証明書の確認', scan: 'カメラで読み取る', stop: 'カメラを止める', photo: '証明書の写真またはPDF',
    pointCamera: '証明書のQRコードにカメラを向けてください。', reading: '確認中…',
    holder: '氏名', born: '生年月日', comparePassport: '氏名と生年月日を旅券と照合してください。',
    qualification: '資格', issuedBy: '発行機関', validUntil: '有効期限',
    inCountry: (c) => `${c}での扱い`, as: '相当', met: '充足', toDo: '未充足', checks: '確認項目',
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
  },
  fil: {
    title: 'Pagsusuri ng kredensyal sa kasanayan', scan: 'I-scan gamit ang camera', stop: 'Itigil ang camera', photo: 'Larawan o PDF ng sertipiko',
    pointCamera: 'Itutok ang camera sa QR code ng sertipiko.', reading: 'Sinusuri…',
    holder: 'May-hawak', born: 'Ipinanganak', comparePassport: 'Ihambing ang pangalan at petsa ng kapanganakan sa pasaporte.',
    qualification: 'Kwalipikasyon', issuedBy: 'Inisyu ng', validUntil: 'balido hanggang',
    inCountry: (c) => `Sa ${c}`, as: 'bilang', met: 'natupad', toDo: 'gagawin pa', checks: 'Mga pagsusuri',
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
  },
  ar: {
    title: 'التحقق من شهادة المهارات', scan: 'المسح بالكاميرا', stop: 'إيقاف الكاميرا', photo: 'صورة الشهادة أو ملف PDF',
    pointCamera: 'وجّه الكاميرا نحو رمز QR على الشهادة.', reading: 'جارٍ التحقق…',
    holder: 'حامل الشهادة', born: 'تاريخ الميلاد', comparePassport: 'قارن الاسم وتاريخ الميلاد بجواز السفر.',
    qualification: 'المؤهل', issuedBy: 'الجهة المصدرة', validUntil: 'صالحة حتى',
    inCountry: (c) => `في ${c}`, as: 'بصفة', met: 'مستوفى', toDo: 'غير مستوفى', checks: 'عمليات التحقق',
    cannotRead: 'تعذرت قراءة الشهادة',
    pack: (n, date, days) => `قائمة الثقة رقم ${n} بتاريخ ${date} (منذ ${days} يوم)، تم التحقق على هذا الجهاز`,
    offlineReady: 'جاهز للعمل دون اتصال', loadingTrust: 'جارٍ تحميل قائمة الثقة…',
    noTrust: 'لا توجد قائمة ثقة على هذا الجهاز بعد. اتصل بالمُحقِّق مرة واحدة.',
    cameraUnavailable: 'الكاميرا غير متاحة هنا. التقط صورة واخترها أدناه.',
    page: (n) => `الصفحة ${n}`,
    setupTitle: 'إعداد هذا الجهاز', setupIntro: 'لا يثق هذا الجهاز بأي قائمة بعد. قارن هذه البصمات بالبصمات التي عرضها المُحقِّق عند تشغيله (اسأل المسؤول). لا تؤكد إلا إذا تطابقت جميعها: بعد ذلك لن يقبل الجهاز إلا القوائم الموقعة بهذه المفاتيح.',
    country: 'البلد', roots: 'الجهات الجذرية', operator: 'مشغّل السجل',
    maxAge: (d) => `قائمة ثقة أقدم من ${d} يومًا لا تعطي حكمًا أخضر`, offered: (n, date) => `قائمة الثقة المعروضة: رقم ${n} بتاريخ ${date}`,
    confirmSetup: 'البصمات متطابقة: الوثوق بهذه المفاتيح', setupNeeded: 'هذا الجهاز غير مُعدّ: يجب أن يؤكد المسؤول المفاتيح أدناه.',
    admin: 'الإدارة', pinnedTitle: 'المفاتيح التي يثق بها هذا الجهاز',
    resetHint: 'لا يغيّرها إلا المسؤول: اكتب RESET واضغط الزر. بعد ذلك يجب إعداد الجهاز من جديد.',
    reset: 'إعادة ضبط الثقة',
    trustRefused: 'أرسل المُحقِّق قائمة ثقة لا يقبلها هذا الجهاز. لم تُستخدم، وتبقى القائمة التي تم التحقق منها سابقًا قيد الاستخدام. أبلغ المسؤول.',
    heldInvalid: 'تعذر التحقق من قائمة الثقة المحفوظة على هذا الجهاز.',
    linkMatch: 'يطابق رابط الإعداد.', linkMismatch: 'ما يعرضه المُحقِّق لا يطابق رابط الإعداد: لا تُعدّ هذا الجهاز وأبلغ المسؤول.',
    trustRefusedNone: 'أرسل المُحقِّق قائمة ثقة لا يقبلها هذا الجهاز. لم تُستخدم. أبلغ المسؤول.',
  },
};
