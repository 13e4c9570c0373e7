/**
 * What an issuer may issue: a qualification the trust pack knows, for which this training body
 * is accredited now. Checked before anything is signed, so a centre cannot issue outside its
 * accreditation by mistake.
 */
import { accreditationAt, CorridorError, type QualificationRecord, type TrustIndex } from '@corridor/shared';

export function qualificationToIssue(trust: TrustIndex, issuerDid: string, qualificationId: unknown, now: Date): QualificationRecord {
  if (typeof qualificationId !== 'string' || qualificationId.length === 0) {
    throw new CorridorError('ERR_INPUT_INVALID', 'the qualification id is missing');
  }
  const qualification = trust.qualifications.get(qualificationId);
  if (!qualification) throw new CorridorError('ERR_QUALIFICATION_UNKNOWN', 'the qualification is not in the trust pack: sync it, or check the id');
  if (qualification.status === 'withdrawn') throw new CorridorError('ERR_QUALIFICATION_WITHDRAWN', 'the authority withdrew this qualification: verifiers refuse credentials issued after that');
  const accredited = accreditationAt(trust, issuerDid, qualificationId, now);
  if (!accredited.ok) throw new CorridorError(accredited.code, accredited.code === 'ERR_ISSUER_UNKNOWN' ? 'this training centre has no accreditation in the trust pack' : undefined);
  return qualification;
}

/**
 * The name the authority registered for this training body in the accreditation that covers the
 * qualification: what a credential must carry as `issuer.name`, since verifiers show the
 * registry's name and refuse a credential that names itself otherwise (ERR_NAME_MISMATCH).
 */
export function registeredName(trust: TrustIndex, issuerDid: string, qualificationId: string, now: Date): { issuerName?: string } {
  const accredited = accreditationAt(trust, issuerDid, qualificationId, now);
  return accredited.ok ? { issuerName: accredited.accreditation.trainingBody.name } : {};
}

/** The name of the authority that accredited `issuerDid` for the qualification at `now`, as the trust pack has it. */
export function accreditingAuthorityName(trust: TrustIndex, issuerDid: string, qualificationId: string, now: Date): Record<string, string> | undefined {
  const accredited = accreditationAt(trust, issuerDid, qualificationId, now);
  return accredited.ok ? trust.authorities.get(accredited.accreditation.authority)?.name : undefined;
}
