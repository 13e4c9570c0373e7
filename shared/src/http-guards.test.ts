// The guards every service mounts, on a plain node:http server on loopback: a slow request is
// answered 503 ERR_TIMEOUT at its deadline without holding up the others; an expensive endpoint
// answers 429 ERR_RATE_LIMITED with Retry-After past its budget; plain HTTP off loopback is refused.
import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRateLimiter, httpGuards, type GuardOptions } from './http-guards.js';
import { isLoopbackHost, startServer } from './server.js';
import { CorridorError } from './errors.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function serve(options: GuardOptions, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const guard = httpGuards(options);
  server = createServer((req, res) => guard(req, res, () => handler(req, res)));
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe('httpGuards', () => {
  it('answers a request past its deadline 503 ERR_TIMEOUT, while a quick one is served', async () => {
    const base = await serve({ limited: [], deadlineMs: 100 }, (req, res) => {
      if (req.url === '/slow') return; // never answers
      res.end('ok');
    });
    const slow = fetch(`${base}/slow`);
    expect(await (await fetch(`${base}/quick`)).text()).toBe('ok');
    const answer = await slow;
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await answer.json()).toMatchObject({ code: 'ERR_TIMEOUT', status: 503, instance: '/slow' });
  });

  it('limits each client per endpoint: 429 ERR_RATE_LIMITED with Retry-After; other endpoints unaffected', async () => {
    const base = await serve({ limited: ['GET /pack', 'POST /verify/'], perMinute: 2 }, (_req, res) => res.end('ok'));
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${base}/pack?country=JP`)).status);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await fetch(`${base}/pack`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ code: 'ERR_RATE_LIMITED', status: 429 });
    expect((await fetch(`${base}/other`)).status).toBe(200);
    expect((await fetch(`${base}/pack`, { method: 'POST' })).status).toBe(200);
    expect((await fetch(`${base}/verify/x`, { method: 'POST' })).status).toBe(200);
  });

  it('counts against the authenticated client where the service set one, else the address', () => {
    let t = 0;
    const limiter = createRateLimiter({ perMinute: 1, now: () => t });
    expect(limiter('client:a')).toBeUndefined();
    expect(limiter('client:b')).toBeUndefined();
    expect(limiter('client:a')).toBe(60);
    t = 30_000;
    expect(limiter('client:a')).toBe(30);
    t = 60_000;
    expect(limiter('client:a')).toBeUndefined();
  });
});

describe('startServer', () => {
  it('knows the loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) expect([host, isLoopbackHost(host)]).toEqual([host, true]);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'mctc.example.ph', '127.0.0.1.nip.io']) expect([host, isLoopbackHost(host)]).toEqual([host, false]);
  });

  it('refuses plain HTTP on a non-loopback address unless insecureHttp is given', async () => {
    const handler = (_req: IncomingMessage, res: ServerResponse) => res.end('ok');
    await expect(startServer(handler, { port: 0, host: '0.0.0.0' })).rejects.toMatchObject({ code: 'ERR_INSECURE_TRANSPORT' });
    await expect(startServer(handler, { port: 0, host: '0.0.0.0' })).rejects.toBeInstanceOf(CorridorError);
    // Allowed by name, it goes on to bind (192.0.2.1, a documentation address no machine holds,
    // so nothing is exposed: the bind itself fails, with anything but ERR_INSECURE_TRANSPORT).
    const bound = await startServer(handler, { port: 0, host: '192.0.2.1', insecureHttp: true }).then(() => 'bound', (error: { code?: string }) => error.code);
    expect(bound).not.toBe('ERR_INSECURE_TRANSPORT');
    const local = await startServer(handler, { port: 0, host: '127.0.0.1' });
    server = local.server;
    expect(server.requestTimeout).toBe(30_000);
    expect(server.headersTimeout).toBe(10_000);
  });
});
