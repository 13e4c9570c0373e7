import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileWriter, removeStaleTemporaries } from './output.js';

describe('createFileWriter', () => {
  it('writes every file of every credential, whole, with no temporary file left, however many are queued', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-writer-'));
    try {
      const write = createFileWriter(dir, 2);
      const files = Array.from({ length: 200 }, (_, i) => ({ baseName: `c${i}`, json: `{"n":${i}}\n`, png: new Uint8Array(3000).fill(i) }));
      const paths = await Promise.all(files.map((f) => write(f)));
      expect(paths[7]).toEqual([join(dir, 'c7.json'), join(dir, 'c7.png')]);
      expect(readdirSync(dir)).toHaveLength(400);
      expect(readFileSync(join(dir, 'c199.json'), 'utf8')).toBe('{"n":199}\n');
      expect(readFileSync(join(dir, 'c42.png'))).toEqual(Buffer.alloc(3000, 42));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a failed write only after the credential\'s other writes settle, and keeps working', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-writer-'));
    try {
      const write = createFileWriter(dir, 1);
      await expect(write({ baseName: 'missing/x', json: '{}', png: new Uint8Array(1) })).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(write({ baseName: 'ok', json: '{}' })).resolves.toEqual([join(dir, 'ok.json')]);
      expect(readdirSync(dir)).toEqual(['ok.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('removeStaleTemporaries', () => {
  it('deletes what a dead run left half-written, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-writer-'));
    try {
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
      const names = [
        `a.json.${dead}-1.tmp`, `a.png.${dead}-2.tmp`, // a killed run's
        `b.json.${process.pid}-3.tmp`, // this run's own, still being written
        `c.json.${process.ppid}-4.tmp`, // a run that is still alive
        'a.json', 'notes.tmp', 'x.txt.1-2.tmp', // not ours
      ];
      for (const name of names) writeFileSync(join(dir, name), 'x');
      expect(removeStaleTemporaries(dir)).toBe(2);
      expect(readdirSync(dir).sort()).toEqual(names.slice(2).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
