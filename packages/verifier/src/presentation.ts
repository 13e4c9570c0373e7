/**
 * Presentations: a worker shows several credentials at once — the qualification plus, say, a
 * language test and a bridging course. Each is verified on its own; conditions of a `partial`
 * mapping that a valid credential in the bundle satisfies are marked met, and when all are met
 * the outcome is `full`. A companion credential counts only if it is about the same person as
 * the qualification (same subject id when both have one, else the same name — compared after
 * Unicode NFC normalisation, nothing looser — and birth date); one about anyone else is reported
 * (ERR_HOLDER_MISMATCH) and meets nothing. A holder-bound presentation (signed, with the
 * verifier's challenge and domain) proves the person presenting holds the wallet key, and then
 * every credential with a subject id must name that key's DID.
 */
import { assertHolderPresentation, CorridorError, isObject, subjectFacts, verifyPresentationProof, type VerifiableSkillCredential } from '@corridor/shared';
import { verifyHolderOnly } from './generic-verify.js';
import { verifySkillCredential, type Check, type Recognition, type VerificationResult, type Verdict, type VerifyOptions } from './verify.js';

export const MAX_CREDENTIALS_PER_PRESENTATION = 10;

export interface PresentationOptions extends VerifyOptions {
  /** When set, the presentation must carry the holder's proof over this challenge (and domain). */
  challenge?: string;
  domain?: string;
  /**
   * The holder check the caller made already over every presentation of a wallet's response
   * (OpenID4VP: one proof per presentation, all by one key). Then every credential must name
   * that holder: one without a subject id is not bound to the wallet and counts for nothing.
   */
  proven?: { check: Check; did?: string };
}

export interface PresentationResult {
  verdict: Verdict;
  /** The holder check, when a challenge was asked for. */
  holder?: Check;
  /** The credential the recognition is about, by position in the presentation; -1 when it carries none. */
  primary: number;
  credentials: VerificationResult[];
  recognition?: Recognition;
  trustPack: VerificationResult['trustPack'];
}

function readPresentation(input: unknown): { credentials: unknown[]; proof: unknown } {
  if (!isObject(input)) throw new CorridorError('ERR_INPUT_INVALID', 'the presentation must be an object');
  const types = Array.isArray(input.type) ? input.type : [input.type];
  if (!types.includes('VerifiablePresentation')) throw new CorridorError('ERR_INPUT_INVALID', 'type must include VerifiablePresentation');
  const credentials = Array.isArray(input.verifiableCredential) ? input.verifiableCredential
    : input.verifiableCredential === undefined ? [] : [input.verifiableCredential];
  if (credentials.length > MAX_CREDENTIALS_PER_PRESENTATION) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', `at most ${MAX_CREDENTIALS_PER_PRESENTATION} credentials per presentation`);
  return { credentials, proof: input.proof };
}

/** The holder check and, when it passed, the DID whose key signed the presentation. */
export async function holderCheck(presentation: unknown, challenge: string, domain: string | undefined): Promise<{ check: Check; did?: string }> {
  const id = 'holder';
  if (!isObject(presentation) || !presentation.proof) return { check: { id, ok: false, code: 'ERR_PROOF_MISSING', message: 'the presentation is not signed by its holder' } };
  // Nothing but our own closed shape goes to the library's JSON-LD processing.
  try {
    assertHolderPresentation(presentation);
  } catch (error) {
    return { check: { id, ok: false, code: 'ERR_INPUT_INVALID', message: (error as Error).message } };
  }
  const result = await verifyPresentationProof({ presentation, challenge, ...(domain ? { domain } : {}) });
  if (!result.verified) return { check: { id, ok: false, code: result.error.code, message: result.error.message } };
  // The library checks the signature, not that `holder` names the key that made it.
  const did = presentation.proof.verificationMethod.split('#')[0]!;
  if (presentation.holder !== undefined && presentation.holder !== did) {
    return { check: { id, ok: false, code: 'ERR_HOLDER_MISMATCH', message: 'the presentation names another holder than the key that signed it' } };
  }
  return { check: { id, ok: true, message: 'presented by the holder of the wallet key (challenge and domain match)' }, did };
}

