/**
 * A small pool of render workers. When worker threads are unavailable (e.g. running from
 * TypeScript sources under a test runner), rendering happens on the calling thread instead.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CorridorError, isErrorCode } from '@corridor/shared';
import { renderAll, type RenderedFiles, type RenderJob } from './render-worker.js';

export interface RenderPool {
  size: number;
  render(job: Omit<RenderJob, 'id'>): Promise<RenderedFiles>;
  close(): Promise<void>;
}

export function createRenderPool(size = availableParallelism()): RenderPool {
  const script = fileURLToPath(new URL('./render-worker.js', import.meta.url));
  if (!existsSync(script) || size < 1) return { size: 1, render: renderAll, close: async () => {} };
  const workers = Array.from({ length: size }, () => new Worker(script));
  const pending = new Map<number, { resolve: (files: RenderedFiles) => void; reject: (error: unknown) => void }>();
  let next = 0;
  for (const worker of workers) {
    worker.on('message', (message: { id: number; files?: RenderedFiles; error?: { code?: string; message: string } }) => {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (!waiter) return;
      if (message.files) waiter.resolve(message.files);
      else waiter.reject(isErrorCode(message.error?.code) ? new CorridorError(message.error.code, message.error.message) : new Error(message.error?.message));
    });
    worker.on('error', (error) => { for (const w of pending.values()) w.reject(error); pending.clear(); });
  }
  return {
    size,
    render(job) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ ...job, id });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
