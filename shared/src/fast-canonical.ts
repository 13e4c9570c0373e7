/**
 * A specialised path to the RDF of a Corridor skill credential. Our contexts are fixed and
 * `@protected`, and `assertSkillCredential` admits one closed shape, so the JSON-LD expansion
 * jsonld.js performs on every call (about half the cost of a verification) always yields the same
 * triples. This module writes those triples directly and canonicalises them with RDFC-1.0 —
 * the same N-Quads, byte for byte, as jsonld.js (a property-based differential test checks it).
 * Anything it is not certain about returns undefined, and the caller takes the library path.
 */
import { hash as digest } from 'node:crypto';
import rdfCanonize, { type Quad } from 'rdf-canonize';
import { CREDENTIAL_CONTEXTS, VC_V2_CONTEXT } from './contexts/index.js';

type Term = Quad['subject'];

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const CRED = 'https://www.w3.org/2018/credentials#';
const OB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
const SCHEMA = 'https://schema.org/';
const STATUS = 'https://www.w3.org/ns/credentials/status#';
const SEC = 'https://w3id.org/security#';

const GRAPH: Term = { termType: 'DefaultGraph', value: '' };
const named = (value: string): Term => ({ termType: 'NamedNode', value });
const literal = (value: string, datatype = `${XSD}string`): Term => ({ termType: 'Literal', value, datatype: named(datatype) });

/**
 * IRIs we are sure jsonld.js leaves as they are: an allow-listed scheme (never a term or prefix
 * of our contexts) and no character that is not allowed in an IRI.
 */