/** Who a credential is about: its subject id, if any, and the name and birth date it carries. */
type Subject = { id?: string; name: string; birthDate: string };

/** The same person: same subject id when both carry one, else the same NFC-normalised name and birth date. */
function samePerson(a: Subject, b: Subject): boolean {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  return a.name.normalize('NFC') === b.name.normalize('NFC') && a.birthDate === b.birthDate;
}

const mismatch = (result: VerificationResult, message: string): VerificationResult => ({
  ...result, verdict: 'invalid', checks: [...result.checks, { id: 'holder', ok: false, code: 'ERR_HOLDER_MISMATCH', message }],
});

export async function verifySkillPresentation(input: unknown, options: PresentationOptions): Promise<PresentationResult> {
  const { credentials } = readPresentation(input);
  // No credential: DID authentication, which proves only the holder's key (against a challenge).
  if (credentials.length === 0) return verifyHolderOnly(input as Record<string, unknown>, options);
  let results = await Promise.all(credentials.map((c) => verifySkillCredential(c, options)));
  const bound = options.proven ?? (options.challenge !== undefined ? await holderCheck(input, options.challenge, options.domain) : undefined);
  const strict = options.proven !== undefined;
  const otherWallet = (id: string | undefined) => bound?.did !== undefined && (id !== undefined || strict) && id !== bound.did;
  let holder = bound?.check;

  // The credential the officer asks about: the first foreign qualification with a mapping here,
  // else the first with any recognition (a domestic one), else the first.
  const usable = (r: VerificationResult) => r.recognition !== undefined && r.verdict !== 'invalid';
  const mapped = results.findIndex((r) => usable(r) && r.recognition!.mapping !== undefined);
  const recognised = results.findIndex(usable);
  const primary = mapped >= 0 ? mapped : recognised >= 0 ? recognised : 0;

  // A result with a summary passed the shape check: its input is a skill credential.
  const subjectOf = (i: number): Subject | undefined => {
    if (!results[i]!.credential) return undefined;
    const credential = credentials[i] as VerifiableSkillCredential;
    const { name, birthDate } = subjectFacts(credential);
    return { id: credential.credentialSubject.id, name, birthDate };
  };
  const person = subjectOf(primary);
  if (person && otherWallet(person.id)) {
    holder = { id: 'holder', ok: false, code: 'ERR_HOLDER_MISMATCH', message: 'the credential is about another wallet than the one that presented it' };
  }
  results = results.map((result, i) => {
    const subject = subjectOf(i);
    if (i === primary || !subject || !person) return result;
    if (!samePerson(person, subject)) return mismatch(result, 'this credential is about another person than the qualification');
    if (otherWallet(subject.id)) return mismatch(result, 'this credential is about another wallet than the one that presented it');
    return result;
  });

  const main = results[primary]!;
  const presented = new Set(results
    .filter((r, i) => i !== primary && r.verdict === 'valid' && r.credential)
    .map((r) => r.credential!.qualification.id));
  let recognition = main.recognition;
  if (recognition) {
    const conditions = recognition.conditions.map((c) => ({ ...c, met: c.met || (c.satisfiedBy ?? []).some((q) => presented.has(q)) }));
    const allMet = conditions.length > 0 && conditions.every((c) => c.met);
    recognition = { ...recognition, conditions, outcome: recognition.outcome === 'partial' && allMet ? 'full' : recognition.outcome };
  }
  const verdict: Verdict = holder && !holder.ok ? 'invalid' : main.verdict;
  return { verdict, ...(holder ? { holder } : {}), primary, credentials: results, ...(recognition ? { recognition } : {}), trustPack: main.trustPack };
}
