import { describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonFile, readKeyFile, readTextFile, unreadableReason, writeFileAtomicallyAsync } from './key-file.js';

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

describe('reading an input file', () => {
  const failure = (read: () => unknown) => {
    try {
      read();
    } catch (error) {
      return `${(error as { code: string }).code}: ${(error as Error).message}`;
    }
    throw new Error('it did not fail');
  };

  it('names the file and why it cannot be read or parsed, with the code asked for, never quoting the content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-read-'));
    try {
      const personal = join(dir, 'cohort.json');
      writeFileSync(personal, '{"name": "Maria Santos", "pin": 123456,');
      expect(failure(() => readTextFile(join(dir, 'none.csv'), 'the cohort file'))).toBe(`ERR_INPUT_INVALID: cannot read the cohort file ${join(dir, 'none.csv')}: no such file`);
      expect(failure(() => readTextFile(dir, 'the cohort file'))).toBe(`ERR_INPUT_INVALID: cannot read the cohort file ${dir}: it is a directory`);
      expect(failure(() => readJsonFile(personal, 'the trust pack file', 'ERR_TRUST_PACK_INVALID'))).toBe(`ERR_TRUST_PACK_INVALID: the trust pack file ${personal} is not JSON`);
      expect(unreadableReason(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
      // A path is shown inert: a name with an escape character cannot drive the terminal.
      const hostile = join(dir, 'a\u001b[2Jb.json');
      expect(failure(() => readJsonFile(hostile, 'the record file'))).toBe(`ERR_INPUT_INVALID: cannot read the record file ${join(dir, 'a\\u{1b}[2Jb.json')}: no such file`);
      // A key file: missing, readable by others, or not a key, each naming the file.
      const key = join(dir, 'key.json');
      writeFileSync(key, 'not a key', { mode: 0o644 });
      chmodSync(key, 0o644);
      expect(failure(() => readKeyFile(join(dir, 'none.json')))).toBe(`ERR_INPUT_INVALID: cannot read the key file ${join(dir, 'none.json')}: no such file`);
      expect(failure(() => readKeyFile(key))).toBe(`ERR_KEY_INVALID: the key file ${key} is readable by others; run chmod 600 on it`);
      chmodSync(key, 0o600);
      expect(failure(() => readKeyFile(key))).toBe(`ERR_KEY_INVALID: the key file ${key} is not a Corridor key`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
