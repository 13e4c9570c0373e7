/**
 * A worker thread that renders a credential's files (QR PNG and SVG, JSON, certificate HTML),
 * the CPU-heavy part of a cohort, so that both cores work while the main thread signs.
 */
import { parentPort } from 'node:worker_threads';
import type { QrCatalogue, QualificationRecord, SkillCredential } from '@corridor/shared';
import { renderCertificateHtml } from './certificate.js';
import { renderCredentialFiles } from './output.js';

export interface RenderJob {
  id: number;
  credential: SkillCredential;
  qualification: QualificationRecord;
  catalogue?: QrCatalogue;
}

export interface RenderedFiles {
  baseName: string;
  json: string;
  png: Uint8Array;
  svg: string;
  html: string;
}

export async function renderAll(job: Omit<RenderJob, 'id'>): Promise<RenderedFiles> {
  const files = await renderCredentialFiles(job.credential, job.catalogue ? { catalogue: job.catalogue } : {});
  return {
    baseName: files.baseName, json: files.json, png: files.png, svg: files.svg,
    html: renderCertificateHtml({ credential: job.credential, qualification: job.qualification, qrSvg: files.svg }),
  };
}

parentPort?.on('message', (job: RenderJob) => {
  renderAll(job).then(
    (files) => parentPort!.postMessage({ id: job.id, files }),
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: { code: (error as { code?: string }).code, message: (error as Error).message } }),
  );
});
