/**
 * A worker thread that signs a credential (with the pool's key) and renders its files (QR PNG
 * and SVG, JSON, certificate HTML): the CPU-heavy part of a cohort, spread over every core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { KeyObject } from 'node:crypto';
import { signCredential, signerOf, type QrCatalogue, type QualificationRecord, type Signer, type SkillCredential } from '@corridor/shared';
import { renderCertificateHtml } from './certificate.js';
import { renderCredentialFiles } from './output.js';

export interface RenderJob {
  credential: SkillCredential;
  qualification: QualificationRecord;
  catalogue?: QrCatalogue;
  /** Sign the credential first, with the pool's key, at this instant (ISO 8601). */
  signAt?: string;
}

export interface RenderedFiles {
  baseName: string;
  json: string;
  png: Uint8Array;
  svg: string;
  html: string;
}

export interface Produced {
  credential: SkillCredential;
  files: RenderedFiles;
}

/** What a pool hands its workers: the issuer's signing key (a KeyObject is cloned across threads). */
export interface SigningKeyData {
  id: string;
  privateKey: KeyObject;
}

export async function renderAll(job: Omit<RenderJob, 'signAt'>): Promise<RenderedFiles> {
  const files = await renderCredentialFiles(job.credential, job.catalogue ? { catalogue: job.catalogue } : {});
  return {
    baseName: files.baseName, json: files.json, png: files.png, svg: files.svg,
    html: renderCertificateHtml({ credential: job.credential, qualification: job.qualification, qrSvg: files.svg }),
  };
}

export async function produce(job: RenderJob, signer: Signer | undefined): Promise<Produced> {
  let { credential } = job;
  if (job.signAt !== undefined) {
    if (!signer) throw new Error('this pool has no signing key');
    credential = await signCredential({ credential, signer, now: new Date(job.signAt) });
  }
  return { credential, files: await renderAll({ ...job, credential }) };
}

const key = (workerData as { signingKey?: SigningKeyData } | undefined)?.signingKey;
const workerSigner = key ? signerOf(key.id, key.privateKey) : undefined;

parentPort?.on('message', (job: RenderJob & { id: number }) => {
  produce(job, workerSigner).then(
    (produced) => parentPort!.postMessage({ id: job.id, produced }),
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: { code: (error as { code?: string }).code, message: (error as Error).message } }),
  );
});
