/**
 * The officer's page: an administrator pins the trust anchors once (setup.ts), the signed trust
 * list is then kept on the device and re-verified at each load (trust.ts); scan a QR with the
 * camera or from a photo, and verify on the device with the same pipeline as the CLI — no
 * request leaves the device while verifying.
 */
import { CorridorError, decodeQrText, isCorridorError, isPdf, type ErrorCode } from '@corridor/shared';
import { isLanguage, LABELS, LANGUAGE_NAMES, LANGUAGES, RIGHT_TO_LEFT, type Language } from '../src/messages.js';
import { anchorsDigest } from '../src/officer.js';
import { outdatedTrustResult, verifySkillCredential, type VerificationResult } from '../src/verify.js';
import { scanPdf, scanPhoto, scanWithCamera } from './scan.js';
import { renderAdmin, renderSetup, renderTrustError, type TrustErrorKind } from './setup.js';
import { acceptOffer, codeOf, fetchOffer, inspectOffer, install, loadHeld, resetTrust, type DeviceTrust } from './trust.js';
import { el, renderResult, renderUnreadable } from './view.js';
import { askWallet } from './wallet.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const LANGUAGE_KEY = 'corridor.language';

let language: Language = pickLanguage();
let trust: DeviceTrust | undefined;
/** The anchors pinned on this device (absent until an administrator confirms a setup). */
let pinned: DeviceTrust['pinned'] | undefined;
/** First installation: what the verifier offers, waiting for the administrator's confirmation. */
let offer: DeviceTrust | undefined;
let trustError: { code: ErrorCode; kind: TrustErrorKind } | undefined;
/** A setup link's digest of the anchors (`#pin=…`, printed by serve): installation takes only what matches it. */
const setupPin = new URLSearchParams(location.hash.slice(1)).get('pin') ?? undefined;
type Shown = ({ result: VerificationResult } | { code: ErrorCode }) & { page?: number };
let shown: Shown[] = [];
let scanning: AbortController | undefined;
let asking: AbortController | undefined;

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
  $('languages').setAttribute('aria-label', labels.languages);
  $('scan').textContent = scanning ? labels.stop : labels.scan;
  $('photo-label').textContent = labels.photo;
  $('wallet').textContent = asking ? labels.stop : labels.askWallet;
  for (const button of document.querySelectorAll<HTMLButtonElement>('#languages button')) {
    button.setAttribute('aria-pressed', String(button.value === language));
  }
  if (trust) {
    // Said before the officer scans, not after: a list this old gives no green verdict.
    const days = Math.floor((Date.now() - Date.parse(trust.checked.index.issuedAt)) / 86_400_000);
    if (pinned && Date.now() - Date.parse(trust.checked.index.issuedAt) > pinned.maxStatusAgeSeconds * 1000) setStatus(labels.staleList(days), 'error');
    else setStatus(labels.offlineReady, 'ready');
  } else setStatus(pinned ? labels.noTrust : labels.setupNeeded, 'error');
  showTrust();
  showCurrent();
}

function showTrust(): void {
  $('trust-panels').replaceChildren(...[
    trustError && renderTrustError(trustError.code, trustError.kind, trust !== undefined, language),
    !pinned && offer && renderSetup(offer, setupPin !== undefined, language, () => void confirmSetup()),
  ].filter((panel): panel is HTMLElement => !!panel));
  // Rebuilt only when what it shows changes: an administrator typing the reset word keeps it.
  const admin = $('admin-slot');
  const key = pinned ? `${language} ${JSON.stringify(pinned)}` : '';
  if (admin.dataset.shown !== key) {
    const open = admin.querySelector('details')?.open ?? false;
    const panel = pinned && renderAdmin(pinned, language, () => void resetDevice());
    admin.replaceChildren(...(panel ? [panel] : []));
    if (panel && open) (panel as HTMLDetailsElement).open = true;
    admin.dataset.shown = key;
  }
  document.body.dataset.trust = trust ? `${trust.checked.index.country}#${trust.checked.index.sequence}` : pinned ? 'none' : 'setup';
}

const verdictOf = (item: Shown) => ('result' in item ? item.result.verdict : 'unreadable');
const RANK = { invalid: 0, unreadable: 1, indeterminate: 2, valid: 3 } as const;

/** Many pages (a cohort's PDF): how many of each verdict, as the first heading; the pages that are not valid come first. */
function renderSummary(items: Shown[]): HTMLElement {
  const labels = LABELS[language];
  const counts = (['invalid', 'unreadable', 'indeterminate', 'valid'] as const).map((verdict) => [verdict, items.filter((i) => verdictOf(i) === verdict).length] as const)
    .filter(([, n]) => n > 0);
  return el('section', { class: 'summary', 'data-summary': counts.map(([v, n]) => `${v}:${n}`).join(' ') },
    el('h2', { class: 'headline', tabindex: '-1' }, `${labels.summary(items.length)}: ${counts.map(([v, n]) => `${n} ${labels.short[v]}`).join(', ')}`));
}

/** Shows the verdicts; `announce` moves focus to the first headline, so it is read out and is where the officer is. */
function showCurrent(announce = false): void {
  const result = $('result');
  const ordered = shown.length > 1 ? [...shown].sort((a, b) => RANK[verdictOf(a)] - RANK[verdictOf(b)] || (a.page ?? 0) - (b.page ?? 0)) : shown;
  result.replaceChildren(...(shown.length > 1 ? [renderSummary(shown)] : []), ...ordered.map((item) => {
    const panel = 'result' in item ? renderResult(item.result, language) : renderUnreadable(item.code, language);
    if (item.page) panel.prepend(Object.assign(document.createElement('p'), { className: 'page', textContent: LABELS[language].page(item.page) }));
    return panel;
  }));
  if (announce) result.querySelector<HTMLElement>('.headline')?.focus();
}

