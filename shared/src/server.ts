/**
 * Starting a service: HTTP on loopback by default, or HTTPS with a given certificate (so a
 * third-party conformance suite can run against it). Plain HTTP off the loopback address is
 * refused unless asked for by name (`--insecure-http`): tokens and workers' data would cross a
 * shared network in clear. Server timeouts bound how long one slow client can hold a socket.
 * Stops cleanly on SIGTERM/SIGINT.
 */
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { UsageError } from './cli-support.js';
import { CorridorError } from './errors.js';
import { readTextFile } from './key-file.js';

export interface ServeOptions {
  port: number;
  host: string;
  /** PEM files; both or neither. */
  tlsCert?: string;
  tlsKey?: string;
  /** Allow plain HTTP on a non-loopback address (e.g. behind a TLS-terminating proxy). */
  insecureHttp?: boolean;
  /** Milliseconds to receive a whole request (default 30 s) and its headers (default 10 s). */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
}

/** 127.0.0.0/8, ::1 and localhost: the addresses only this machine reaches. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) || bare === '::ffff:127.0.0.1';
}

export async function startServer(handler: RequestListener, options: ServeOptions): Promise<{ server: Server; url: string }> {
  if (!!options.tlsCert !== !!options.tlsKey) throw new CorridorError('ERR_INPUT_INVALID', 'give both --tls-cert and --tls-key, or neither');
  if (!options.tlsCert && !options.insecureHttp && !isLoopbackHost(options.host)) {
    throw new CorridorError('ERR_INSECURE_TRANSPORT', `refusing plain HTTP on ${options.host}: give --tls-cert and --tls-key, or --insecure-http if a TLS proxy fronts it`);
  }
  let server: Server;
  if (options.tlsCert && options.tlsKey) {
    const cert = readTextFile(options.tlsCert, 'the TLS certificate file');
    const key = readTextFile(options.tlsKey, 'the TLS key file');
    server = createHttpsServer({ cert, key }, handler) as unknown as Server;
  } else {
    server = createHttpServer(handler);
  }
  server.requestTimeout = options.requestTimeoutMs ?? 30_000;
  server.headersTimeout = options.headersTimeoutMs ?? 10_000;
  server.listen(options.port, options.host);
  await new Promise<void>((resolve, reject) => { server.once('listening', resolve); server.once('error', reject); }).catch((error: unknown) => {
    // What the operator can fix says so (exit 3), rather than "internal error".
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${options.port} on ${options.host} is already in use (another service?): stop it or give --port`);
    if (code === 'EACCES') throw new UsageError(`port ${options.port} on ${options.host} needs privileges this user does not have: give --port above 1023`);
    if (code === 'EADDRNOTAVAIL') throw new UsageError(`${options.host} is not an address of this machine: give --host`);
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;
  return { server, url: `${options.tlsCert ? 'https' : 'http'}://${host}:${port}` };
}

/** Resolves when SIGTERM or SIGINT has closed the server (after in-flight requests finish). */
export function untilStopped(server: Server, onClosed: () => void = () => {}): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => server.close(() => { onClosed(); resolve(); });
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
