/**
 * The issuer service on a loopback port, with what a staff client does first: be added on the
 * centre's machine, then trade its id and secret for a bearer token (OAuth 2.0 client credentials).
 */
import type { Server } from 'node:http';
import { addClient, createIssuerApp, createIssuerAuth, type IssuerAppOptions, type Scope } from '@corridor/issuer';
import type { TrustIndex } from '@corridor/shared';
import type { World } from './world.js';

export interface IssuerService {
  base: string;
  server: Server;
  /** A new client with these scopes (default all three) and a token for it. */
  client(scopes?: Scope[]): Promise<{ id: string; secret: string; token: string }>;
  close(): Promise<void>;
}

export async function requestToken(base: string, clientId: string, secret: string, scope?: string): Promise<Response> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) });
  return fetch(`${base}/oauth2/token`, {
    method: 'POST', body: form,
    headers: { authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}` },
  });
}

export async function startIssuerService(world: World, trust: TrustIndex, options: Partial<IssuerAppOptions> = {}): Promise<IssuerService> {
  const auth = options.auth ?? createIssuerAuth({ store: world.issuerStore, audience: `urn:corridor:issuer-api:${world.issuer.did}`, ...(options.now ? { now: options.now } : {}) });
  const app = createIssuerApp({ issuer: world.issuer, store: world.issuerStore, trust: () => trust, ...options, auth });
  const server = app.listen(0, '127.0.0.1');
  // Tests block this process (spawnSync of a CLI) for seconds while fetch keeps its connection: a
  // server closing it as idle just then resets the next request. Idle connections live longer here.
  server.keepAliveTimeout = 120_000;
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    base, server,
    async client(scopes = ['issue', 'status', 'read']) {
      const { client, secret } = await addClient(world.issuerStore, { name: `desk ${scopes.join(',')}`, scopes });
      const response = await requestToken(base, client.id, secret);
      if (response.status !== 200) throw new Error(`token request failed: ${response.status}`);
      return { id: client.id, secret, token: ((await response.json()) as { access_token: string }).access_token };
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
