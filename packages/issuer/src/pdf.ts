/**
 * HTML → PDF (and PNG for a look) with Debian's headless Chromium. The only file that starts a
 * browser. Chromium is found at CORRIDOR_CHROMIUM or /usr/bin/chromium; it never goes online.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CorridorError } from '@corridor/shared';

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CORRIDOR_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p));
}

async function runChromium(args: string[], timeoutMs: number): Promise<void> {
  const binary = chromiumPath();
  if (!binary) throw new CorridorError('ERR_NOT_FOUND', 'Chromium is not installed (apt-get install chromium, or set CORRIDOR_CHROMIUM)');
  const profile = mkdtempSync(join(tmpdir(), 'corridor-chromium-'));
  try {
    await new Promise<void>((resolve, reject) => {
      // Its own process group: Chromium's helpers (zygote, renderer) inherit its stderr, and a
      // helper left behind would keep that pipe, and so this process, open for ever.
      const child = spawn(binary, [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage',
        '--no-first-run', '--no-default-browser-check', `--user-data-dir=${profile}`, ...args,
      ], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
      const killGroup = () => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } };
      let stderr = '';
      let timedOut = false;
      child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-2000); });
      const timer = setTimeout(() => { timedOut = true; killGroup(); }, timeoutMs);
      child.once('error', (error) => { clearTimeout(timer); reject(error); });
      child.once('exit', (code) => {
        clearTimeout(timer);
        killGroup();
        child.stderr.destroy();
        if (code === 0) resolve();
        else if (timedOut) reject(new CorridorError('ERR_TIMEOUT', `Chromium did not finish printing within ${Math.round(timeoutMs / 1000)} s and was stopped`));
        else reject(new Error(`chromium exited ${code}: ${stderr.split('\n').slice(-3).join(' ')}`));
      });
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Prints HTML to an A4 PDF at `pdfPath`. */
export async function htmlToPdf(html: string, pdfPath: string, options: { timeoutMs?: number } = {}): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-print-'));
  try {
    const page = join(dir, 'page.html');
    writeFileSync(page, html);
    await runChromium(['--no-pdf-header-footer', `--print-to-pdf=${pdfPath}`, pathToFileURL(page).href], options.timeoutMs ?? 120_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders HTML to a PNG screenshot (A4 at `scale` device pixels per CSS pixel), to look at. */
export async function htmlToPng(html: string, pngPath: string, options: { scale?: number; timeoutMs?: number } = {}): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-shot-'));
  try {
    const page = join(dir, 'page.html');
    writeFileSync(page, html);
    const scale = options.scale ?? 2;
    await runChromium([`--force-device-scale-factor=${scale}`, '--window-size=794,1123', '--hide-scrollbars', `--screenshot=${pngPath}`, pathToFileURL(page).href], options.timeoutMs ?? 60_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
