/**
 * The page's trust panels: the setup an administrator confirms at first installation (what the
 * verifier offers, as fingerprints to compare with the ones `serve` printed), the keys pinned on
 * the device with the typed-confirmation reset, and the refusal of a list the device does not
 * accept. Everything shown is text, never markup.
 */
import type { ErrorCode } from '@corridor/shared';
import { countryName, explain, type Language } from '../src/messages.js';
import { fingerprint, type PinnedTrust } from '../src/officer.js';
import { LABELS } from './labels.js';
import type { DeviceTrust } from './trust.js';
import { el } from './view.js';

/** The word an administrator types to reset: the same in every language, so it can be told over the phone. */
export const RESET_WORD = 'RESET';

function anchors(pinned: PinnedTrust, language: Language): HTMLElement {
  const labels = LABELS[language];
  const print = (did: string, name: string) => el('code', { 'data-pin': name, title: did }, fingerprint(did));
  return el('dl', { class: 'facts anchors' },
    // The country by name in the officer's language, and its code as `serve` printed it, to compare.
    el('dt', {}, labels.country), el('dd', {}, `${countryName(pinned.country, language)} (`, el('code', { 'data-pin': 'country' }, pinned.country), ')'),
    el('dt', {}, labels.roots), el('dd', {}, ...pinned.roots.flatMap((root, i) => [i > 0 ? el('br') : '', print(root, 'root')])),
    el('dt', {}, labels.operator), el('dd', {}, print(pinned.operator, 'operator')),
    el('dd', { class: 'policy', 'data-pin': 'maxAge' }, labels.maxAge(Math.round(pinned.maxStatusAgeSeconds / 86400))));
}

/** First installation: nothing is trusted until the administrator confirms. */
export function renderSetup(offer: DeviceTrust, linked: boolean, language: Language, confirm: () => void): HTMLElement {
  const labels = LABELS[language];
  const { index } = offer.checked;
  const button = el('button', { type: 'button', id: 'setup-confirm', class: 'primary' }, labels.confirmSetup);
  button.addEventListener('click', confirm, { once: true });
  return el('section', { class: 'setup', id: 'setup-panel' },
    el('h2', {}, labels.setupTitle), el('p', {}, labels.setupIntro), anchors(offer.pinned, language),
    linked && el('p', { class: 'link-match', 'data-link': 'match' }, `✓ ${labels.linkMatch}`),
    el('p', { class: 'pack' }, labels.offered(index.sequence, index.issuedAt.slice(0, 10))), button);
}

/** The keys pinned on this device, and the administrator's only way to change them. */
export function renderAdmin(pinned: PinnedTrust, language: Language, reset: () => void): HTMLElement {
  const labels = LABELS[language];
  const input = el('input', { id: 'reset-confirm', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-label': RESET_WORD }) as HTMLInputElement;
  const button = el('button', { type: 'button', id: 'reset', disabled: '' }, labels.reset) as HTMLButtonElement;
  input.addEventListener('input', () => { button.disabled = input.value.trim() !== RESET_WORD; });
  button.addEventListener('click', () => { if (input.value.trim() === RESET_WORD) reset(); });
  return el('details', { class: 'admin', id: 'admin' },
    el('summary', {}, labels.admin), el('h2', {}, labels.pinnedTitle), anchors(pinned, language),
    el('p', { class: 'hint' }, labels.resetHint), el('div', { class: 'reset' }, input, button));
}

/** Offered by the verifier and refused; kept on the device and not verifying; not what the setup link names. */
export type TrustErrorKind = 'offer' | 'held' | 'link';

export function renderTrustError(code: ErrorCode, kind: TrustErrorKind, holding: boolean, language: Language): HTMLElement {
  const labels = LABELS[language];
  const text = { offer: holding ? labels.trustRefused : labels.trustRefusedNone, held: labels.heldInvalid, link: labels.linkMismatch }[kind];
  return el('p', { class: 'trust-error', role: 'alert', 'data-code': code, 'data-refused': kind },
    `${text} `, el('span', {}, explain(code, language)), ` (${code})`);
}
