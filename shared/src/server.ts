/**
 * Starting a service: HTTP on loopback by default, or HTTPS with a given certificate (so a
 * third-party conformance suite can run against it). Stops cleanly on SIGTERM/SIGINT.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { CorridorError } from './errors.js';

export interface ServeOptions {
  port: number;
  host: string;
  /** PEM files; both or neither. */
  tlsCert?: string;
  tlsKey?: string;
}

export async function startServer(handler: RequestListener, options: ServeOptions): Promise<{ server: Server; url: string }> {
  if (!!options.tlsCert !== !!options.tlsKey) throw new CorridorError('ERR_INPUT_INVALID', 'give both --tls-cert and --tls-key, or neither');
  let server: Server;
  if (options.tlsCert && options.tlsKey) {
    let cert: Buffer;
    let key: Buffer;
    try {
      cert = readFileSync(options.tlsCert);
      key = readFileSync(options.tlsKey);
    } catch (cause) {
      throw new CorridorError('ERR_INPUT_INVALID', 'cannot read the TLS certificate or key', { cause });
    }
    server = createHttpsServer({ cert, key }, handler) as unknown as Server;
  } else {
    server = createHttpServer(handler);
  }
  server.listen(options.port, options.host);
  await new Promise<void>((resolve, reject) => { server.once('listening', resolve); server.once('error', reject); });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { server, url: `${options.tlsCert ? 'https' : 'http'}://${options.host}:${port}` };
}

/** Resolves when SIGTERM or SIGINT has closed the server (after in-flight requests finish). */
export function untilStopped(server: Server, onClosed: () => void = () => {}): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => server.close(() => { onClosed(); resolve(); });
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
