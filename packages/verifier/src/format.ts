/**
 * A verdict an officer can read at a glance, all in their language: the answer first, then what
 * to compare, then why. Every value that came with the credential (or the trust pack) goes in
 * through `inert`: a name cannot clear the terminal, paint a headline, reorder a line or start a new one.
 */
import { inert } from '@corridor/shared';
import { countryName, explain, isLanguage, LABELS, OUTCOMES, routeName, textIn, type Language } from './messages.js';
import type { VerificationResult } from './verify.js';

export function formatVerdict(result: VerificationResult, language = 'en'): string {
  const lang: Language = isLanguage(language) ? language : 'en';
  const words = LABELS[lang];
  const lines = [words.headlines[result.verdict], ''];
  for (const check of result.checks) if (!check.ok && check.code) lines.push(`  ${explain(check.code, lang)}`);
  if (result.checks.some((c) => !c.ok)) lines.push('');
  // Names come from the registry; one that is not there is only the credential's own claim.
  const unregistered = `  [${words.unregistered}]`;
  const c = result.credential;
  if (c) {
    const rows: [string, string][] = [
      [words.holder, `${inert(c.subject.name)}, ${words.born.toLocaleLowerCase(lang)} ${inert(c.subject.birthDate)}  (${words.comparePassport})`],
      [words.qualification, `${inert(c.qualification.title ? textIn(c.qualification.title, lang) : c.qualification.name)}${c.qualification.level ? ` (${inert(c.qualification.level)})` : ''}` +
        `${c.qualification.country ? `, ${inert(countryName(c.qualification.country, lang))}` : ''}${c.qualification.registered ? '' : unregistered}`],
      ...(c.qualification.withdrawnAt ? [['', words.withdrawnOn(inert(c.qualification.withdrawnAt.slice(0, 10)))] as [string, string]] : []),
      [words.route, routeName(c.assessmentRoute, lang) ?? inert(c.assessmentRoute)],
      [words.issuedBy, `${inert(c.issuer.name)}${c.issuer.registered ? '' : unregistered}, ${inert(c.validFrom.slice(0, 10))}` +
        `${c.validUntil ? ` — ${words.validUntil} ${inert(c.validUntil.slice(0, 10))}` : ''}`],
    ];
    const width = Math.max(...rows.map(([label]) => label.length)) + 2;
    for (const [label, value] of rows) lines.push(`  ${label.padEnd(width)}${value}`);
    lines.push('');
  }
  // Recognition of a credential that failed means nothing: do not show it.
  const r = result.verdict === 'invalid' ? undefined : result.recognition;
  if (r) {
    const target = r.destination?.qualification ? textIn(r.destination.qualification.title, lang)
      : r.destination?.occupation ? `${textIn(r.destination.occupation.title, lang)} (ISCO-08 ${r.destination.occupation.isco08})` : '';
    const purpose = r.purpose === 'employment' || r.purpose === 'further-study' ? words.purposes[r.purpose] : r.purpose;
    lines.push(`  ${words.inCountry(inert(countryName(r.country, lang)), r.country)}: ${OUTCOMES[lang][r.outcome]}${target ? ` ${words.as} ${inert(target)}` : ''} (${words.forPurpose(inert(purpose))})`);
    for (const condition of r.conditions) lines.push(`    [${condition.met ? words.met : words.toDo}] ${inert(textIn(condition.description, lang))}`);
    lines.push('');
  }
  lines.push(`  ${words.checks}`);
  const width = Math.max(...result.checks.map((check) => words.checkNames[check.id].length));
  for (const check of result.checks) {
    // English keeps the check's own detail (dates, names); other languages say what it established.
    const detail = check.ok ? (lang === 'en' ? check.message : words.checkPassed[check.id]) : `${check.code}: ${lang === 'en' ? check.message : explain(check.code!, lang)}`;
    lines.push(`    ${check.ok ? 'ok  ' : 'FAIL'} ${words.checkNames[check.id].padEnd(width)}  ${inert(detail)}`);
  }
  const days = Math.floor(result.trustPack.ageSeconds / 86400);
  lines.push('', `  ${words.packOffline(result.trustPack.sequence, inert(result.trustPack.issuedAt.slice(0, 10)), days)}`);
  return lines.join('\n');
}

/** Many certificates (a cohort's PDF): how many of each verdict, and which pages are not valid, before the details. */
export function formatSummary(pages: { page?: number; verdict: VerificationResult['verdict'] | 'unreadable' }[], language = 'en'): string {
  const lang: Language = isLanguage(language) ? language : 'en';
  const words = LABELS[lang];
  const order = ['invalid', 'unreadable', 'indeterminate', 'valid'] as const;
  const lines = [`${words.summary(pages.length)}:`];
  for (const verdict of order) {
    const which = pages.filter((p) => p.verdict === verdict);
    if (which.length === 0) continue;
    const list = verdict === 'valid' ? '' : `  (${which.map((p) => words.page(p.page ?? 0)).join(', ')})`;
    lines.push(`  ${String(which.length).padStart(4)}  ${words.short[verdict]}${list}`);
  }
  return lines.join('\n');
}
