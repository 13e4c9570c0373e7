/**
 * The reference corridor, Philippines → Japan caregiving, used by the demo, the tests and the
 * benchmarks so that all three speak about the same credential.
 */
import type { MappingRecord, QualificationRecord } from './types.js';

export const PH_CAREGIVING_NC_II = 'urn:corridor:qualification:PH:caregiving-nc-ii';
export const JP_CARE_WORKER_SSW = 'urn:corridor:qualification:JP:care-worker-ssw';
export const JP_JLPT_N4 = 'urn:corridor:qualification:JP:jlpt-n4';
export const JP_CARE_BRIDGING = 'urn:corridor:qualification:JP:care-bridging-course';
export const PH_JP_PARTNERSHIP = 'urn:corridor:partnership:PH-JP:care-workers';

const ISSUED = '2026-01-15T00:00:00Z';

export function phCaregivingQualification(authority: string): QualificationRecord {
  return {
    kind: 'qualification', id: PH_CAREGIVING_NC_II, version: 1, issuedAt: ISSUED,
    authority, country: 'PH',
    title: { en: 'Caregiving NC II', fil: 'Pag-aalaga NC II' },
    level: { framework: 'PQF', level: '2', referencedTo: { framework: 'AQRF', level: '2' } },
    isco08: '5322',
    units: [
      { code: 'HCS323301', title: { en: 'Develop the ability to recognize aging process' } },
      { code: 'HCS323302', title: { en: 'Foster the social, intellectual, creative and emotional activities of clients' } },
      { code: 'HCS323303', title: { en: 'Foster the physical wellbeing of clients' } },
      { code: 'HCS323304', title: { en: 'Provide care and support to infants and toddlers' } },
      { code: 'HCS323305', title: { en: 'Provide care and support to children' } },
      { code: 'HCS323306', title: { en: 'Provide care and support to people with special needs' } },
      { code: 'HCS323307', title: { en: 'Clean living room, dining room, bedrooms, toilet and bathroom' } },
      { code: 'HCS323308', title: { en: 'Prepare hot and cold meals' } },
    ],
    achievementType: 'Certificate', status: 'active',
  };
}

export function jpCareWorkerQualification(authority: string): QualificationRecord {
  return {
    kind: 'qualification', id: JP_CARE_WORKER_SSW, version: 1, issuedAt: ISSUED,
    authority, country: 'JP',
    title: { en: 'Care worker (specified skilled worker)', ja: '介護（特定技能1号）' },
    level: { framework: 'JQF', level: 'SSW-1' },
    isco08: '5322',
    units: [{ code: 'KAIGO-SKILL', title: { en: 'Nursing care skills evaluation test', ja: '介護技能評価試験' } }],
    achievementType: 'Certification', status: 'active',
  };
}

export function phJpCareMapping(): MappingRecord {
  return {
    kind: 'mapping', id: 'urn:corridor:mapping:PH-JP:caregiving-nc-ii', version: 1, issuedAt: ISSUED,
    partnership: PH_JP_PARTNERSHIP,
    origin: { country: 'PH', qualification: PH_CAREGIVING_NC_II },
    destination: { country: 'JP', qualification: JP_CARE_WORKER_SSW },
    outcome: 'partial',
    conditions: [
      {
        id: 'japanese-language', type: 'language', language: 'ja', minimumLevel: 'JLPT N4',
        description: { en: 'Japanese language test at JLPT N4 or equivalent (JFT-Basic A2)', ja: '日本語能力試験N4以上又は同等' },
        satisfiedBy: [JP_JLPT_N4],
      },
      {
        id: 'bridging-training', type: 'bridging-training', hours: 40,
        description: { en: 'Bridging training on Japanese care practice (40 hours)', ja: '介護日本語・介護実務のブリッジング研修（40時間）' },
        satisfiedBy: [JP_CARE_BRIDGING],
      },
    ],
    purpose: 'employment', validFrom: ISSUED, status: 'active',
  };
}
