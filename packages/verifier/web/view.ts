/**
 * The verdict as an officer reads it at a glance: a large green, red or amber panel, then the
 * name and birth date to compare with the passport, then what the credential is recognised as
 * here and what is still to do, then why. Everything from the credential goes in as text,
 * never as markup.
 */
import { countryName, explain, LABELS, OUTCOMES, routeName, textIn, VERDICTS, type Language } from '../src/messages.js';
import type { VerificationResult } from '../src/verify.js';

export type Child = Node | string | undefined | false;

export function el(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

const bidi = (text: string) => el('bdi', { dir: 'auto' }, text);

function facts(rows: [string, Child, string][]): HTMLElement {
  return el('dl', { class: 'facts' }, ...rows.flatMap(([term, value, name]) => [el('dt', {}, term), el('dd', { 'data-field': name }, value)]));
}

/**
 * Each verdict has its own shape and sign besides its colour (green, red and amber look alike to
 * many eyes): a tick in a circle, a cross in an octagon, an exclamation mark in a triangle.
 */
const ICONS: Record<VerificationResult['verdict'] | 'unreadable', string> = {
  valid: '<circle cx="12" cy="12" r="11"/><path d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke-width="2.6"/>',
  invalid: '<path d="M7 1h10l6 6v10l-6 6H7l-6-6V7z"/><path d="M8 8l8 8M16 8l-8 8" fill="none" stroke-width="2.6"/>',
  indeterminate: '<path d="M12 1.5L23 22H1z"/><path d="M12 8v7" fill="none" stroke-width="2.6"/><circle cx="12" cy="18.5" r="1.5" class="dot"/>',
  unreadable: '<path d="M12 1.5L23 22H1z"/><path d="M12 8v7" fill="none" stroke-width="2.6"/><circle cx="12" cy="18.5" r="1.5" class="dot"/>',
};

function icon(verdict: keyof typeof ICONS): Element {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', `icon ${verdict}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  // Our own constant markup, never anything from the credential.
  svg.innerHTML = ICONS[verdict];
  return svg;
}

/** The verdict as the panel's heading, focusable so that it is where focus goes and what is read out first. */
function headline(verdict: keyof typeof ICONS, text: string): HTMLElement {
  const heading = el('h2', { class: 'headline', tabindex: '-1' });
  heading.append(icon(verdict), el('span', {}, text));
  return heading;
}

export function renderResult(result: VerificationResult, language: Language): HTMLElement {
  const labels = LABELS[language];
  const reasons = result.checks.filter((check) => !check.ok && check.code);
  const panel = el('section', { class: `verdict ${result.verdict}`, 'data-verdict': result.verdict },
    headline(result.verdict, VERDICTS[language][result.verdict]),
    reasons.length > 0 && el('ul', { class: 'reasons' }, ...reasons.map((check) => el('li', { 'data-code': check.code! }, explain(check.code!, language)))),
  );
  const credential = result.credential;
  if (credential) {
    panel.append(
      el('div', { class: 'holder' },
        facts([[labels.holder, bidi(credential.subject.name), 'name'], [labels.born, bidi(credential.subject.birthDate), 'birthDate']]),
        el('p', { class: 'hint' }, labels.comparePassport)),
      facts([
        [labels.qualification, bidi(`${credential.qualification.title ? textIn(credential.qualification.title, language) : credential.qualification.name}${credential.qualification.level ? ` (${credential.qualification.level})` : ''}`), 'qualification'],
        [labels.route, bidi(routeName(credential.assessmentRoute, language) ?? credential.assessmentRoute), 'assessmentRoute'],
        [labels.issuedBy, bidi(`${credential.issuer.name}, ${credential.validFrom.slice(0, 10)}${credential.validUntil ? ` — ${labels.validUntil} ${credential.validUntil.slice(0, 10)}` : ''}`), 'issuer'],
      ]),
    );
  }
  // What a credential that failed is "recognised as" means nothing: it is not shown.
  const recognition = result.verdict === 'invalid' ? undefined : result.recognition;
  if (recognition) {
    const target = recognition.destination?.qualification ? textIn(recognition.destination.qualification.title, language)
      : recognition.destination?.occupation ? `${textIn(recognition.destination.occupation.title, language)} (ISCO-08 ${recognition.destination.occupation.isco08})` : '';
    const purpose = recognition.purpose === 'employment' || recognition.purpose === 'further-study' ? labels.purposes[recognition.purpose] : recognition.purpose;
    panel.append(el('div', { class: `recognition ${recognition.outcome}`, 'data-outcome': recognition.outcome },
      el('h3', {}, `${labels.inCountry(countryName(recognition.country, language), recognition.country)}: ${OUTCOMES[language][recognition.outcome]}`),
      target && el('p', {}, `${labels.as} `, bidi(target), ` (${labels.forPurpose(purpose)})`),
      recognition.conditions.length > 0 && el('ul', { class: 'conditions' }, ...recognition.conditions.map((condition) =>
        el('li', { class: condition.met ? 'met' : 'to-do', 'data-met': String(condition.met) },
          el('span', { class: 'mark' }, condition.met ? labels.met : labels.toDo), ' ', bidi(textIn(condition.description, language))))),
    ));
  }
  const days = Math.floor(result.trustPack.ageSeconds / 86400);
  panel.append(
    el('details', { class: 'checks' }, el('summary', {}, labels.checks), el('ul', {}, ...result.checks.map((check) =>
      el('li', { class: check.ok ? 'ok' : 'fail', 'data-check': check.id }, `${check.ok ? '✓' : '✗'} ${labels.checkNames[check.id]}: `,
        check.ok ? labels.checkPassed[check.id] : el('span', {}, explain(check.code!, language), ' ', el('code', {}, check.code!)))))),
    el('p', { class: 'pack' }, labels.pack(result.trustPack.sequence, result.trustPack.issuedAt.slice(0, 10), days)),
  );
  return panel;
}

/** An input that is not a credential at all: no verdict, the reason in plain words. */
export function renderUnreadable(code: Parameters<typeof explain>[0], language: Language): HTMLElement {
  return el('section', { class: 'verdict unreadable', 'data-verdict': 'unreadable' },
    headline('unreadable', LABELS[language].cannotRead),
    el('ul', { class: 'reasons' }, el('li', { 'data-code': code }, explain(code, language))));
}
