/**
 * The officer's page: load the trust list once (it is then kept on the device), scan a QR with
 * the camera or from a photo, and verify on the device with the same pipeline as the CLI —
 * no request leaves the device while verifying.
 */
import { CorridorError, decodeQrText, isCorridorError, isPdf, type ErrorCode } from '@corridor/shared';
import { isLanguage, LANGUAGES, RIGHT_TO_LEFT, type Language } from '../src/messages.js';
import { verifySkillCredential, type VerificationResult } from '../src/verify.js';
import { LABELS } from './labels.js';
import { scanPdf, scanPhoto, scanWithCamera } from './scan.js';
import { loadDeviceTrust, type DeviceTrust } from './trust.js';
import { renderResult, renderUnreadable } from './view.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const LANGUAGE_KEY = 'corridor.language';

let language: Language = pickLanguage();
let trust: DeviceTrust | undefined;
type Shown = ({ result: VerificationResult } | { code: ErrorCode }) & { page?: number };
let shown: Shown[] = [];
let scanning: AbortController | undefined;

function pickLanguage(): Language {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(LANGUAGE_KEY);
  if (isLanguage(asked)) return asked;
  // Tagalog (tl) is read as Filipino.
  const device = navigator.languages.map((tag) => tag.toLowerCase().split('-')[0]).map((tag) => (tag === 'tl' ? 'fil' : tag)).find(isLanguage);
  return device ?? 'en';
}

function setStatus(text: string, state = 'info'): void {
  const status = $('status');
  status.textContent = text;
  status.dataset.state = state;
}

function applyLanguage(): void {
  const labels = LABELS[language];
  document.documentElement.lang = language;
  document.documentElement.dir = RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
  document.title = labels.title;
  $('title').textContent = labels.title;
  $('scan').textContent = scanning ? labels.stop : labels.scan;
  $('photo-label').textContent = labels.photo;
  for (const button of document.querySelectorAll<HTMLButtonElement>('#languages button')) {
    button.setAttribute('aria-pressed', String(button.value === language));
  }
  if (trust) setStatus(labels.offlineReady, 'ready');
  showCurrent();
}

function showCurrent(): void {
  const result = $('result');
  result.replaceChildren(...shown.map((item) => {
    const panel = 'result' in item ? renderResult(item.result, language) : renderUnreadable(item.code, language);
    if (item.page) panel.prepend(Object.assign(document.createElement('p'), { className: 'page', textContent: LABELS[language].page(item.page) }));
    return panel;
  }));
}

async function verifyOne(text: string, page?: number): Promise<Shown> {
  const { document: config, index } = trust!;
  try {
    const credential = await decodeQrText(text, index.qrCatalogue ? { catalogue: index.qrCatalogue } : {});
    return { page, result: await verifySkillCredential(credential, { trust: index, country: config.country, maxStatusAgeSeconds: config.maxStatusAgeSeconds }) };
  } catch (error) {
    return { page, code: isCorridorError(error) ? error.code : 'ERR_INPUT_INVALID' };
  }
}

/** Verifies QR texts (one, or one per PDF page) on the device and shows every verdict. */
async function verifyTexts(texts: { text: string; page?: number }[]): Promise<void> {
  if (!trust) {
    setStatus(LABELS[language].noTrust, 'error');
    return;
  }
  setStatus(LABELS[language].reading, 'busy');
  shown = [];
  for (const { text, page } of texts) shown.push(await verifyOne(text, page));
  setStatus(LABELS[language].offlineReady, 'ready');
  showCurrent();
  $('result').scrollIntoView({ block: 'start' });
}

async function toggleCamera(): Promise<void> {
  if (scanning) {
    scanning.abort();
    return;
  }
  scanning = new AbortController();
  const video = $<HTMLVideoElement>('camera');
  video.hidden = false;
  shown = [];
  applyLanguage();
  setStatus(LABELS[language].pointCamera, 'busy');
  try {
    await verifyTexts([{ text: await scanWithCamera(video, scanning.signal) }]);
  } catch (error) {
    if ((error as Error).name !== 'AbortError') setStatus(LABELS[language].cameraUnavailable, 'error');
    else setStatus(LABELS[language].offlineReady, 'ready');
  } finally {
    scanning = undefined;
    video.hidden = true;
    applyLanguage();
  }
}

async function readFile(file: File): Promise<void> {
  setStatus(LABELS[language].reading, 'busy');
  try {
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    if (isPdf(head)) return await verifyTexts(await scanPdf(file));
    const text = await scanPhoto(file);
    if (text) return await verifyTexts([{ text }]);
    throw new CorridorError('ERR_QR_NOT_FOUND', 'no QR code found in the photo');
  } catch (error) {
    shown = [{ code: isCorridorError(error) ? error.code : 'ERR_INPUT_INVALID' }];
    setStatus(LABELS[language].offlineReady, trust ? 'ready' : 'error');
    showCurrent();
  }
}

async function start(): Promise<void> {
  const languages = $('languages');
  for (const code of LANGUAGES) {
    const button = document.createElement('button');
    button.type = 'button';
    button.value = code;
    button.textContent = { en: 'English', ja: '日本語', fil: 'Filipino', ar: 'العربية' }[code];
    button.addEventListener('click', () => {
      language = code;
      localStorage.setItem(LANGUAGE_KEY, code);
      applyLanguage();
    });
    languages.append(button);
  }
  $('scan').addEventListener('click', () => void toggleCamera());
  $<HTMLInputElement>('photo').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void readFile(file);
  });
  applyLanguage();
  setStatus(LABELS[language].loadingTrust, 'busy');
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch(() => undefined);
  }
  try {
    trust = await loadDeviceTrust();
  } catch {
    trust = undefined;
  }
  document.body.dataset.trust = trust ? `${trust.index.country}#${trust.index.sequence}` : 'none';
  if (trust) setStatus(LABELS[language].offlineReady, 'ready');
  else setStatus(LABELS[language].noTrust, 'error');
}

void start();
