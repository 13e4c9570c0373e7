/**
 * A worker thread that signs a credential (with the pool's key) and renders its files (QR PNG
 * and SVG, JSON, certificate HTML): the CPU-heavy part of a cohort, spread over every core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { KeyObject } from 'node:crypto';
import {
  CorridorError, encodeQrSymbol, encodeQrText, qrSymbolPng, qrSymbolSvg, signCredential, signerOf,
  type QrCatalogue, type QualificationRecord, type Signer, type SkillCredential,
} from '@corridor/shared';
import { renderCertificateHtml } from './certificate.js';
import { credentialBaseName } from './output.js';

/** The files a credential can have: JSON for wallets, the QR as PNG and SVG, the certificate page. */
export const FILE_KINDS = ['json', 'png', 'svg', 'html'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface RenderJob {
  credential: SkillCredential;
  /** The qualification's record, for the certificate page (only `html` needs it). */
  qualification?: QualificationRecord;
  catalogue?: QrCatalogue;
  /** Sign the credential first, with the pool's key, at this instant (ISO 8601). */
  signAt?: string;
  /** Which files to render; all by default. */
  kinds?: readonly FileKind[];
}

/** The rendered files, those asked for. */
export interface RenderedFiles {
  baseName: string;
  json?: string;
  png?: Uint8Array;
  svg?: string;
  html?: string;
}

export interface Produced {
  credential: SkillCredential;
  files: RenderedFiles;
}

/** What a worker sends back: the proof it made (if it signed) and the files. */
export interface WorkerProduced {
  proof?: Record<string, unknown>;
  files: RenderedFiles;
}

/** What a pool hands its workers: the issuer's signing key (a KeyObject is cloned across threads). */
export interface SigningKeyData {
  id: string;
  privateKey: KeyObject;
}

export async function renderAll(job: Omit<RenderJob, 'signAt'>): Promise<RenderedFiles> {
  const { credential, qualification, catalogue } = job;
  const kinds = new Set(job.kinds ?? FILE_KINDS);
  const files: RenderedFiles = { baseName: credentialBaseName(credential) };
  if (kinds.has('json')) files.json = JSON.stringify(credential, null, 2) + '\n';
  if (kinds.has('png') || kinds.has('svg') || kinds.has('html')) {
    const symbol = encodeQrSymbol(await encodeQrText(credential, catalogue ? { catalogue } : {}));
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

export async function produce(job: RenderJob, signer: Signer | undefined): Promise<Produced> {
  let { credential } = job;
  if (job.signAt !== undefined) {
    if (!signer) throw new CorridorError('ERR_KEY_INVALID', 'this pool has no signing key');
    credential = await signCredential({ credential, signer, now: new Date(job.signAt) });
  }
  return { credential, files: await renderAll({ ...job, credential }) };
}

const shared = workerData as { signingKey?: SigningKeyData; catalogue?: QrCatalogue } | undefined;
const workerSigner = shared?.signingKey ? signerOf(shared.signingKey.id, shared.signingKey.privateKey) : undefined;
const workerCatalogue = shared?.catalogue ? { catalogue: shared.catalogue } : {};

parentPort?.on('message', (job: RenderJob & { id: number }) => {
  produce({ ...workerCatalogue, ...job }, workerSigner).then(
    ({ credential, files }) => {
      const produced: WorkerProduced = { files, ...(job.signAt !== undefined ? { proof: credential.proof } : {}) };
      parentPort!.postMessage({ id: job.id, produced });
    },
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: { code: (error as { code?: string }).code, message: (error as Error).message } }),
  );
});
