import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileWriter, removeStaleTemporaries, stageFiles } from './output.js';

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

describe('stageFiles', () => {
  it('writes the kinds asked under temporary names, which the writer renames into place, whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-writer-'));
    try {
      const rendered = { baseName: 'c1', json: '{"n":1}\n', png: new Uint8Array([1, 2, 3]), html: '<p>page</p>' };
      const staged = stageFiles(dir, rendered, ['json', 'png']);
      expect(staged.json).toBeUndefined();
      expect(staged.png).toBeUndefined();
      expect(staged.html).toBe('<p>page</p>');
      expect(Object.keys(staged.staged!).sort()).toEqual(['json', 'png']);
      // Nothing is in place before the writer runs: only the temporaries exist.
      expect(readdirSync(dir).every((name) => name.endsWith('.tmp'))).toBe(true);
      expect(await createFileWriter(dir)(staged)).toEqual([join(dir, 'c1.json'), join(dir, 'c1.png'), join(dir, 'c1.html')]);
      expect(readdirSync(dir).sort()).toEqual(['c1.html', 'c1.json', 'c1.png']);
      expect(readFileSync(join(dir, 'c1.png'))).toEqual(Buffer.from([1, 2, 3]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves nothing staged when it cannot write one of the files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-writer-'));
    try {
      // The JSON is staged, then the page cannot be written: the JSON's temporary goes too.
      const unwritable = { baseName: 'c3', json: '{}', html: 42 as unknown as string };
      expect(() => stageFiles(dir, unwritable, ['json', 'html'])).toThrow();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes a staged file whose rename fails, and reports the failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-writer-'));
    try {
      const staged = stageFiles(dir, { baseName: 'c2', json: '{}' }, ['json']);
      await expect(createFileWriter(join(dir, 'gone'))(staged)).rejects.toMatchObject({ code: 'ENOENT' });
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('removeStaleTemporaries', () => {
  it('deletes what a dead run left half-written, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-writer-'));
    try {
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { timeout: 30_000 }).stdout.toString();
      const names = [
        `a.json.${dead}-0-1.tmp`, `a.png.${dead}-3-2.tmp`, // a killed run's, from its main thread and a worker
        `b.json.${process.pid}-0-3.tmp`, // this run's own, still being written
        `c.json.${process.ppid}-2-4.tmp`, // a run that is still alive
        'a.json', 'notes.tmp', 'x.txt.1-2-3.tmp', // not ours
      ];
      for (const name of names) writeFileSync(join(dir, name), 'x');
      expect(removeStaleTemporaries(dir)).toBe(2);
      expect(readdirSync(dir).sort()).toEqual(names.slice(2).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
