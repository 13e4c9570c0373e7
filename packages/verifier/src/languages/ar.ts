import type { CliWords, LanguagePack } from './types.js';

export default {
  code: 'ar', name: 'العربية', rightToLeft: true,
  verdicts: { valid: 'صالحة', invalid: 'غير صالحة — لا تقبلها', indeterminate: 'لا يمكن التأكيد — تحقق أكثر' },
  outcomes: { full: 'معترف بها بالكامل', partial: 'معترف بها بشروط', none: 'غير معترف بها' },
  messages: {
    ERR_INPUT_INVALID: 'هذه ليست وثيقة يمكن لهذه الأداة قراءتها. اطلب الشهادة أو الملف مرة أخرى.',
    ERR_PAYLOAD_TOO_LARGE: 'الملف أكبر من أن يكون وثيقة اعتماد. اطلب الشهادة نفسها.',
    ERR_CREDENTIAL_MALFORMED: 'الوثيقة ليست بالشكل المتوقع. لا تقبلها.',
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
    ERR_QUALIFICATION_WITHDRAWN: 'سُحب المؤهل قبل إصدار هذه الشهادة. لا تقبلها.',
    ERR_KEY_COMPROMISED: 'أُبلغ عن سرقة المفتاح الذي وقّع هذا أو فقدانه. لا تقبلها.',
    ERR_NAME_MISMATCH: 'الأسماء في الشهادة لا تطابق السجل. لا تقبلها.',
    ERR_LOG_INCONSISTENT: 'قائمة الثقة لديك لا تكمل تاريخ السجل الذي كان لديك من قبل. لا تعتمد عليها واتصل بالمسؤول.',
    ERR_REGISTRY_INCONSISTENT: 'بيانات السجل لا تطابق سجله الموقّع. اتصل بمشغّل السجل.',
    ERR_TRUST_NOT_CONFIGURED: 'لم يُضبط لهذا المتحقق مفتاح سجل أو جهة موثوقة. اتصل بالمسؤول.',
    ERR_HOLDER_MISMATCH: 'شهادة داعمة تخص شخصًا آخر. لا تُحتسب.',
    ERR_UNAUTHENTICATED: 'سجّل الدخول أولًا: لا يحمل الطلب رمز وصول صالحًا.',
    ERR_FORBIDDEN: 'صلاحياتك لا تسمح بهذا.',
    ERR_TIMEOUT: 'استغرق هذا وقتًا طويلًا. حاول مرة أخرى.',
    ERR_INSECURE_TRANSPORT: 'يجب أن تستخدم هذه الخدمة اتصالًا آمنًا (HTTPS).',
    ERR_PROPERTY_REFUSED: 'رفضت الجهة المُصدِرة جزءًا من هذا الطلب، ولم يُصدَر شيء. صحّح الحقل المذكور.',
    ERR_TRUST_PACK_OUTDATED: 'هذه الوثيقة أحدث من قائمة الثقة على هذا الجهاز. زامن ثم تحقق مرة أخرى.',
  },
  labels: {
    languages: 'اللغة', title: 'التحقق من شهادة المهارات', scan: 'المسح بالكاميرا', stop: 'إيقاف الكاميرا', photo: 'صورة الشهادة أو ملف PDF',
    pointCamera: 'وجّه الكاميرا نحو رمز QR على الشهادة.', reading: 'جارٍ التحقق…',
    holder: 'حامل الشهادة', born: 'تاريخ الميلاد', comparePassport: 'قارن الاسم وتاريخ الميلاد بجواز السفر.',
    qualification: 'المؤهل', issuedBy: 'الجهة المصدرة', validUntil: 'صالحة حتى',
    route: 'طريقة الحصول', routes: { training: 'تدريب ثم تقييم', 'recognition-of-prior-learning': 'الاعتراف بالتعلم المسبق (تقييم دون دورة تدريبية)' },
    inCountry: (c, _code) => `في ${c}`, as: 'بصفة', met: 'مستوفى', toDo: 'غير مستوفى', checks: 'عمليات التحقق',
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
    headlines: {
      valid: 'صالحة: أصلية، صادرة عن جهة تدريب معتمدة، غير ملغاة',
      invalid: 'غير صالحة: لا تقبل هذه الوثيقة',
      indeterminate: 'لا يمكن التأكيد: تعذر التحقق من أمر ما (انظر أدناه)',
    },
    unregistered: 'غير موجود في السجل: كما تذكره الوثيقة',
    withdrawnOn: (date) => `سحبته الجهة المختصة في ${date}`,
    purposes: { employment: 'العمل', 'further-study': 'مواصلة الدراسة' }, forPurpose: (p) => `الغرض: ${p}`,
    checkNames: { format: 'الشكل', proof: 'التوقيع', issuer: 'الجهة المصدرة', validity: 'التواريخ', status: 'الحالة', recognition: 'الاعتراف', holder: 'الحامل' },
    checkPassed: {
      format: 'وثيقة مهارات', proof: 'التوقيع صالح', issuer: 'جهة التدريب معتمدة في تاريخ الإصدار',
      validity: 'ضمن تواريخ صلاحيتها', status: 'غير ملغاة', recognition: 'تم البحث عن الاعتراف', holder: 'الشخص نفسه',
    },
    packOffline: (n, date, days) => `حزمة الثقة رقم ${n} بتاريخ ${date} (منذ ${days} يوم)، تم التحقق دون اتصال`,
    summary: (pages) => `${pages} صفحة`,
    short: { valid: 'صالحة', invalid: 'غير صالحة', indeterminate: 'لا يمكن التأكيد', unreadable: 'غير مقروءة' },
    staleList: (days) => `عمر قائمة الثقة على هذا الجهاز ${days} يومًا: لا يمكن تأكيد صلاحية أي وثيقة. اتصل بالمُحقِّق لتحديثها.`,
    askWallet: 'اطلب من محفظة العامل', scanWallet: 'اطلب من العامل مسح هذا الرمز بتطبيق محفظته.',
  },
} satisfies LanguagePack<'ar'>;

