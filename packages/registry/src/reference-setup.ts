/**
 * Puts the reference PH → JP caregiving corridor into a registry, each record signed by the
 * authority that owns it and the mapping co-signed by both. Used by the demo and the tests.
 */
import {
  addSignature, JP_CARE_BRIDGING, JP_JLPT_N4, jpCareWorkerQualification, phCaregivingQualification, phJpCareMapping,
  PH_CAREGIVING_NC_II, PH_JP_PARTNERSHIP, signRecord,
  type AccreditationRecord, type AuthorityRecord, type KeyPair, type PartnershipRecord, type QualificationRecord,
} from '@corridor/shared';
import type { Registry } from './registry.js';

export const PH_AUTHORITY_ID = 'urn:corridor:authority:PH:tesda';
export const JP_AUTHORITY_ID = 'urn:corridor:authority:JP:mhlw';
export const REFERENCE_CENTRE_ACCREDITATION = 'urn:corridor:accreditation:PH:manila-care-training-center';
export const REFERENCE_CENTRE_NAME = 'Manila Care Training Center';
/** Where the reference centre publishes its status lists (its issuer's `--base-url`). */
export const REFERENCE_CENTRE_BASE_URL = 'https://mctc.example.ph';
const ISSUED = '2026-01-15T00:00:00Z';

export function authorityRecord(id: string, key: KeyPair, country: string, name: Record<string, string>): AuthorityRecord {
  return { kind: 'authority', id, version: 1, issuedAt: ISSUED, did: key.description.controller, country, name };
}

export function accreditationRecord(options: {
  id: string; authority: KeyPair; trainingBody: KeyPair; name: string; country: string; baseUrl: string; qualifications: string[];
  validFrom: string; validUntil?: string;
}): AccreditationRecord {
  return {
    kind: 'accreditation', id: options.id, version: 1, issuedAt: ISSUED, authority: options.authority.description.controller,
    trainingBody: { did: options.trainingBody.description.controller, name: options.name, country: options.country, baseUrl: options.baseUrl },
    qualifications: options.qualifications, validFrom: options.validFrom,
    ...(options.validUntil ? { validUntil: options.validUntil } : {}), status: 'active',
  };
}

function jpSmallQualification(authority: string, id: string, en: string, ja: string): QualificationRecord {
  return {
    kind: 'qualification', id, version: 1, issuedAt: ISSUED, authority, country: 'JP', title: { en, ja },
    level: { framework: 'JQF', level: 'N4' }, isco08: '5322', units: [], achievementType: 'Certificate', status: 'active',
  };
}

export async function setUpReferenceCorridor(registry: Registry, keys: { ph: KeyPair; jp: KeyPair; centre: KeyPair }) {
  const { ph, jp, centre } = keys;
  const phDid = ph.description.controller;
  const jpDid = jp.description.controller;
  await registry.submit(await signRecord(authorityRecord(PH_AUTHORITY_ID, ph, 'PH', {
    en: 'Technical Education and Skills Development Authority', fil: 'Pangasiwaan sa Edukasyong Teknikal at Pagpapaunlad ng Kasanayan',
  }), ph));
  await registry.submit(await signRecord(authorityRecord(JP_AUTHORITY_ID, jp, 'JP', {
    en: 'Ministry of Health, Labour and Welfare', ja: '厚生労働省',
  }), jp));
  const partnership: PartnershipRecord = {
    kind: 'partnership', id: PH_JP_PARTNERSHIP, version: 1, issuedAt: ISSUED,
    name: { en: 'Philippines–Japan Skills Mobility Partnership: care workers' },
    authorities: [phDid, jpDid], countries: ['PH', 'JP'], validFrom: ISSUED, status: 'active',
  };
  await registry.submit(await addSignature(await signRecord(partnership, ph), jp));
  for (const record of [
    phCaregivingQualification(phDid),
  ]) await registry.submit(await signRecord(record, ph));
  for (const record of [
    jpCareWorkerQualification(jpDid),
    jpSmallQualification(jpDid, JP_JLPT_N4, 'Japanese-Language Proficiency Test N4', '日本語能力試験N4'),
    jpSmallQualification(jpDid, JP_CARE_BRIDGING, 'Bridging course in Japanese care practice', '介護実務ブリッジング研修'),
  ]) await registry.submit(await signRecord(record, jp));
  await registry.submit(await signRecord(accreditationRecord({
    id: REFERENCE_CENTRE_ACCREDITATION, authority: ph, trainingBody: centre, name: REFERENCE_CENTRE_NAME, country: 'PH', baseUrl: REFERENCE_CENTRE_BASE_URL,
    qualifications: [PH_CAREGIVING_NC_II], validFrom: '2026-01-01T00:00:00Z', validUntil: '2029-12-31T23:59:59Z',
  }), ph));
  // Proposed by the origin authority, counter-signed by the destination: only then in force.
  const mapping = await signRecord(phJpCareMapping(), ph);
  const proposed = await registry.submit(mapping);
  const agreed = await registry.submit(await addSignature(mapping, jp));
  return { proposed, agreed };
}
