/**
 * The trust list on the device. An administrator pins the anchors (roots, registry operator,
 * country, freshness policy) once, at installation; the page keeps the operator's signed pack
 * and deltas in IndexedDB, as signed, and checks them again every time it loads them. What the
 * verifier sends later is only an offer: used if it names the same anchors, is signed by the
 * pinned operator and is not older than what is held — else refused and never stored. The
 * service worker never keeps trust.json: what survives offline is what this file stored.
 */
import { CorridorError, isCorridorError, type ErrorCode } from '@corridor/shared';
import { acceptOfficerDocument, anchorsOf, openChain, readOfficerDocument, type CheckedTrust, type PinnedTrust, type SignedChain } from '../src/officer.js';

export interface DeviceTrust {
  pinned: PinnedTrust;
  checked: CheckedTrust;
}

/** What the device holds at load: nothing (not set up), pins only, or pins and a verified list. */
export interface HeldState {
  pinned?: PinnedTrust;
  trust?: DeviceTrust;
  /** Why the list kept on the device did not verify, if it did not. */
  error?: ErrorCode;
}

const DB_NAME = 'corridor-officer';
const STORE = 'trust';
const PINNED = 'pinned';
const CHAIN = 'chain';
const NETWORK_TIMEOUT_MS = 4000;

export const codeOf = (error: unknown): ErrorCode => (isCorridorError(error) ? error.code : 'ERR_TRUST_PACK_INVALID');

function request<T>(operation: IDBRequest<T> | IDBTransaction): Promise<T> {
  return new Promise((resolve, reject) => {
    if (operation instanceof IDBTransaction) {
      operation.oncomplete = () => resolve(undefined as T);
      operation.onerror = operation.onabort = () => reject(operation.error);
    } else {
      operation.onsuccess = () => resolve(operation.result);
      operation.onerror = () => reject(operation.error);
    }
  });
}

async function database(): Promise<IDBDatabase> {
  const opening = indexedDB.open(DB_NAME, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
  return request(opening);
}

async function read<T>(key: string): Promise<T | undefined> {
  const db = await database();
  try {
    return await request(db.transaction(STORE).objectStore(STORE).get(key)) as T | undefined;
  } finally {
    db.close();
  }
}

/** Writes (or, for undefined, deletes) several keys in one transaction: pins and list never half-written. */
async function write(entries: Record<string, unknown>): Promise<void> {
  const db = await database();
  try {
    const transaction = db.transaction(STORE, 'readwrite');
    for (const [key, value] of Object.entries(entries)) {
      if (value === undefined) transaction.objectStore(STORE).delete(key);
      else transaction.objectStore(STORE).put(value, key);
    }
    await request(transaction);
  } finally {
    db.close();
  }
}

/** The pins and the signed list kept on the device, the list verified again from the pins. */
export async function loadHeld(): Promise<HeldState> {
  const pinned = await read<PinnedTrust>(PINNED);
  if (!pinned) return {};
  const chain = await read<SignedChain>(CHAIN);
  if (!chain) return { pinned };
  try {
    return { pinned, trust: { pinned, checked: await openChain(chain, pinned) } };
  } catch (error) {
    return { pinned, error: codeOf(error) };
  }
}

/** What the verifier offers now, unchecked; undefined when it cannot be reached (offline). */
export async function fetchOffer(): Promise<unknown> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), NETWORK_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch('trust.json', { cache: 'no-store', signal: timeout.signal });
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) return undefined;
  try {
    return await response.json() as unknown;
  } catch (cause) {
    throw new CorridorError('ERR_TRUST_PACK_INVALID', 'trust.json is not JSON', { cause });
  }
}

/** An offer judged against the pins (and the list held): stored only if accepted. */
export async function acceptOffer(pinned: PinnedTrust, held: DeviceTrust | undefined, offered: unknown): Promise<DeviceTrust> {
  const checked = await acceptOfficerDocument(offered, pinned, held?.checked.held);
  await write({ [CHAIN]: checked.chain });
  return { pinned, checked };
}

/**
 * First installation: what the verifier offers, with the anchors it names, checked only for
 * consistency (signed by the operator it names) — trusted once an administrator confirms it.
 */
export async function inspectOffer(offered: unknown): Promise<DeviceTrust> {
  const document = readOfficerDocument(offered);
  const pinned = anchorsOf(document);
  return { pinned, checked: await openChain(document, pinned) };
}

export async function install(trust: DeviceTrust): Promise<void> {
  await write({ [PINNED]: trust.pinned, [CHAIN]: trust.checked.chain });
}

/** The administrator's reset: pins and list gone, the device must be set up again. */
export async function resetTrust(): Promise<void> {
  await write({ [PINNED]: undefined, [CHAIN]: undefined });
}
