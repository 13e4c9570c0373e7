/**
 * The issuer core: signs a skill credential for a registry qualification with a never-reused
 * random status index, revokes, and publishes its signed status lists.
 */
import { randomInt, randomUUID } from 'node:crypto';
import {
  buildSkillCredential, createStatusListCredential, CorridorError, DEFAULT_STATUS_LIST_LIFETIME_SECONDS, encodeBitstring, MIN_STATUS_LIST_LENGTH, signCredential,
  type AssessmentRoute, type CredentialInput, type KeyPair, type QualificationRecord, type SkillCredential, type StatusListCredential,
} from '@corridor/shared';
import type { CredentialRow, IssuerStore } from './store.js';

/** Who the audit trail names for what is recorded (an API client id, or the CLI). */
export interface RecordOptions {
  auditAs?: string;
}

export interface IssueRequest {
  qualification: QualificationRecord;
  subject: { name: string; birthDate: string; walletDid?: string };
  assessedAt: string;
  route: AssessmentRoute;
  validUntil?: string;
  /** A caller-chosen id makes a retry idempotent: the same id is never issued twice. */
  id?: string;
  /** The training body's name as its accreditation registers it (see issuance-policy `registeredName`); else the configured name. */
  issuerName?: string;
  /** What a VC-API client chose (issue-request.ts): the credential type, names among the qualification's titles, a description, evidence. */
  extras?: Pick<CredentialInput, 'type' | 'name' | 'achievementName' | 'description' | 'evidence'>;
}

export interface IssuerOptions {
  store: IssuerStore;
  /** The key that signs new credentials. */
  key: KeyPair;
  /** Earlier keys, kept only to sign the status lists of what they issued. */
  retiredKeys?: KeyPair[];
  name: string;
  /** Where this issuer's status lists are published, e.g. https://mctc.example.ph */
  baseUrl: string;
  now?: () => Date;
  /** Uniform random integer in [0, n); crypto-strong by default. */
  draw?: (n: number) => number;
  listLength?: number;
  /** How long a signed status list stays valid (its validUntil); default 3 days. */
  statusListLifetimeSeconds?: number;
}

/** A credential with its status index reserved, built and not yet signed. */
export interface Reserved {
  credential: SkillCredential;
  listId: number;
  index: number;
  /** The proof's `created`: the same instant as `validFrom`. */
  signedAt: Date;
}

