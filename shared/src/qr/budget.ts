/**
 * The work a file may cost the verifier, beyond its pixels (reader.ts) and what pdf-render.ts
 * counts on a page (operators, image paints): pages, QR reads a page and wall time for the
 * whole file. 200 pages of look-alikes end with a coded error instead of running for minutes —
 * in the CLI, the services and the officer's page alike.
 */
import { CorridorError } from '../errors.js';

export const MAX_PDF_PAGES = 200;
/** Reads tried on a page (pdf.js paints a page at most twice, pdf-render.ts's PDF_RENDER_DPIS): a certificate has one QR code. */
export const MAX_READS_PER_PAGE = 6;
/** The whole file: generous for 200 honest pages, fatal for a file built to stall. */
export const MAX_FILE_READ_MS = 20_000;

export class WorkBudget {
  private readonly deadline: number;
  private reads = 0;

  constructor(private readonly limits: { readsPerPage?: number; ms?: number } = {}) {
    this.deadline = Date.now() + (limits.ms ?? MAX_FILE_READ_MS);
  }

  /** A new page: its reads start from zero; the clock does not. */
  page(): void {
    this.reads = 0;
    this.check();
  }

  /** Whether one more read fits on this page (false: skip it); throws once the time is spent. */
  read(): boolean {
    this.check();
    return ++this.reads <= (this.limits.readsPerPage ?? MAX_READS_PER_PAGE);
  }

  remainingMs(): number {
    return this.deadline - Date.now();
  }

  check(): void {
    if (Date.now() > this.deadline) throw new CorridorError('ERR_PAYLOAD_TOO_LARGE', 'the file takes more work to read than a certificate could');
  }
}
