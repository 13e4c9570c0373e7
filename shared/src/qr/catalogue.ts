/**
 * The QR compression catalogue: qualification titles, descriptions, training body names and
 * DIDs, status-list URLs — the long strings every credential of a corridor repeats — numbered
 * in the order the registry first accepted them. The numbering only ever grows, so a QR code
 * printed today decodes with any later catalogue.
 */
import { legacyUnitsNarrative, qualificationStrings } from '../credential.js';
import type { QrCatalogue, RegistryRecord, StatusListCredential } from '../types.js';

/** Catalogue codes start here, clear of the fixed Corridor table's codes. */
export const CATALOGUE_CODE_OFFSET = 1000;

export function createCatalogueBuilder(start: QrCatalogue = { none: [], url: [] }) {
  const none = [...start.none];
  const url = [...start.url];
  const seenNone = new Set(none);
  const seenUrl = new Set(url);
  const addNone = (value: string) => { if (!seenNone.has(value)) { seenNone.add(value); none.push(value); } };
  const addUrl = (value: string) => { if (!seenUrl.has(value)) { seenUrl.add(value); url.push(value); } };
  return {
    /** Adds the strings of one accepted record (in log order). */
    addRecord(record: RegistryRecord): void {
      if (record.kind === 'qualification') {
        const strings = qualificationStrings(record);
        addUrl(record.id);
        // The narrative in the wording of the credentials printed when these codes were first
        // numbered: changing a string here renumbers every code after it. New wording for one or
        // two units goes into the QR code as text (a few dozen characters more), not into the catalogue.
        const narrative = legacyUnitsNarrative(record.units.length);
        for (const value of [strings.title, strings.description, narrative, strings.levelName, record.isco08, record.level.level, record.level.framework]) addNone(value);
      } else if (record.kind === 'accreditation') {
        const did = record.trainingBody.did;
        addUrl(did);
        // A did:key's verification method is the did, '#', and its key: what the proof names.
        addUrl(`${did}#${did.slice('did:key:'.length)}`);
        addNone(record.trainingBody.name);
      }
    },
    addStatusList(list: StatusListCredential): void {
      addUrl(list.id);
    },
    build(): QrCatalogue {
      return { none: [...none], url: [...url] };
    },
  };
}
