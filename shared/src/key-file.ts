/**
 * Files on disk: private keys written once with 0600 permissions (owner read/write only), read
 * back and checked; other outputs replaced atomically; input files read with an error that names the
 * file and the reason. The only file in shared that touches the file system.
 */
import { chmodSync, existsSync, readFileSync, rename, renameSync, rmSync, statSync, unlink, writeFile, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { inert } from './cli-support.js';
import { CorridorError, type ErrorCode } from './errors.js';
import { importKeyPair, type KeyPair, type StoredKeyPair } from './keys.js';

/** Why a file cannot be read, in a few words (never anything of its content). */
export function unreadableReason(cause: unknown): string {
  const errno = (cause as NodeJS.ErrnoException | undefined)?.code;
  return errno === 'ENOENT' ? 'no such file' : errno === 'EISDIR' ? 'it is a directory'
    : errno === 'EACCES' || errno === 'EPERM' ? 'permission denied' : 'it cannot be read';
}

/** A file's text; the error names the file, as `what` and its path, and why it cannot be read. */
export function readTextFile(path: string, what: string, code: ErrorCode = 'ERR_INPUT_INVALID'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new CorridorError(code, `cannot read ${what} ${inert(path)}: ${unreadableReason(cause)}`, { cause });
  }
}

/** A JSON file's value; the error names the file and says whether it is unreadable or not JSON (never quoting it). */
export function readJsonFile(path: string, what: string, code: ErrorCode = 'ERR_INPUT_INVALID'): unknown {
  const text = readTextFile(path, what, code);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new CorridorError(code, `${what} ${inert(path)} is not JSON`, { cause });
  }
}

export function writeKeyFile(path: string, key: StoredKeyPair): void {
  if (existsSync(path)) throw new CorridorError('ERR_CONFLICT', 'a key file already exists there; refusing to overwrite a key');
  // `wx` fails if the file appears in between; the mode applies at creation, so no moment of wider access.
  writeFileSync(path, JSON.stringify(key, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
}

export function readKeyFile(path: string): KeyPair {
  const text = readTextFile(path, 'the key file');
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new CorridorError('ERR_KEY_INVALID', `the key file ${inert(path)} is readable by others; run chmod 600 on it`);
  }
  try {
    return importKeyPair(JSON.parse(text));
  } catch (cause) {
    if (cause instanceof CorridorError) throw cause;
    throw new CorridorError('ERR_KEY_INVALID', `the key file ${inert(path)} is not a Corridor key`, { cause });
  }
}

let temporaryFiles = 0;
/**
 * A fresh temporary name beside `path`, `<path>.<pid>-<thread>-<n>.tmp`: never the same twice in
 * a process, so two writes of one path at once cannot mix, and a later run can tell a dead
 * process's leftovers by the pid.
 */
export function temporaryPathFor(path: string): string {
  return `${path}.${process.pid}-${threadId}-${++temporaryFiles}.tmp`;
}

/** Writes then renames, so a reader never sees half a file and a crash never leaves one. */
export function writeFileAtomically(path: string, data: string | Uint8Array): void {
  const temporary = temporaryPathFor(path);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Renames a whole temporary file into place, off the calling thread; it is removed if that fails. */
export function renameIntoPlace(temporary: string, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    rename(temporary, path, (error) => (error ? unlink(temporary, () => reject(error)) : resolve()));
  });
}

/**
 * `writeFileAtomically`, off the calling thread (libuv's pool), for the many files of a cohort:
 * creating a file can take a good fraction of a millisecond in the kernel, and thousands of them
 * in a row stalled everything else. The last rename wins, with a whole file.
 */
export function writeFileAtomicallyAsync(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPathFor(path);
  // Callbacks, not fs/promises: its file handles cost the calling thread about twice as much a
  // file (measured: 20,000 files, 2.5 against 0.9–1.7 s of event-loop time).
  return new Promise((resolve, reject) => {
    writeFile(temporary, data, (error) => {
      if (error) return unlink(temporary, () => reject(error));
      renameIntoPlace(temporary, path).then(resolve, reject);
    });
  });
}
