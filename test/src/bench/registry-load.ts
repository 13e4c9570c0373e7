/**
 * The registry's read endpoints under concurrent clients on loopback (autocannon), with a bare
 * express server returning the same bytes as the in-run baseline.
 */
import autocannon from 'autocannon';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { createRegistryApp, Registry, RegistryStore, setUpReferenceCorridor } from '@corridor/registry';
import { phCaregivingQualification, signRecord } from '@corridor/shared';
import { newKey } from '../world.js';

/** The trust pack's endpoint, held to ≥ 0.8× serving its bytes statically (issue 19). */
export const TRUST_PACK_PATH = '/trust-pack?country=JP';

export interface LoadResult { requestsPerSecond: number; p99Ms: number; errors: number; non2xx: number; requests: number }
export interface RegistryLoadResults {
  connections: number;
  seconds: number;
  endpoints: Record<string, { corridor: LoadResult; staticBaseline: LoadResult; ratio: number }>;
}

async function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    requestsPerSecond: Math.round(result.requests.average), p99Ms: result.latency.p99, errors: result.errors + result.timeouts,
    non2xx: result.non2xx, requests: result.requests.total,
  };
}

export async function benchRegistryLoad(options: { connections: number; seconds: number }): Promise<RegistryLoadResults> {
  const keys = { ph: newKey(), jp: newKey(), centre: newKey() };
  const registry = new Registry(new RegistryStore(':memory:'));
  await setUpReferenceCorridor(registry, keys);
  for (let i = 0; i < 200; i++) {
    await registry.submit(await signRecord({ ...phCaregivingQualification(keys.ph.description.controller), id: `urn:corridor:qualification:PH:q-${i}` }, keys.ph));
  }
  // One load generator is one client: the per-client rate limit is lifted to measure throughput.
  const app = createRegistryApp({ registry, operatorKey: newKey(), packReadsPerMinute: Number.MAX_SAFE_INTEGER });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const endpoints: RegistryLoadResults['endpoints'] = {};
  for (const path of [TRUST_PACK_PATH, '/qualifications?country=PH&limit=100', '/mappings?state=in-force&country=JP']) {
    const body = await (await fetch(base + path)).text();
    const bare = express().get('/', (_req, res) => { res.type('application/json').send(body); }).listen(0, '127.0.0.1');
    await new Promise((resolve) => bare.once('listening', resolve));
    const staticBaseline = await load(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`, options.connections, options.seconds);
    await new Promise((resolve) => bare.close(resolve));
    const corridor = await load(base + path, options.connections, options.seconds);
    endpoints[path] = { corridor, staticBaseline, ratio: Math.round((corridor.requestsPerSecond / staticBaseline.requestsPerSecond) * 100) / 100 };
  }
  await new Promise((resolve) => server.close(resolve));
  registry.store.close();
  return { connections: options.connections, seconds: options.seconds, endpoints };
}
