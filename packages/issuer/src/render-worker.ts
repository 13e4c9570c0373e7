/**
 * A worker thread that signs a credential (with the pool's key), renders its files (QR PNG
 * and SVG, JSON, certificate HTML) and, when asked, writes them under temporary names: the
 * CPU-heavy part of a cohort, spread over every core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { KeyObject } from 'node:crypto';
import { CorridorError, createProof, signerOf, type QrCatalogue, type Signer, type SkillCredential } from '@corridor/shared';
import { renderFiles, stageFiles, type FileKind, type RenderedFiles, type RenderRequest } from './output.js';

export interface RenderJob extends RenderRequest {
  /** Sign the credential first, with the pool's key, at this instant (ISO 8601). */
  signAt?: string;
  /** Write these kinds into `dir` under temporary names here, and send back only their paths. */
  stage?: { dir: string; kinds: readonly FileKind[] };
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

export async function produce(job: RenderJob, signer: Signer | undefined): Promise<Produced> {
  let { credential } = job;
  if (job.signAt !== undefined) {
    if (!signer) throw new CorridorError('ERR_KEY_INVALID', 'this pool has no signing key');
    // The job is this thread's own copy (it came by message): the proof is added to it, not to a clone.
    credential = { ...credential, proof: await createProof({ credential, signer, now: new Date(job.signAt) }) };
  }
  const files = await renderFiles({ ...job, credential });
  return { credential, files: job.stage ? stageFiles(job.stage.dir, files, job.stage.kinds) : files };
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