/** The officer's CLI (cli-language.ts); apart, so that the page's bundle does not carry it. */
export const cli = {
  help: (sync, status, serve, verify) => `corridor-verifier: حكم الموظف المختص على شهادة مهارات، دون اتصال بالشبكة.

  ${sync}
      يجلب حزمة الثقة (ثم التغييرات فقط)، ويحتفظ بآخر حزمة سليمة إذا تعذر الوصول إلى السجل أو أرسل بيانات خاطئة.
      تثبّت المزامنة الأولى مفتاح مشغّل السجل (حدّده بـ --registry-key)؛ ويجب أن تكون الحزم اللاحقة موقّعة به وأن
      يكون سجلّها امتدادًا للسجل المحفوظ. تُحفظ موقّعة ويُتحقق منها عند كل تحميل
  ${status}
      الحزمة المحفوظة: البلد، الرقم التسلسلي، العمر
  ${serve}
      (HTTP غير المشفّر خارج loopback فقط مع --insecure-http)
      يجيب عن POST /credentials/verify و /presentations/verify (VC-API) دون اتصال من الحزمة؛
      صفحة الموظف على /officer/: الكاميرا أو صورة، يجري التحقق على الجهاز، وتعمل دون اتصال
      (يعرض البصمات ورابط الإعداد اللذين يستخدمهما المسؤول لتثبيتها على جهاز)؛
      تُعتمد الحزمة الأحدث من \`sync\` خلال 30 ثانية دون إعادة تشغيل؛ OpenID4VP: زر "اطلب من محفظة العامل"
      يعرض رمز QR للطلب، وتجيب المحافظ إلى <--public-url (https://…)، وإلا هذا العنوان>/oid4vp/response
  ${verify}
      يستخدم الحزمة المُزامَنة ما لم يحدد --trust-pack ملف حزمة؛ ولا تُستخدم حزمة إلا إذا وقّعها مشغّل السجل
      المضبوط: --registry-key (أو $CORRIDOR_REGISTRY_KEY)، وإلا المفتاح الذي ثبّتته المزامنة

<file> صورة أو مسح ضوئي لرمز QR (PNG، JPEG)، أو ملف PDF للشهادات (يُتحقق من كل صفحة)، أو ملف SVG الخاص بنا، أو
JSON الوثيقة، أو - لقراءة JSON أو نص QR من الإدخال القياسي. يبدأ ملف PDF الذي يضم شهادات كثيرة بملخص (عدد كل
حكم، والصفحات غير الصالحة)، ثم كل صفحة.
--root مفتاح الجهة المختصة في بلدك (يمكن تكراره؛ أو $CORRIDOR_VERIFIER_ROOTS مفصولة بفواصل).
--language: إن لم يُحدَّد، فلغة $LC_ALL أو $LC_MESSAGES أو $LANG (ar_EG.UTF-8 تعني العربية)، وإلا الإنجليزية.
الخيارات: --data <dir> (الافتراضي $CORRIDOR_VERIFIER_DATA أو ./.corridor/verifier). لا يتصل verify بالشبكة أبدًا.
رموز الخروج: 0 صالحة، 1 غير صالحة، 2 لا يمكن التأكيد، 3 خطأ في الاستخدام أو الإدخال.`,
  usage: 'خطأ في الاستخدام',
  unknownOption: (option) => `خيار غير معروف ${option} (انظر --help)`,
  missingValue: (option) => `يحتاج ${option} إلى قيمة (انظر --help)`,
  noValue: (option) => `لا يقبل ${option} أي قيمة (انظر --help)`,
  unknownCommand: (command) => `أمر غير معروف ${command} (انظر --help)`,
  needsFile: 'يحتاج verify إلى ملف (صورة PNG أو JPEG، أو PDF، أو JSON) أو - للإدخال القياسي',
  required: (option) => `${option} مطلوب (انظر --help)`,
  languageOneOf: (languages) => `يجب أن تكون قيمة --language إحدى: ${languages}`,
  purposeOneOf: 'يجب أن تكون قيمة --purpose إما employment أو further-study',
  countryCode: 'يجب أن تكون قيمة --country رمز بلد وفق ISO 3166-1 alpha-2، مثل JP',
  rootRequired: '--root (مفتاح did:key للجهة المختصة في بلدك) مطلوب: منه تبدأ الثقة',
  registryKey: 'يجب أن تكون قيمة --registry-key مفتاح did:key لمشغّل السجل',
  maxAgeDays: 'يجب أن تكون قيمة --max-age-days عددًا موجبًا',
  publicUrl: 'يجب أن تكون قيمة --public-url عنوان URL يبدأ بـ https:// (حيث تصل المحافظ إلى هذه الخدمة)',
  wrongCountry: (pack, country) => `حزمة الثقة خاصة بـ ${pack} وليست بـ ${country}: زامن حزمة ${country}، أو حدّد --country ${pack}`,
  credentialFile: 'ملف الوثيقة', trustPackFile: 'ملف حزمة الثقة',
  reasons: { missing: 'الملف غير موجود', directory: 'إنه مجلد', denied: 'الإذن مرفوض', unreadable: 'تتعذر قراءته' },
  cannotRead: (file, path, reason) => `تتعذر قراءة ${file} ${path}: ${reason}`,
  packNotJson: (path) => `ملف حزمة الثقة ${path} ليس JSON`,
  notCredential: {
    empty: (path) => `ملف الوثيقة ${path} فارغ`,
    notJson: (path) => `ملف الوثيقة ${path} يبدأ مثل JSON لكنه ليس JSON صالحًا`,
    unknownKind: (path) => `ملف الوثيقة ${path} ليس صورة PNG أو JPEG ولا PDF ولا ملف SVG الخاص بنا ولا JSON وثيقة ولا نص QR`,
    damaged: (path, kind) => `ملف الوثيقة ${path} ملف ${kind} تتعذر قراءته (تالف أو مقطوع)`,
  },
  heldDamaged: 'ملف حزمة الثقة المحفوظ تالف؛ شغّل sync --full',
  noPackHeld: 'لا توجد حزمة ثقة محفوظة؛ شغّل sync أولًا',
  notConfigured: 'لم يُضبط مفتاح مشغّل السجل لهذا المتحقق: شغّل ' +
    '`corridor-verifier sync --registry <url> --country <CC> [--registry-key <did:key>]` (يثبّت المفتاح)، ' +
    'أو حدّد --registry-key <did:key> (أو $CORRIDOR_REGISTRY_KEY) مع --trust-pack <file>',
  nothingHeld: 'لا توجد حزمة ثقة محفوظة ولم يُضبط مفتاح مشغّل السجل لهذا المتحقق: شغّل ' +
    '`corridor-verifier sync --registry <url> --country <CC> [--registry-key <did:key>]` (يثبّت المفتاح)، ' +
    'أو حدّد --registry-key <did:key> (أو $CORRIDOR_REGISTRY_KEY) مع --trust-pack <file>',
  registryUnavailable: (kept) => `السجل غير متاح: ${kept}`,
  refusedAnswer: (kept) => `رُفض رد السجل؛ ${kept}`,
  keptPack: (n, date) => `أُبقيت الحزمة رقم ${n} بتاريخ ${date}`,
  noPackYet: 'لا توجد حزمة محفوظة بعد',
  synced: (code, name, n, records, lists) => `تمت مزامنة حزمة الثقة ${code} رقم ${n} (${name}: السجلات ${records}، قوائم الحالة ${lists})`,
  status: (code, name, n, date, days, records, lists, operator) =>
    `حزمة الثقة ${code} رقم ${n} (${name})، صدرت في ${date} (منذ ${days} يوم)، السجلات ${records}، قوائم الحالة ${lists}، المشغّل ${operator}`,
  internal: 'خطأ داخلي (انظر --debug)',
} satisfies CliWords;
