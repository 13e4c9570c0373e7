/**
 * Presentations: a worker shows several credentials at once — the qualification plus, say, a
 * language test and a bridging course. Each is verified on its own; conditions of a `partial`
 * mapping that a valid credential in the bundle satisfies are marked met, and when all are met
 * the outcome is `full`. A holder-bound presentation (signed, with the verifier's challenge and
 * domain) proves the person presenting holds the wallet key.
 */
import { CorridorError, isObject, verifyPresentationProof } from '@corridor/shared';
import { verifyHolderOnly } from './generic-verify.js';
import { verifySkillCredential, type Check, type Recognition, type VerificationResult, type Verdict, type VerifyOptions } from './verify.js';

export const MAX_CREDENTIALS_PER_PRESENTATION = 10;

export interface PresentationOptions extends VerifyOptions {
  /** When set, the presentation must carry the holder's proof over this challenge (and domain). */
  challenge?: string;
  domain?: string;
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

async function holderCheck(presentation: unknown, challenge: string, domain: string | undefined): Promise<Check> {
  const id = 'holder';
  if (!isObject(presentation) || !presentation.proof) return { id, ok: false, code: 'ERR_PROOF_MISSING', message: 'the presentation is not signed by its holder' };
  const result = await verifyPresentationProof({ presentation, challenge, ...(domain ? { domain } : {}) });
  return result.verified
    ? { id, ok: true, message: 'presented by the holder of the wallet key (challenge and domain match)' }
    : { id, ok: false, code: result.error.code, message: result.error.message };
}

export async function verifySkillPresentation(input: unknown, options: PresentationOptions): Promise<PresentationResult> {
  const { credentials } = readPresentation(input);
  // No credential: DID authentication, which proves only the holder's key (against a challenge).
  if (credentials.length === 0) return verifyHolderOnly(input as Record<string, unknown>, options);
  const results = await Promise.all(credentials.map((c) => verifySkillCredential(c, options)));
  const holder = options.challenge !== undefined ? await holderCheck(input, options.challenge, options.domain) : undefined;

  // The credential the officer asks about: the first foreign qualification with a mapping here,
  // else the first with any recognition (a domestic one), else the first.
  const usable = (r: VerificationResult) => r.recognition !== undefined && r.verdict !== 'invalid';
  const mapped = results.findIndex((r) => usable(r) && r.recognition!.mapping !== undefined);
  const recognised = results.findIndex(usable);
  const primary = mapped >= 0 ? mapped : recognised >= 0 ? recognised : 0;
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
