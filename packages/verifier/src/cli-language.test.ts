// The officer's CLI says its failures in the officer's language and keeps, for scripts, what
// they rely on: the ERR_* code on the line, English in the error itself (JSON, --debug).
import { describe, expect, it } from '@jest/globals';
import { parseArgs } from 'node:util';
import { CorridorError, UsageError } from '@corridor/shared';
import { CLI_WORDS, cliFailures, refusedCommandLine } from './cli-language.js';
import { explain } from './messages.js';

function refused(args: string[]): Error & { code?: string } {
  try {
    parseArgs({ args, options: { language: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('parseArgs accepted it');
}

describe('a command line parseArgs refuses', () => {
  it('is said in the officer\'s language, the option as typed', () => {
    expect(refusedCommandLine(refused(['--frob']), CLI_WORDS.de)).toBe('Falscher Aufruf: unbekannte Option --frob (siehe --help)');
    expect(refusedCommandLine(refused(['--json=yes']), CLI_WORDS.id)).toBe('Kesalahan penggunaan: --json tidak menerima nilai (lihat --help)');
    expect(refusedCommandLine(refused(['--language']), CLI_WORDS.ja)).toBe('使い方の誤り: --language には値が必要です（--help を参照）');
    expect(refusedCommandLine(refused(['-x']), CLI_WORDS.en)).toBe('usage: unknown option -x (see --help)');
  });
});

describe('the CLI\'s own failures', () => {
  it('in German: the usage line and the coded line in German, the code kept, the error itself English', () => {
    const { usage, coded, line } = cliFailures('de');
    const wrong = usage((w) => w.countryCode);
    expect(wrong).toBeInstanceOf(UsageError);
    expect(wrong.message).toBe('--country must be an ISO 3166-1 alpha-2 code, e.g. JP');
    expect(line(wrong)).toBe('Falscher Aufruf: --country muss ein Ländercode nach ISO 3166-1 Alpha-2 sein, z. B. JP');
    const missing = coded('ERR_INPUT_INVALID', (w) => w.cannotRead(w.credentialFile, '/tmp/x.png', w.reasons.missing));
    expect(missing).toMatchObject({ code: 'ERR_INPUT_INVALID', message: 'cannot read the credential file /tmp/x.png: no such file' });
    expect(line(missing)).toBe('ERR_INPUT_INVALID: Die Nachweisdatei /tmp/x.png kann nicht gelesen werden: Datei nicht vorhanden');
  });

  it('a library\'s coded failure: the code and its plain words, not the library\'s English detail; anything else is an internal error', () => {
    const { line } = cliFailures('id');
    expect(line(new CorridorError('ERR_QR_INVALID', 'bad mode indicator at bit 12'))).toBe(`ERR_QR_INVALID: ${explain('ERR_QR_INVALID', 'id')}`);
    expect(line(new TypeError('x is undefined'))).toBe('kesalahan internal (lihat --debug)');
    // A usage error the CLI did not word (a shared helper's, operator-facing) keeps its English line.
    expect(line(new UsageError('port 8490 on 127.0.0.1 is already in use'))).toBeUndefined();
  });

  it('in English, the lines are those the errors carry', () => {
    const { usage, line } = cliFailures('en');
    expect(line(usage((w) => w.needsFile))).toBeUndefined();
    expect(line(new CorridorError('ERR_QR_INVALID', 'bad'))).toBeUndefined();
  });
});
