/**
 * What the end-to-end tests share to run a service or the officer's page: an app listening on a
 * free loopback port, and Debian's headless Chromium with the officer's page installed on it.
 */
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';

export interface Listening {
  server: Server;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Ends open connections and closes the server. */
  close(): Promise<void>;
}

/** Listens on a free loopback port (nothing else is reachable from the tests). */
export async function listenOnLoopback(app: { listen(port: number, host: string): Server }): Promise<Listening> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    server, base,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export const CHROMIUM = process.env.CORRIDOR_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium that goes nowhere on its own (no updates, sync or background requests). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/**
 * Opens the officer's page and installs it as an administrator would (confirming the offered
 * anchors), then waits until it holds the trust list of `country` at `sequence`.
 */
export async function installOfficerPage(page: Page, url: string, country: string, sequence: number): Promise<void> {
  await page.goto(url);
  await page.click('#setup-confirm', { timeout: 30_000 });
  await page.waitForSelector(`body[data-trust="${country}#${sequence}"]`, { timeout: 30_000 });
}
