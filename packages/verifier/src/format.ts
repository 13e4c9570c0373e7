/**
 * A verdict an officer can read at a glance: the answer first, then what to compare, then why.
 * Every value that came with the credential (or the trust pack) goes in through `inert`: a name
 * cannot clear the terminal, paint a headline, reorder a line or start a new one.
 */
import { inert, primaryText } from '@corridor/shared';
import { explain, isLanguage, OUTCOMES, VERDICTS } from './messages.js';
import type { VerificationResult } from './verify.js';

const HEADLINE = {
  valid: 'VALID: authentic, issued by an accredited training body, not revoked',
  invalid: 'INVALID: do not accept this credential',
  indeterminate: 'CANNOT CONFIRM: something could not be checked (see below)',
} as const;

/** Names come from the registry; one that is not there is only the credential's own claim. */
const UNREGISTERED = '  [not in the registry: as the credential states it]';

export function formatVerdict(result: VerificationResult, language = 'en'): string {
  const lang = isLanguage(language) ? language : 'en';
  const lines = [lang === 'en' ? HEADLINE[result.verdict] : VERDICTS[lang][result.verdict], ''];
  for (const check of result.checks) if (!check.ok && check.code) lines.push(`  ${explain(check.code, lang)}`);
  if (result.checks.some((c) => !c.ok)) lines.push('');
  const c = result.credential;
  if (c) {
    const level = c.qualification.level ? ` (${inert(c.qualification.level)})` : '';
    const country = c.qualification.country ? `, ${inert(c.qualification.country)}` : '';
    lines.push(
      `  Holder         ${inert(c.subject.name)}, born ${inert(c.subject.birthDate)}  (compare with the passport)`,
      `  Qualification  ${inert(c.qualification.name)}${level}${country}${c.qualification.registered ? '' : UNREGISTERED}`,
      ...(c.qualification.withdrawnAt ? [`                 withdrawn by its authority on ${inert(c.qualification.withdrawnAt.slice(0, 10))}`] : []),
      `  Issued by      ${inert(c.issuer.name)}${c.issuer.registered ? '' : UNREGISTERED} on ${inert(c.validFrom.slice(0, 10))}${c.validUntil ? `, valid until ${inert(c.validUntil.slice(0, 10))}` : ''}`,
      '',
    );
  }
  // Recognition of a credential that failed means nothing: do not show it.
  const r = result.verdict === 'invalid' ? undefined : result.recognition;
  if (r) {
    const target = r.destination?.qualification ? primaryText(r.destination.qualification.title, language)
      : r.destination?.occupation ? `${primaryText(r.destination.occupation.title, language)} (ISCO-08 ${r.destination.occupation.isco08})` : '';
    lines.push(`  In ${inert(r.country)}: ${OUTCOMES[lang][r.outcome]}${target ? ` as ${inert(target)}` : ''} (purpose: ${inert(r.purpose)})`);
    for (const condition of r.conditions) lines.push(`    [${condition.met ? 'met' : 'to do'}] ${inert(primaryText(condition.description, language))}`);
    lines.push('');
  }
  lines.push('  Checks');
  for (const check of result.checks) {
    lines.push(`    ${check.ok ? 'ok  ' : 'FAIL'} ${check.id.padEnd(12)} ${inert(check.ok ? check.message : `${check.code}: ${check.message}`)}`);
  }
  const days = Math.floor(result.trustPack.ageSeconds / 86400);
  lines.push('', `  Trust pack #${result.trustPack.sequence} of ${inert(result.trustPack.issuedAt.slice(0, 10))} (${days} day${days === 1 ? '' : 's'} old), checked offline`);
  return lines.join('\n');
}
