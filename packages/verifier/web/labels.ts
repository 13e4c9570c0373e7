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
  },
};
