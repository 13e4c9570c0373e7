/**
 * The one check of a worker's data before anything is signed about them, shared by the VC-API,
 * the `issue` command, cohorts and the credential builder itself: names are printable Unicode
 * text, dates are real calendar dates, and they make sense together (born in the past, assessed
 * in the past and after birth). A signed mistake cannot be taken back short of revocation, so
 * the issuer refuses rather than repairs. Messages name the field, never its value.
 */
import { CorridorError } from './errors.js';

export type WorkerField = 'name' | 'birthDate' | 'assessedAt';

/** What a refusal names: the caller's word for each field (a CLI flag, a CSV column, a JSON Pointer). */
export interface FieldNames {
  labels?: Partial<Record<WorkerField, string>>;
  pointers?: Partial<Record<WorkerField, string>>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * C0 and C1 controls, DEL, the bidirectional embeddings, overrides and isolates (text that
 * displays otherwise than it reads), line and paragraph separators, and Unicode's 66
 * noncharacters (U+FDD0..U+FDEF and the last two code points of every plane). Tab and newline
 * are let through only where `multiline` says so.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFDD0-\uFDEF\uFFFE\uFFFF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/u;
const LINE_BREAK = /[\t\n\r]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The longest worker name, in code points: room for every name we know, and for the QR code. */
export const MAX_NAME_LENGTH = 200;
/** Nobody alive was born before this; a typo usually was. */
const EARLIEST_BIRTH = '1900-01-01';
/** A date is "today" somewhere on Earth while UTC+14 is on it: how far ahead of UTC a date or an assessment may be. */
const DATE_AHEAD_MS = 14 * 3600_000;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** YYYY-MM-DD naming a day that exists: 2024-02-29 yes, 2023-02-29 and 2024-02-30 no. */
export function isCalendarDate(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** Written as a date-time with a time zone (YYYY-MM-DDThh:mm:ss[.f]Z or ±hh:mm), whether or not that instant exists. */
export const isDateTimeForm = (value: unknown): value is string => typeof value === 'string' && DATE_TIME.test(value);

/** An XML Schema dateTimeStamp (with a time zone) naming an instant that exists: no 25:00, no 31 April. */
export function isCalendarDateTime(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!m || !isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`)) return false;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (hour > 23 || minute > 59 || second > 59) return false;
  // XML Schema's time zones: -14:00 to +14:00.
  const [zoneHours, zoneMinutes] = [Number(m[10]), Number(m[11])];
  return m[8] === 'Z' || (zoneMinutes <= 59 && (zoneHours < 14 || (zoneHours === 14 && zoneMinutes === 0)) && !Number.isNaN(Date.parse(value as string)));
}

/** A holder's DID (DID Core §3.1 syntax), for a credential's subject id. */
const DID = /^did:[a-z0-9]+:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*(?::(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})$/;
export const isHolderDid = (value: unknown): value is string => typeof value === 'string' && value.length <= 500 && DID.test(value);

/** Why a piece of text is not printable text, or undefined when it is. */
export function textProblem(value: string, { max, multiline = false }: { max: number; multiline?: boolean }): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired surrogate (not Unicode text)';
  if (FORBIDDEN.test(value) || (!multiline && LINE_BREAK.test(value))) return 'contains control, bidirectional-override or noncharacter code points';
  if (value.trim() === '') return 'is empty';
  if ([...value].length > max) return `is longer than ${max} characters`;
  return undefined;
}

function refuse(field: WorkerField, what: string, names: FieldNames): never {
  const label = names.labels?.[field] ?? field;
  const pointer = names.pointers?.[field];
  throw new CorridorError('ERR_PROPERTY_REFUSED', `${pointer ?? label} ${what}`, pointer !== undefined ? { pointer } : undefined);
}

function malformed(field: WorkerField, what: string, names: FieldNames): never {
  const pointer = names.pointers?.[field];
  throw new CorridorError('ERR_INPUT_INVALID', `${pointer ?? names.labels?.[field] ?? field} ${what}`, pointer !== undefined ? { pointer } : undefined);
}

/** A worker's name as it is signed: trimmed and in Unicode NFC, or refused. */
export function checkPersonName(value: unknown, names: FieldNames = {}): string {
  if (typeof value !== 'string') return malformed('name', 'must be a string', names);
  const problem = textProblem(value, { max: MAX_NAME_LENGTH });
  if (problem) return refuse('name', problem, names);
  return value.trim().normalize('NFC');
}

/**
 * The worker's data as it is signed, or a refusal naming the field: `assessedAt` may be a date
 * (signed as midnight UTC) or a date-time; `now` is the signing time.
 */
export function checkWorkerData(
  input: { name: unknown; birthDate: unknown; assessedAt?: unknown },
  options: FieldNames & { now: Date },
): { name: string; birthDate: string; assessedAt?: string } {
  const { now } = options;
  const name = checkPersonName(input.name, options);
  const { birthDate, assessedAt } = input;
  if (typeof birthDate !== 'string' || !DATE.test(birthDate)) malformed('birthDate', 'must be a date, YYYY-MM-DD', options);
  if (!isCalendarDate(birthDate)) refuse('birthDate', 'is not a calendar date', options);
  const latestDay = new Date(now.getTime() + DATE_AHEAD_MS).toISOString().slice(0, 10);
  if (birthDate > latestDay) refuse('birthDate', 'is in the future', options);
  if (birthDate < EARLIEST_BIRTH) refuse('birthDate', `is before ${EARLIEST_BIRTH}`, options);
  if (assessedAt === undefined) return { name, birthDate };
  if (typeof assessedAt !== 'string' || !(DATE.test(assessedAt) || isDateTimeForm(assessedAt))) malformed('assessedAt', 'must be a date or a date-time', options);
  const dateOnly = DATE.test(assessedAt);
  if (dateOnly ? !isCalendarDate(assessedAt) : !isCalendarDateTime(assessedAt)) refuse('assessedAt', 'is not a calendar date', options);
  if (dateOnly ? assessedAt > latestDay : Date.parse(assessedAt) > now.getTime() + DATE_AHEAD_MS) refuse('assessedAt', 'is in the future', options);
  // Compared as days in UTC, which is how both are signed.
  const assessedDay = dateOnly ? assessedAt : new Date(Date.parse(assessedAt)).toISOString().slice(0, 10);
  if (assessedDay < birthDate) refuse('assessedAt', 'is before the birth date', options);
  return { name, birthDate, assessedAt: dateOnly ? `${assessedAt}T00:00:00Z` : assessedAt };
}
