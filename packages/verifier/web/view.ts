/**
 * The verdict as an officer reads it at a glance: a large green, red or amber panel, then the
 * name and birth date to compare with the passport, then what the credential is recognised as
 * here and what is still to do, then why. Everything from the credential goes in as text,
 * never as markup.
 */
import { primaryText } from '@corridor/shared';
import { explain, OUTCOMES, VERDICTS, type Language } from '../src/messages.js';
import type { VerificationResult } from '../src/verify.js';
import { LABELS } from './labels.js';

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

export function renderResult(result: VerificationResult, language: Language): HTMLElement {
  const labels = LABELS[language];
  const reasons = result.checks.filter((check) => !check.ok && check.code);
  const panel = el('section', { class: `verdict ${result.verdict}`, 'data-verdict': result.verdict, role: 'status' },
    el('p', { class: 'headline' }, VERDICTS[language][result.verdict]),
    reasons.length > 0 && el('ul', { class: 'reasons' }, ...reasons.map((check) => el('li', { 'data-code': check.code! }, explain(check.code!, language)))),
  );
  const credential = result.credential;
  if (credential) {
    panel.append(
      el('div', { class: 'holder' },
        facts([[labels.holder, bidi(credential.subject.name), 'name'], [labels.born, bidi(credential.subject.birthDate), 'birthDate']]),
        el('p', { class: 'hint' }, labels.comparePassport)),
      facts([
        [labels.qualification, bidi(`${credential.qualification.name}${credential.qualification.level ? ` (${credential.qualification.level})` : ''}`), 'qualification'],
        [labels.issuedBy, bidi(`${credential.issuer.name}, ${credential.validFrom.slice(0, 10)}${credential.validUntil ? ` — ${labels.validUntil} ${credential.validUntil.slice(0, 10)}` : ''}`), 'issuer'],
      ]),
    );
  }
  // What a credential that failed is "recognised as" means nothing: it is not shown.
  const recognition = result.verdict === 'invalid' ? undefined : result.recognition;
  if (recognition) {
    const target = recognition.destination?.qualification ? primaryText(recognition.destination.qualification.title, language)
      : recognition.destination?.occupation ? `${primaryText(recognition.destination.occupation.title, language)} (ISCO-08 ${recognition.destination.occupation.isco08})` : '';
    panel.append(el('div', { class: `recognition ${recognition.outcome}`, 'data-outcome': recognition.outcome },
      el('h2', {}, `${labels.inCountry(recognition.country)}: ${OUTCOMES[language][recognition.outcome]}`),
      target && el('p', {}, `${labels.as} `, bidi(target)),
      recognition.conditions.length > 0 && el('ul', { class: 'conditions' }, ...recognition.conditions.map((condition) =>
        el('li', { class: condition.met ? 'met' : 'to-do', 'data-met': String(condition.met) },
          el('span', { class: 'mark' }, condition.met ? labels.met : labels.toDo), ' ', bidi(primaryText(condition.description, language))))),
    ));
  }
  const days = Math.floor(result.trustPack.ageSeconds / 86400);
  panel.append(
    el('details', { class: 'checks' }, el('summary', {}, labels.checks), el('ul', {}, ...result.checks.map((check) =>
      el('li', { class: check.ok ? 'ok' : 'fail' }, `${check.ok ? '✓' : '✗'} ${check.id}: `, bidi(check.ok ? check.message : `${check.code}`))))),
    el('p', { class: 'pack' }, labels.pack(result.trustPack.sequence, result.trustPack.issuedAt.slice(0, 10), days)),
  );
  return panel;
}

/** An input that is not a credential at all: no verdict, the reason in plain words. */
export function renderUnreadable(code: Parameters<typeof explain>[0], language: Language): HTMLElement {
  return el('section', { class: 'verdict unreadable', 'data-verdict': 'unreadable', role: 'status' },
    el('p', { class: 'headline' }, LABELS[language].cannotRead),
    el('ul', { class: 'reasons' }, el('li', { 'data-code': code }, explain(code, language))));
}
