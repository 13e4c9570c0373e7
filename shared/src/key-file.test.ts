import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomicallyAsync } from './key-file.js';

describe('writeFileAtomicallyAsync', () => {
  it('leaves one whole file when many writes of one path race, and no temporary files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-atomic-'));
    try {
      const path = join(dir, 'credential.json');
      const versions = Array.from({ length: 20 }, (_, i) => String(i).repeat(20_000 + i));
      await Promise.all(versions.map((data) => writeFileAtomicallyAsync(path, data)));
      expect(versions).toContain(readFileSync(path, 'utf8'));
      expect(readdirSync(dir)).toEqual(['credential.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects when it cannot write, and leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-atomic-'));
    try {
      await expect(writeFileAtomicallyAsync(join(dir, 'missing', 'x.json'), '{}')).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(writeFileAtomicallyAsync(dir, 'a directory is in the way')).rejects.toBeDefined();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
