/**
 * The officer's page: load the trust list once (it is then kept on the device), scan a QR with
 * the camera or from a photo, and verify on the device with the same pipeline as the CLI —
 * no request leaves the device while verifying.
 */
import { CorridorError, decodeQrText, isCorridorError, type ErrorCode } from '@corridor/shared';
import { isLanguage, LANGUAGES, RIGHT_TO_LEFT, type Language } from '../src/messages.js';
import { verifySkillCredential, type VerificationResult } from '../src/verify.js';
import { LABELS } from './labels.js';
import { scanPhoto, scanWithCamera } from './scan.js';
import { loadDeviceTrust, type DeviceTrust } from './trust.js';
import { renderResult, renderUnreadable } from './view.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const LANGUAGE_KEY = 'corridor.language';

let language: Language = pickLanguage();
let trust: DeviceTrust | undefined;
let shown: { result: VerificationResult } | { code: ErrorCode } | undefined;
let scanning: AbortController | undefined;

function pickLanguage(): Language {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(LANGUAGE_KEY);
  if (isLanguage(asked)) return asked;
  const device = navigator.languages.map((tag) => tag.toLowerCase().split('-')[0]).find((tag) => isLanguage(tag === 'tl' ? 'fil' : tag));
  return (device === 'tl' ? 'fil' : device) as Language | undefined ?? 'en';
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
  result.replaceChildren();
  if (!shown) return;
  result.append('result' in shown ? renderResult(shown.result, language) : renderUnreadable(shown.code, language));
}

async function verifyText(text: string): Promise<void> {
  if (!trust) {
    setStatus(LABELS[language].noTrust, 'error');
    return;
  }
  setStatus(LABELS[language].reading, 'busy');
  try {
    const credential = await decodeQrText(text, trust.index.qrCatalogue ? { catalogue: trust.index.qrCatalogue } : {});
    const { document: config, index } = trust;
    shown = { result: await verifySkillCredential(credential, { trust: index, country: config.country, maxStatusAgeSeconds: config.maxStatusAgeSeconds }) };
  } catch (error) {
    shown = { code: isCorridorError(error) ? error.code : 'ERR_INPUT_INVALID' };
  }
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
  shown = undefined;
  applyLanguage();
  setStatus(LABELS[language].pointCamera, 'busy');
  try {
    await verifyText(await scanWithCamera(video, scanning.signal));
  } catch (error) {
    if ((error as Error).name !== 'AbortError') setStatus(LABELS[language].cameraUnavailable, 'error');
    else setStatus(LABELS[language].offlineReady, 'ready');
  } finally {
    scanning = undefined;
    video.hidden = true;
    applyLanguage();
  }
}

async function readPhoto(file: File): Promise<void> {
  setStatus(LABELS[language].reading, 'busy');
  try {
    const text = await scanPhoto(file);
    if (text) return await verifyText(text);
    throw new CorridorError('ERR_INPUT_INVALID', 'no QR code found in the photo');
  } catch (error) {
    shown = { code: isCorridorError(error) ? error.code : 'ERR_INPUT_INVALID' };
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
    if (file) void readPhoto(file);
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
