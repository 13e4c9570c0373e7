/**
 * A small pool of workers that sign and render credentials. When worker threads are unavailable
 * (e.g. running from TypeScript sources under a test runner), the work happens on the calling
 * thread instead, with the same results.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CorridorError, isErrorCode, type KeyPair, type QrCatalogue } from '@corridor/shared';
import { produce, type Produced, type RenderJob, type SigningKeyData, type WorkerProduced } from './render-worker.js';

export interface RenderPool {
  size: number;
  /** Signs the job's credential when it asks to (`signAt`), and renders its files. */
  produce(job: RenderJob): Promise<Produced>;
  close(): Promise<void>;
}

/**
 * `key` signs what jobs ask to be signed; `catalogue`, the registry's QR catalogue, compresses
 * every QR code. Both go to each worker once, not with every job: a real catalogue holds tens of
 * thousands of strings.
 */
export function createRenderPool(options: { size?: number; key?: KeyPair; catalogue?: QrCatalogue } = {}): RenderPool {
  const { size = availableParallelism(), key, catalogue } = options;
  const script = fileURLToPath(new URL('./render-worker.js', import.meta.url));
  if (!existsSync(script) || size < 1) {
    return { size: 1, produce: (job) => produce({ ...(catalogue ? { catalogue } : {}), ...job }, key?.signer), close: async () => {} };
  }
  const signingKey: SigningKeyData | undefined = key ? { id: key.signer.id, privateKey: key.privateKey } : undefined;
  const workers = Array.from({ length: size }, () => new Worker(script, { workerData: { signingKey, catalogue } }));
  const pending = new Map<number, { job: RenderJob; worker: Worker; resolve: (produced: Produced) => void; reject: (error: unknown) => void }>();
  // A worker that died (an uncaught error, out of memory, an exit) takes its jobs down with a
  // reason and gets no more: a message posted to a dead worker would never be answered.
  const dead = new Map<Worker, Error>();
  let closing = false;
  const bury = (worker: Worker, reason: Error) => {
    if (dead.has(worker)) return;
    dead.set(worker, reason);
    for (const [id, waiter] of pending) {
      if (waiter.worker !== worker) continue;
      pending.delete(id);
      waiter.reject(reason);
    }
  };
  let next = 0;
  for (const worker of workers) {
    worker.on('message', (message: { id: number; produced?: WorkerProduced; error?: { code?: string; message: string } }) => {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (!waiter) return;
      // Only the proof comes back: the credential it signs is the one this thread sent.
      const { proof, files } = message.produced ?? {};
      if (files) waiter.resolve({ credential: proof ? { ...waiter.job.credential, proof } : waiter.job.credential, files });
      else waiter.reject(isErrorCode(message.error?.code) ? new CorridorError(message.error.code, message.error.message) : new Error(message.error?.message));
    });
    worker.on('error', (error) => bury(worker, error));
    worker.on('exit', (code) => { if (!closing) bury(worker, new Error(`a render worker stopped (exit code ${code})`)); });
  }
  return {
    size,
    produce(job) {
      const id = next++;
      return new Promise((resolve, reject) => {
        const alive = workers.filter((w) => !dead.has(w));
        if (alive.length === 0) return reject(dead.get(workers[0]!) ?? new Error('no render worker is running'));
        const worker = alive[id % alive.length]!;
        pending.set(id, { job, worker, resolve, reject });
        // Only what the worker needs crosses threads: the record only for a certificate page.
        const { qualification, ...rest } = job;
        const needsRecord = !job.kinds || job.kinds.includes('html');
        worker.postMessage({ ...rest, ...(needsRecord ? { qualification } : {}), id });
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
