// Files built to make the verifier work for minutes, through its input path (the CLI's, the
// services'): a 24 KB PDF painting one picture 600 times (more than MAX_PAGE_IMAGE_PAINTS), PNGs of 36 and 40 megapixels tiled
// with tiny finder patterns or a checkerboard, one of 23 megapixels just within the pixel
// budget, and 200 pages of look-alikes. Before the budgets these ran from 34 s to past
// 20 minutes; each now ends with a coded error within its budget (pixels, reads a page, time).
import { describe, expect, it } from '@jest/globals';
import { isCorridorError, MAX_FILE_READ_MS, MAX_IMAGE_PIXELS } from '@corridor/shared';
import { readCredentialInputs } from '@corridor/verifier';
import { CHECKER, finderTile, lookAlikePagesPdf, repaintingPdf, tiledPng } from './stall-files.js';

/** The error code and the wall time of reading `bytes` as the CLI and the services do. */
async function codeOf(bytes: Uint8Array): Promise<string> {
  const started = Date.now();
  let code = 'no error';
  try {
    await readCredentialInputs(bytes);
  } catch (error) {
    code = isCorridorError(error) ? error.code : String(error);
  }
  // Within the file's time budget; a render or read under way at the deadline may finish first.
  expect(Date.now() - started).toBeLessThan(MAX_FILE_READ_MS + 10_000);
  return code;
}

describe('files built to stall the reader end within the budget, with a coded error', () => {
  it('a 24 KB PDF that paints one picture of finder patterns 600 times: refused from its operator list', async () => {
    const file = repaintingPdf(600);
    expect(file.length).toBeLessThan(30_000);
    expect(await codeOf(file)).toBe('ERR_PAYLOAD_TOO_LARGE');
  }, 60_000);

  it('PNGs of 36 and 40 megapixels (finder patterns, a checkerboard) are refused from their header', async () => {
    const fakeFinders = tiledPng(6000, 6000, finderTile(1));
    const fortyMegapixels = tiledPng(6400, 6250, finderTile(1));
    // Small files, huge pictures: ~73 and ~79 KB here (the review's were 632 and 80 KB).
    expect(fakeFinders.length).toBeLessThan(700_000);
    expect(fortyMegapixels.length).toBeLessThan(100_000);
    expect(await codeOf(fakeFinders)).toBe('ERR_PAYLOAD_TOO_LARGE');
    expect(await codeOf(fortyMegapixels)).toBe('ERR_PAYLOAD_TOO_LARGE');
    expect(await codeOf(tiledPng(6400, 6250, CHECKER))).toBe('ERR_PAYLOAD_TOO_LARGE');
  }, 60_000);

  it('23 megapixels of one-pixel finder patterns, just within the pixel budget: read without tryHarder, nothing found', async () => {
    expect(4800 * 4800).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
    expect(await codeOf(tiledPng(4800, 4800, finderTile(1)))).toBe('ERR_QR_NOT_FOUND');
    expect(await codeOf(tiledPng(4800, 4800, CHECKER))).toBe('ERR_QR_NOT_FOUND');
  }, 120_000);

  it('200 pages, each with a picture of finder patterns of its own: the time budget ends it', async () => {
    expect(await codeOf(lookAlikePagesPdf(200))).toBe('ERR_PAYLOAD_TOO_LARGE');
  }, 120_000);
});
