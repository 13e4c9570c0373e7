/**
 * A credential's files: the credential as JSON (for any VC wallet), its QR code as PNG (for
 * printing) and SVG (for scaling), and the certificate page. Rendering is pure and returns bytes;
 * writing them is atomic, file by file. File names use the credential's uuid, never the worker's name.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CorridorError, encodeQrSymbol, encodeQrText, qrSymbolPng, qrSymbolSvg, renameIntoPlace, temporaryPathFor, writeFileAtomicallyAsync,
  type QrCatalogue, type QualificationRecord, type SkillCredential,
} from '@corridor/shared';
import { renderCertificateHtml } from './certificate.js';

/** The files a credential can have: JSON for wallets, the QR as PNG and SVG, the certificate page. */
export const FILE_KINDS = ['json', 'png', 'svg', 'html'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/**
 * The rendered files, those asked for: in memory, or already written under a temporary name
 * (`staged`, by kind) to be renamed into place once their credential is recorded.
 */
export interface RenderedFiles {
  baseName: string;
  json?: string;
  png?: Uint8Array;
  svg?: string;
  html?: string;
  staged?: Partial<Record<FileKind, string>>;
}

export interface CredentialFiles {
  baseName: string;
  json: string;
  png: Buffer;
  svg: string;
  qrText: string;
  qr: { version: number; modules: number; characters: number };
}

/** A credential's file name: its uuid, never anything personal. */
export function credentialBaseName(credential: SkillCredential): string {
  return credential.id.replace(/^urn:uuid:/, '').replace(/[^A-Za-z0-9-]/g, '_');
}

const credentialJson = (credential: SkillCredential) => JSON.stringify(credential, null, 2) + '\n';

async function qrOf(credential: SkillCredential, catalogue: QrCatalogue | undefined) {
  const text = await encodeQrText(credential, catalogue ? { catalogue } : {});
  return { text, symbol: encodeQrSymbol(text) };
}

/** JSON, PNG and SVG of one credential, with what its QR code holds. */
export async function renderCredentialFiles(credential: SkillCredential, options: { catalogue?: QrCatalogue } = {}): Promise<CredentialFiles> {
  const { text, symbol } = await qrOf(credential, options.catalogue);
  return {
    baseName: credentialBaseName(credential), json: credentialJson(credential), png: qrSymbolPng(symbol), svg: qrSymbolSvg(symbol),
    qrText: text, qr: { version: symbol.version, modules: symbol.size, characters: text.length },
  };
}

export interface RenderRequest {
  credential: SkillCredential;
  /** The qualification's record, for the certificate page (only `html` needs it). */
  qualification?: QualificationRecord;
  /** The accrediting authority's name, printed on the certificate page. */
  accreditedBy?: Record<string, string>;
  catalogue?: QrCatalogue;
  /** Which files to render; all by default. */
  kinds?: readonly FileKind[];
}

/** The kinds of file asked for (all by default). */
export async function renderFiles(job: RenderRequest): Promise<RenderedFiles> {
  const { credential, qualification } = job;
  const kinds = new Set(job.kinds ?? FILE_KINDS);
  const files: RenderedFiles = { baseName: credentialBaseName(credential) };
  if (kinds.has('json')) files.json = credentialJson(credential);
  if (kinds.has('png') || kinds.has('svg') || kinds.has('html')) {
    const { symbol } = await qrOf(credential, job.catalogue);
    if (kinds.has('png')) files.png = qrSymbolPng(symbol);
    const svg = kinds.has('svg') || kinds.has('html') ? qrSymbolSvg(symbol) : undefined;
    if (kinds.has('svg')) files.svg = svg;
    if (kinds.has('html')) {
      if (!qualification) throw new CorridorError('ERR_INPUT_INVALID', 'a certificate page needs the qualification record');
      files.html = renderCertificateHtml({ credential, qualification, qrSvg: svg!, ...(job.accreditedBy ? { accreditedBy: job.accreditedBy } : {}) });
    }
  }
  return files;
}

/** Where a rendered file of `kind` goes in `dir`. */
const pathOf = (dir: string, baseName: string, kind: FileKind) => join(dir, `${baseName}.${kind}`);

/**
 * Writes the rendered files of `kinds` into `dir` under temporary names, here and now, and
 * returns the files with those kinds as `staged` paths instead of contents. A cohort's worker
 * threads do this: the kernel's part of creating a file then runs beside the signing, and only a
 * rename is left for the main thread, after the database has the credential.
 */
export function stageFiles(dir: string, files: RenderedFiles, kinds: readonly FileKind[]): RenderedFiles {
  const out: RenderedFiles = { ...files, staged: { ...files.staged } };
  const written: string[] = [];
  try {
    for (const kind of kinds) {
      const data = files[kind];
      if (data === undefined) continue;
      const temporary = temporaryPathFor(pathOf(dir, files.baseName, kind));
      written.push(temporary);
      writeFileSync(temporary, data);
      out.staged![kind] = temporary;
      delete out[kind];
    }
  } catch (error) {
    // A full disk, say: none of this credential's files stays half-staged.
    for (const temporary of written) rmSync(temporary, { force: true });
    throw error;
  }
  return out;
}

/**
 * A writer of rendered files into `dir`, each file atomically (staged ones are renamed into
 * place), never on the calling thread (a file's creation can take a good fraction of a
 * millisecond in the kernel), at most `concurrency` at a time: 4, node's file-system threads,
 * measured as good as 8 or 64 and far better than one (A/B, 10,000-row cohorts). Every write of
 * a call settles before its failure is reported; returns the paths written.
 */
export function createFileWriter(dir: string, concurrency = 4): (files: RenderedFiles) => Promise<string[]> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async <T>(work: () => Promise<T>): Promise<T> => {
    // A finished write hands its slot straight to the next in line.
    if (running < concurrency) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
  return async (files) => {
    const writes = FILE_KINDS.flatMap((kind) => {
      const path = pathOf(dir, files.baseName, kind);
      const staged = files.staged?.[kind];
      if (staged !== undefined) return [{ path, write: () => renameIntoPlace(staged, path) }];
      const data = files[kind];
      return data === undefined ? [] : [{ path, write: () => writeFileAtomicallyAsync(path, data) }];
    });
    const outcomes = await Promise.allSettled(writes.map(({ write }) => slot(write)));
    const failed = outcomes.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
    return writes.map(({ path }) => path);
  };
}

/** A temporary file of ours (temporaryPathFor): `<name>.<kind>.<pid>-<thread>-<n>.tmp`. */
const TEMPORARY = new RegExp(`\\.(?:${FILE_KINDS.join('|')})\\.(\\d+)-\\d+-\\d+\\.tmp$`);

const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Deletes the temporary files a killed run left in `dir` (a run still alive keeps its own);
 * returns how many. The whole files they would have become are written again by the re-run.
 */
export function removeStaleTemporaries(dir: string): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || processAlive(Number(pid))) continue;
    rmSync(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