const SAFE_IRI = /^(?:https?:\/\/|urn:|did:)[^\s<>"{}|\\^`\u0000-\u001f\u007f]+$/;

class Unsure extends Error {}

function iri(value: unknown): Term {
  if (typeof value !== 'string' || !SAFE_IRI.test(value)) throw new Unsure();
  return named(value);
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new Unsure();
  return value;
}

function exactKeys(value: unknown, allowed: readonly string[], required: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Unsure();
  const keys = Object.keys(value);
  if (!keys.every((k) => allowed.includes(k)) || !required.every((k) => k in value)) throw new Unsure();
  return value as Record<string, unknown>;
}

/** A one-item array (what our shape has where OB 3.0 allows many): its item, as a list of one. */
function one(value: unknown): unknown[] {
  if (!Array.isArray(value) || value.length !== 1) throw new Unsure();
  return value;
}

function sameArray(value: unknown, expected: readonly string[]): void {
  if (!Array.isArray(value) || value.length !== expected.length || !value.every((v, i) => v === expected[i])) throw new Unsure();
}

class Triples {
  readonly quads: Quad[] = [];
  #blank = 0;
  blank(): Term {
    return { termType: 'BlankNode', value: `b${this.#blank++}` };
  }
  add(subject: Term, predicate: string, object: Term): void {
    this.quads.push({ subject, predicate: named(predicate), object, graph: GRAPH });
  }
}

function credentialTriples(c: Record<string, unknown>, g: Triples): void {
  exactKeys(c, ['@context', 'id', 'type', 'issuer', 'validFrom', 'validUntil', 'name', 'credentialSubject', 'credentialStatus'],
    ['@context', 'id', 'type', 'issuer', 'validFrom', 'name', 'credentialSubject', 'credentialStatus']);
  sameArray(c['@context'], CREDENTIAL_CONTEXTS);
  sameArray(c.type, ['VerifiableCredential', 'OpenBadgeCredential']);
  const self = iri(c.id);
  g.add(self, `${RDF}type`, named(`${OB}OpenBadgeCredential`));
  g.add(self, `${RDF}type`, named(`${CRED}VerifiableCredential`));
  g.add(self, `${SCHEMA}name`, literal(text(c.name)));
  g.add(self, `${CRED}validFrom`, literal(text(c.validFrom), `${XSD}dateTime`));
  if (c.validUntil !== undefined) g.add(self, `${CRED}validUntil`, literal(text(c.validUntil), `${XSD}dateTime`));

  const issuer = exactKeys(c.issuer, ['id', 'type', 'name'], ['id', 'type', 'name']);
  sameArray(issuer.type, ['Profile']);
  const issuerNode = iri(issuer.id);
  g.add(self, `${CRED}issuer`, issuerNode);
  g.add(issuerNode, `${RDF}type`, named(`${OB}Profile`));
  g.add(issuerNode, `${SCHEMA}name`, literal(text(issuer.name)));

  const subject = exactKeys(c.credentialSubject, ['id', 'type', 'name', 'identifier', 'activityEndDate', 'result', 'achievement'],
    ['type', 'name', 'identifier', 'activityEndDate', 'result', 'achievement']);
  sameArray(subject.type, ['AchievementSubject']);
  const subjectNode = subject.id === undefined ? g.blank() : iri(subject.id);
  g.add(self, `${CRED}credentialSubject`, subjectNode);
  g.add(subjectNode, `${RDF}type`, named(`${OB}AchievementSubject`));
  g.add(subjectNode, `${SCHEMA}name`, literal(text(subject.name)));
  for (const item of one(subject.identifier)) {
    const identity = exactKeys(item, ['type', 'hashed', 'identityHash', 'identityType'], ['type', 'hashed', 'identityHash', 'identityType']);
    if (identity.type !== 'IdentityObject' || typeof identity.hashed !== 'boolean') throw new Unsure();
    const node = g.blank();
    g.add(subjectNode, `${OB}identifier`, node);
    g.add(node, `${RDF}type`, named(`${OB}IdentityObject`));
    // Typed in the https XSD namespace too, as the context has it.
    g.add(node, `${OB}hashed`, literal(String(identity.hashed), 'https://www.w3.org/2001/XMLSchema#boolean'));
    g.add(node, `${OB}identityHash`, literal(text(identity.identityHash)));
    g.add(node, `${OB}identityType`, literal(text(identity.identityType)));
  }
  // The OB 3.0.3 context types activityEndDate with an https XSD namespace: reproduced as is.
  g.add(subjectNode, `${OB}activityEndDate`, literal(text(subject.activityEndDate), 'https://www.w3.org/2001/XMLSchema#date'));
  for (const item of one(subject.result)) {
    const result = exactKeys(item, ['type', 'value'], ['type', 'value']);
    sameArray(result.type, ['Result']);
    const node = g.blank();
    g.add(subjectNode, `${OB}result`, node);
    g.add(node, `${RDF}type`, named(`${OB}Result`));
    g.add(node, `${SCHEMA}value`, literal(text(result.value)));
  }

  const achievement = exactKeys(subject.achievement, ['id', 'type', 'name', 'description', 'criteria', 'achievementType', 'alignment'],
    ['id', 'type', 'name', 'description', 'criteria', 'achievementType', 'alignment']);
  sameArray(achievement.type, ['Achievement']);
  const achievementNode = iri(achievement.id);
  g.add(subjectNode, `${OB}achievement`, achievementNode);
  g.add(achievementNode, `${RDF}type`, named(`${OB}Achievement`));
  g.add(achievementNode, `${SCHEMA}name`, literal(text(achievement.name)));
  g.add(achievementNode, `${SCHEMA}description`, literal(text(achievement.description)));
  g.add(achievementNode, `${OB}achievementType`, literal(text(achievement.achievementType)));
  const criteria = exactKeys(achievement.criteria, ['narrative'], ['narrative']);
  const criteriaNode = g.blank();
  g.add(achievementNode, `${OB}Criteria`, criteriaNode);
  g.add(criteriaNode, `${OB}narrative`, literal(text(criteria.narrative)));
  if (!Array.isArray(achievement.alignment)) throw new Unsure();
  for (const item of achievement.alignment) {
    const alignment = exactKeys(item, ['type', 'targetCode', 'targetFramework', 'targetName', 'targetUrl'], ['type', 'targetCode', 'targetFramework', 'targetName']);
    sameArray(alignment.type, ['Alignment']);
    const node = g.blank();
    g.add(achievementNode, `${OB}alignment`, node);
    g.add(node, `${RDF}type`, named(`${SCHEMA}AlignmentObject`));
    g.add(node, `${OB}targetCode`, literal(text(alignment.targetCode)));
    g.add(node, `${SCHEMA}targetFramework`, literal(text(alignment.targetFramework)));
    g.add(node, `${SCHEMA}targetName`, literal(text(alignment.targetName)));
    if (alignment.targetUrl !== undefined) g.add(node, `${SCHEMA}targetUrl`, literal(text(alignment.targetUrl), 'https://www.w3.org/2001/XMLSchema#anyURI'));
  }

  const status = exactKeys(c.credentialStatus, ['id', 'type', 'statusPurpose', 'statusListIndex', 'statusListCredential'],
    ['type', 'statusPurpose', 'statusListIndex', 'statusListCredential']);
  if (status.type !== 'BitstringStatusListEntry') throw new Unsure();
  const statusNode = status.id === undefined ? g.blank() : iri(status.id);
  g.add(self, `${CRED}credentialStatus`, statusNode);
  g.add(statusNode, `${RDF}type`, named(`${STATUS}BitstringStatusListEntry`));
  g.add(statusNode, `${STATUS}statusListCredential`, iri(status.statusListCredential));
  g.add(statusNode, `${STATUS}statusListIndex`, literal(text(status.statusListIndex)));
  g.add(statusNode, `${STATUS}statusPurpose`, literal(text(status.statusPurpose)));
}

function statusListTriples(c: Record<string, unknown>, g: Triples): void {
  exactKeys(c, ['@context', 'id', 'type', 'issuer', 'validFrom', 'validUntil', 'credentialSubject'], ['@context', 'id', 'type', 'issuer', 'validFrom', 'credentialSubject']);
  sameArray(c['@context'], [VC_V2_CONTEXT]);
  sameArray(c.type, ['VerifiableCredential', 'BitstringStatusListCredential']);
  const self = iri(c.id);
  g.add(self, `${RDF}type`, named(`${CRED}VerifiableCredential`));
  g.add(self, `${RDF}type`, named(`${STATUS}BitstringStatusListCredential`));
  g.add(self, `${CRED}issuer`, iri(c.issuer));
  g.add(self, `${CRED}validFrom`, literal(text(c.validFrom), `${XSD}dateTime`));
  if (c.validUntil !== undefined) g.add(self, `${CRED}validUntil`, literal(text(c.validUntil), `${XSD}dateTime`));
  const subject = exactKeys(c.credentialSubject, ['id', 'type', 'statusPurpose', 'encodedList'], ['id', 'type', 'statusPurpose', 'encodedList']);
  if (subject.type !== 'BitstringStatusList') throw new Unsure();
  const node = iri(subject.id);
  g.add(self, `${CRED}credentialSubject`, node);
  g.add(node, `${RDF}type`, named(`${STATUS}BitstringStatusList`));
  g.add(node, `${STATUS}encodedList`, literal(text(subject.encodedList), `${SEC}multibase`));
  g.add(node, `${STATUS}statusPurpose`, literal(text(subject.statusPurpose)));
}

const XSD_STRING = `${XSD}string`;
/** What rdf-canonize would escape in a literal; our IRIs never hold what it escapes (SAFE_IRI). */
const LITERAL_ESCAPES = /[\u0000-\u001f\u007f"\\]/;
const PLACEHOLDER = named('x');

/**
 * A quad's object as canonical N-Quads writes it, with the line's end: by concatenation when
 * nothing needs escaping (the common case), else cut from rdf-canonize's own line. Our quads are
 * all in the default graph and have no language-tagged literals.
 */
function objectText(object: Term): string {
  if (object.termType === 'NamedNode') return `<${object.value}> .\n`;
  if (LITERAL_ESCAPES.test(object.value)) {
    const line = rdfCanonize.NQuads.serializeQuad({ subject: PLACEHOLDER, predicate: PLACEHOLDER, object, graph: GRAPH });
    return line.slice('<x> <x> '.length);
  }
  const datatype = object.datatype?.value ?? XSD_STRING; // ours always have one
  return datatype === XSD_STRING ? `"${object.value}" .\n` : `"${object.value}"^^<${datatype}> .\n`;
}

/**
 * A quad written once, in parts: blank nodes are left as their ids, to be named when the line is
 * put together (as `_:a`/`_:z` for hashing, as `_:c14nN` at the end).
 */
interface Line {
  /** The subject's blank id, or undefined when `head` is the subject written out. */
  subject: string | undefined;
  head: string;
  /** The object's blank id, or undefined when `tail` is the object written out. */
  object: string | undefined;
  tail: string;
}

function lineOf(quad: Quad): Line {
  const { subject, predicate, object } = quad;
  const predicateText = ` <${predicate.value}> `;
  return {
    subject: subject.termType === 'BlankNode' ? subject.value : undefined,
    head: subject.termType === 'BlankNode' ? predicateText : `<${subject.value}>${predicateText}`,
    object: object.termType === 'BlankNode' ? object.value : undefined,
    tail: object.termType === 'BlankNode' ? ' .\n' : objectText(object),
  };
}

/** The line with its blank nodes named by `name`. */
function written(line: Line, name: (id: string) => string): string {
  const subject = line.subject === undefined ? line.head : `_:${name(line.subject)}${line.head}`;
  return line.object === undefined ? subject + line.tail : `${subject}_:${name(line.object)}${line.tail}`;
}

/**
 * RDFC-1.0 canonical N-Quads. Each blank node's first-degree hash (its quads, itself as `_:a`,
 * others as `_:z`) is computed here; when those hashes are all different — always, for our
 * shapes, unless two alignments are identical — they alone decide the canonical labels, in hash
 * order. A tie needs the N-degree algorithm: that case goes to rdf-canonize, as does nothing else.
 */
function canonical(g: Triples): string {
  const lines = g.quads.map(lineOf);
  // Two nodes with one IRI merge, and a dataset holds a triple once: a repeated line is not ours to write.
  const ground = new Set<string>();
  for (const line of lines) {
    if (line.subject !== undefined || line.object !== undefined) continue;
    const key = line.head + line.tail;
    if (ground.has(key)) throw new Unsure();
    ground.add(key);
  }
  const linesOf = new Map<string, Line[]>();
  for (const line of lines) {
    for (const id of [line.subject, line.object]) {
      if (id === undefined) continue;
      const list = linesOf.get(id);
      if (!list) linesOf.set(id, [line]);
      else if (list[list.length - 1] !== line) list.push(line);
    }
  }
  const byHash = new Map<string, string>();
  for (const [id, own] of linesOf) {
    const mark = (other: string) => (other === id ? 'a' : 'z');
    // One-shot: twice as fast as a Hash object for a few hundred bytes.
    const hash = digest('sha256', own.map((line) => written(line, mark)).sort().join(''), 'hex');
    if (byHash.has(hash)) return rdfCanonize._canonizeSync(g.quads, { algorithm: 'RDFC-1.0', format: 'application/n-quads' });
    byHash.set(hash, id);
  }
  const label = new Map([...byHash.keys()].sort().map((hash, i) => [byHash.get(hash)!, `c14n${i}`]));
  const name = (id: string) => label.get(id)!;
  return lines.map((line) => written(line, name)).sort().join('');
}

/** Canonical N-Quads of an unsigned skill credential, or undefined if it is not exactly our shape. */
export function canonicalCredential(credential: unknown): string | undefined {
  return canonicalWith(credentialTriples, credential);
}

/** Canonical N-Quads of an unsigned BitstringStatusListCredential as Corridor issuers make them. */
export function canonicalStatusList(list: unknown): string | undefined {
  return canonicalWith(statusListTriples, list);
}

function canonicalWith(triples: (value: Record<string, unknown>, g: Triples) => void, value: unknown): string | undefined {
  try {
    const g = new Triples();
    triples(value as Record<string, unknown>, g);
    return canonical(g);
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}

export interface ProofConfig {
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-rdfc-2022';
  created?: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
}

/** Canonical N-Quads of an eddsa-rdfc-2022 proof configuration in the credential's contexts. */
export function canonicalProofConfig(config: unknown): string | undefined {
  try {
    const p = exactKeys(config, ['type', 'cryptosuite', 'created', 'verificationMethod', 'proofPurpose'], ['type', 'cryptosuite', 'verificationMethod', 'proofPurpose']);
    if (p.type !== 'DataIntegrityProof' || p.cryptosuite !== 'eddsa-rdfc-2022' || p.proofPurpose !== 'assertionMethod') throw new Unsure();
    const g = new Triples();
    const node = g.blank();
    if (p.created !== undefined) g.add(node, 'http://purl.org/dc/terms/created', literal(text(p.created), `${XSD}dateTime`));
    g.add(node, `${RDF}type`, named(`${SEC}DataIntegrityProof`));
    g.add(node, `${SEC}cryptosuite`, literal('eddsa-rdfc-2022', `${SEC}cryptosuiteString`));
    g.add(node, `${SEC}proofPurpose`, named(`${SEC}assertionMethod`));
    g.add(node, `${SEC}verificationMethod`, iri(p.verificationMethod));
    return canonical(g);
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}