/** A list is full at 15/16 of its length, so drawing a free random index stays fast. */
const fillRatio = 15 / 16;

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export class Issuer {
  readonly #o: Required<Omit<IssuerOptions, 'store' | 'key' | 'retiredKeys'>> & Pick<IssuerOptions, 'store' | 'key' | 'retiredKeys'>;

  constructor(options: IssuerOptions) {
    this.#o = {
      now: () => new Date(), draw: (n) => randomInt(n), listLength: MIN_STATUS_LIST_LENGTH,
      statusListLifetimeSeconds: DEFAULT_STATUS_LIST_LIFETIME_SECONDS, ...options,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
    };
    // Lists from before key rotation were all signed by the one key there was: the oldest we hold.
    const oldest = options.retiredKeys?.[0] ?? options.key;
    options.store.adoptUnownedLists(oldest.description.controller);
  }

  get did(): string {
    return this.#o.key.description.controller;
  }

  /** The key new credentials are signed with: for worker threads that sign what `reserve` built. */
  get signingKey(): KeyPair {
    return this.#o.key;
  }

  /** Where this issuer is reached, e.g. https://mctc.example.ph (no trailing slash). */
  get baseUrl(): string {
    return this.#o.baseUrl;
  }

  statusListUrl(listId: number): string {
    return `${this.#o.baseUrl}/credentials/status/${listId}`;
  }

  /** A credential issued here, by id. */
  find(id: string): SkillCredential | undefined {
    const row = this.#o.store.credential(id);
    return row ? (JSON.parse(row.json) as SkillCredential) : undefined;
  }

  /** Issues one credential; with `auditAs`, its audit entry commits with it (a crash never leaves one without the other). */
  async issue(request: IssueRequest, options: RecordOptions = {}): Promise<SkillCredential> {
    const reserved = this.reserve([request])[0]!;
    if ('existing' in reserved) return reserved.existing;
    if ('error' in reserved) throw reserved.error;
    const signed = await signCredential({ credential: reserved.credential, signer: this.#o.key.signer, now: reserved.signedAt });
    this.record([{ reserved, signed }], options);
    return signed;
  }

  /**
   * The first half of issuing, for many requests in one committed transaction: a status index is
   * reserved for each new credential and its unsigned form built. A request whose id was issued
   * already gets that credential back instead. Sign each with this issuer's key (anywhere, e.g. on
   * worker threads), then `record` them; a crash in between burns nothing twice: the same id
   * takes its reservation back. A request that cannot make a valid credential gets its error.
   */
  reserve(requests: IssueRequest[]): (Reserved | { existing: SkillCredential } | { error: CorridorError })[] {
    const { store, draw, listLength } = this.#o;
    const now = this.#o.now();
    const ids = requests.map((request) => request.id ?? `urn:uuid:${randomUUID()}`);
    const existing = ids.map((id) => store.credential(id));
    const fresh = ids.filter((_, i) => !existing[i]);
    const indices = fresh.length ? store.allocateIndices({
      credentialIds: fresh, issuerDid: this.did, length: listLength, capacity: Math.floor(listLength * fillRatio), draw, now: now.toISOString(),
    }) : [];
    let next = 0;
    return requests.map((request, i) => {
      const row = existing[i];
      if (row) return { existing: JSON.parse(row.json) as SkillCredential };
      const { listId, index } = indices[next++]!;
      try {
        const credential = buildSkillCredential({
          id: ids[i]!, issuer: { did: this.did, name: request.issuerName ?? this.#o.name }, qualification: request.qualification, subject: request.subject,
          assessedAt: request.assessedAt, route: request.route, validFrom: isoSeconds(now),
          ...(request.validUntil ? { validUntil: request.validUntil } : {}),
          ...request.extras,
          status: {
            type: 'BitstringStatusListEntry', statusPurpose: 'revocation',
            statusListIndex: String(index), statusListCredential: this.statusListUrl(listId),
          },
        });
        return { credential, listId, index, signedAt: now };
      } catch (error) {
        if (error instanceof CorridorError) return { error };
        throw error;
      }
    });
  }

  /** The second half: saves signed credentials, and with `auditAs` their audit entries, all in one transaction. */
  record(issued: { reserved: Reserved; signed: SkillCredential }[], options: RecordOptions = {}): void {
    for (const { reserved, signed } of issued) {
      if (signed.id !== reserved.credential.id || signed.issuer.id !== this.did || !signed.proof) {
        throw new CorridorError('ERR_CREDENTIAL_MALFORMED', 'a signed credential does not match its reservation');
      }
    }
    const { store } = this.#o;
    store.transaction(() => {
      store.saveCredentials(issued.map(({ reserved, signed }) => ({
        id: signed.id, qualification: reserved.credential.credentialSubject.achievement.id, subjectName: reserved.credential.credentialSubject.name, issuedAt: signed.validFrom,
        listId: reserved.listId, statusIndex: reserved.index, state: 'active', json: JSON.stringify(signed),
      })));
      if (options.auditAs !== undefined && issued.length) {
        const at = this.#o.now().toISOString();
        store.audit(issued.map(({ signed }) => ({ at, clientId: options.auditAs!, action: 'issue' as const, credentialId: signed.id })));
      }
    });
  }

  /** Revokes a credential: its bit is set in the list at once; publish the list to make it known. */
  revoke(credentialId: string): CredentialRow {
    const row = this.#o.store.setState(credentialId, 'revoked', this.#o.now().toISOString());
    if (!row) throw new CorridorError('ERR_NOT_FOUND', 'no credential with this id was issued here');
    return row;
  }

  /** Every status list as a signed BitstringStatusListCredential, ready to publish or push. */
  /** The key of `did`: the active one, or a retired one kept to sign its own status lists. */
  keyFor(did: string): KeyPair {
    const { key, retiredKeys = [] } = this.#o;
    const found = [key, ...retiredKeys].find((k) => k.description.controller === did);
    if (!found) throw new CorridorError('ERR_KEY_INVALID', 'the key of this status list is missing');
    return found;
  }

  /**
   * Every status list as a signed BitstringStatusListCredential, ready to publish or push. A list is
   * re-signed when its bits changed or when less than a third of its lifetime is left (so serving
   * or exporting it, e.g. `status-lists` from cron, keeps it fresh); otherwise the one signed before
   * is given again. Each new signature is dated strictly after the previous one, because verifiers
   * and the registry refuse a list not newer than the one they hold.
   */
  async statusListCredentials(): Promise<StatusListCredential[]> {
    const { store, key, retiredKeys = [], statusListLifetimeSeconds: lifetime } = this.#o;
    const now = this.#o.now();
    const held = new Set([key, ...retiredKeys].map((k) => k.description.controller));
    const lists = store.statusLists().filter((list) => held.has(list.issuerDid));
    return Promise.all(lists.map(async (list) => {
      const kept = store.signedStatusList(list.id);
      const last = kept ? (JSON.parse(kept) as StatusListCredential) : undefined;
      const url = this.statusListUrl(list.id);
      const current = last && last.id === url && last.issuer === list.issuerDid && last.validUntil &&
        last.credentialSubject.encodedList === encodeBitstring(list.bits) &&
        Date.parse(last.validUntil) - now.getTime() > (lifetime * 1000) / 3;
      if (current) return last;
      const at = new Date(Math.max(now.getTime(), last ? Date.parse(last.validFrom) + 1000 : 0));
      const unsigned = createStatusListCredential({ url, issuer: list.issuerDid, statusPurpose: 'revocation', bits: list.bits, now: at, lifetimeSeconds: lifetime });
      const signed = await signCredential({ credential: unsigned, signer: this.keyFor(list.issuerDid).signer, now: at });
      return JSON.parse(store.keepSignedStatusList(list.id, signed.validFrom, JSON.stringify(signed))) as StatusListCredential;
    }));
  }
}
