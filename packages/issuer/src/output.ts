/**
 * A credential's files: the credential as JSON (for any VC wallet), its QR code as PNG (for
 * printing) and SVG (for scaling), and the certificate page. Rendering is pure and returns bytes;
 * writing them is atomic, file by file. File names use the credential's uuid, never the worker's name.
 */
import { join } from 'node:path';
import {
  CorridorError, encodeQrSymbol, encodeQrText, qrSymbolPng, qrSymbolSvg, writeFileAtomicallyAsync,
  type QrCatalogue, type QualificationRecord, type SkillCredential,
} from '@corridor/shared';
import { renderCertificateHtml } from './certificate.js';

/** The files a credential can have: JSON for wallets, the QR as PNG and SVG, the certificate page. */
export const FILE_KINDS = ['json', 'png', 'svg', 'html'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The rendered files, those asked for. */
export interface RenderedFiles {
  baseName: string;
  json?: string;
  png?: Uint8Array;
  svg?: string;
  html?: string;
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
      files.html = renderCertificateHtml({ credential, qualification, qrSvg: svg! });
    }
  }
  return files;
}

/** Writes the files that were rendered into `dir`, each atomically and all at once; returns their paths. */
export async function writeRenderedFiles(dir: string, files: RenderedFiles): Promise<string[]> {
  const writes = FILE_KINDS.flatMap((kind) => {
    const data = files[kind];
    return data === undefined ? [] : [{ path: join(dir, `${files.baseName}.${kind}`), data }];
  });
  // Every write settles before any failure is reported: nothing is still being written after.
  const outcomes = await Promise.allSettled(writes.map(({ path, data }) => writeFileAtomicallyAsync(path, data)));
  const failed = outcomes.find((o) => o.status === 'rejected');
  if (failed) throw failed.reason;
  return writes.map(({ path }) => path);
}
