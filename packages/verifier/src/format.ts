/** A verdict an officer can read at a glance: the answer first, then what to compare, then why. */
import { primaryText } from '@corridor/shared';
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
    lines.push(
      `  Holder         ${c.subject.name}, born ${c.subject.birthDate}  (compare with the passport)`,
      `  Qualification  ${c.qualification.name}${c.qualification.level ? ` (${c.qualification.level})` : ''}${c.qualification.country ? `, ${c.qualification.country}` : ''}${c.qualification.registered ? '' : UNREGISTERED}`,
      ...(c.qualification.withdrawnAt ? [`                 withdrawn by its authority on ${c.qualification.withdrawnAt.slice(0, 10)}`] : []),
      `  Issued by      ${c.issuer.name}${c.issuer.registered ? '' : UNREGISTERED} on ${c.validFrom.slice(0, 10)}${c.validUntil ? `, valid until ${c.validUntil.slice(0, 10)}` : ''}`,
      '',
    );
  }
  // Recognition of a credential that failed means nothing: do not show it.
  const r = result.verdict === 'invalid' ? undefined : result.recognition;
  if (r) {
    const target = r.destination?.qualification ? primaryText(r.destination.qualification.title, language)
      : r.destination?.occupation ? `${primaryText(r.destination.occupation.title, language)} (ISCO-08 ${r.destination.occupation.isco08})` : '';
    lines.push(`  In ${r.country}: ${OUTCOMES[lang][r.outcome]}${target ? ` as ${target}` : ''} (purpose: ${r.purpose})`);
    for (const condition of r.conditions) lines.push(`    [${condition.met ? 'met' : 'to do'}] ${primaryText(condition.description, language)}`);
    lines.push('');
  }
  lines.push('  Checks');
  for (const check of result.checks) {
    lines.push(`    ${check.ok ? 'ok  ' : 'FAIL'} ${check.id.padEnd(12)} ${check.ok ? check.message : `${check.code}: ${check.message}`}`);
  }
  const days = Math.floor(result.trustPack.ageSeconds / 86400);
  lines.push('', `  Trust pack #${result.trustPack.sequence} of ${result.trustPack.issuedAt.slice(0, 10)} (${days} day${days === 1 ? '' : 's'} old), checked offline`);
  return lines.join('\n');
}