async function verifyOne(text: string, page?: number): Promise<Shown> {
  const { pinned: config, checked: { index } } = trust!;
  try {
    const credential = await decodeQrText(text, index.qrCatalogue ? { catalogue: index.qrCatalogue } : {});
    return { page, result: await verifySkillCredential(credential, { trust: index, country: config.country, maxStatusAgeSeconds: config.maxStatusAgeSeconds }) };
  } catch (error) {
    // A QR code printed after this device's list: amber, "sync", not a damaged code.
    if (isCorridorError(error) && error.code === 'ERR_TRUST_PACK_OUTDATED') return { page, result: outdatedTrustResult(index) };
    return { page, code: isCorridorError(error) ? error.code : 'ERR_INPUT_INVALID' };
  }
}

/** Verifies QR texts (one, or one per PDF page) on the device and shows every verdict. */
async function verifyTexts(texts: { text: string; page?: number }[]): Promise<void> {
  if (!trust) {
    setStatus(pinned ? LABELS[language].noTrust : LABELS[language].setupNeeded, 'error');
    shown = [{ code: 'ERR_TRUST_NOT_CONFIGURED' }];
    showCurrent();
    return;
  }
  setStatus(LABELS[language].reading, 'busy');
  shown = [];
  for (const { text, page } of texts) shown.push(await verifyOne(text, page));
  applyLanguage();
  showCurrent(true);
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
  let unavailable = false;
  try {
    await verifyTexts([{ text: await scanWithCamera(video, scanning.signal) }]);
  } catch (error) {
    unavailable = (error as Error).name !== 'AbortError';
  } finally {
    scanning = undefined;
    video.hidden = true;
    applyLanguage();
    // After the rest is redrawn, so that nothing overwrites it.
    if (unavailable) setStatus(LABELS[language].cameraUnavailable, 'error');
  }
}

/** OpenID4VP: the wallet's answer, verified on the device (wallet.ts), shown as for a scanned QR. */
async function toggleWallet(): Promise<void> {
  if (asking) return asking.abort();
  if (!trust) return void verifyTexts([]);
  asking = new AbortController();
  shown = [];
  applyLanguage();
  setStatus(LABELS[language].scanWallet, 'busy');
  const { pinned: config, checked: { index } } = trust;
  try {
    shown = [{ result: await askWallet({ trust: index, country: config.country, maxStatusAgeSeconds: config.maxStatusAgeSeconds, language, slot: $('wallet-slot'), signal: asking.signal }) }];
  } catch (error) {
    if ((error as Error).name !== 'AbortError') shown = [{ code: isCorridorError(error) ? error.code : 'ERR_STATUS_UNAVAILABLE' }];
  } finally {
    asking = undefined;
    setStatus(LABELS[language].offlineReady, 'ready');
    applyLanguage();
    showCurrent();
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
    applyLanguage();
    showCurrent(true);
  }
}

async function start(): Promise<void> {
  const languages = $('languages');
  for (const code of LANGUAGES) {
    const button = document.createElement('button');
    button.type = 'button';
    button.value = code;
    button.textContent = LANGUAGE_NAMES[code];
    // Each name in its own language, so a screen reader pronounces it right.
    button.lang = code;
    button.dir = RIGHT_TO_LEFT.has(code) ? 'rtl' : 'ltr';
    button.addEventListener('click', () => {
      language = code;
      localStorage.setItem(LANGUAGE_KEY, code);
      applyLanguage();
    });
    languages.append(button);
  }
  $('scan').addEventListener('click', () => void toggleCamera());
  $('wallet').addEventListener('click', () => void toggleWallet());
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
  await loadTrust();
}

/** The list kept on the device first (works offline), then what the verifier offers, judged against the pins. */
async function loadTrust(): Promise<void> {
  trustError = undefined;
  try {
    const held = await loadHeld();
    ({ pinned, trust } = held);
    if (held.error) trustError = { code: held.error, kind: 'held' };
  } catch {
    pinned = undefined;
    trust = undefined;
  }
  applyLanguage();
  try {
    const offered = await fetchOffer();
    if (offered === undefined) return;
    if (!pinned) {
      const inspected = await inspectOffer(offered);
      if (setupPin && anchorsDigest(inspected.pinned) !== setupPin) trustError = { code: 'ERR_TRUST_PACK_INVALID', kind: 'link' };
      else offer = inspected;
    } else {
      trust = await acceptOffer(pinned, trust, offered);
      trustError = undefined;
    }
  } catch (error) {
    // Refused: not stored, and the list held (if any) stays in use.
    trustError = { code: codeOf(error), kind: 'offer' };
  }
  applyLanguage();
}

/** The administrator compared the fingerprints: the offered anchors are pinned and the list kept. */
async function confirmSetup(): Promise<void> {
  if (!offer || pinned) return;
  await install(offer);
  ({ pinned } = offer);
  trust = offer;
  offer = undefined;
  trustError = undefined;
  if (setupPin) history.replaceState(null, '', location.pathname + location.search);
  applyLanguage();
}

async function resetDevice(): Promise<void> {
  await resetTrust();
  pinned = undefined;
  trust = undefined;
  offer = undefined;
  shown = [];
  await loadTrust();
}

void start();
