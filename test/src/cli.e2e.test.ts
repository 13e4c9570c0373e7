// The three command-line tools as an authority, a training centre and an officer would run them,
// each a real process on its own SQLite files. Needs the build (`npm test` does it first).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accreditationRecord, authorityRecord } from '@corridor/registry';
import {
  jpCareWorkerQualification, phCaregivingQualification, phJpCareMapping, readKeyFile, JP_CARE_WORKER_SSW,
  PH_CAREGIVING_NC_II, PH_JP_PARTNERSHIP, type PartnershipRecord,
} from '@corridor/shared';
import { anchorsDigest, anchorsOf, readOfficerDocument } from '@corridor/verifier';
import { runSync } from './run-sync.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = (name: string) => join(root, 'packages', name, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'corridor-cli-'));
const file = (name: string) => join(dir, name);

function run(name: string, ...args: string[]) {
  const result = runSync(process.execPath, [cli(name), ...args], { encoding: 'utf8', cwd: dir });
  return { code: result.status, out: result.stdout, err: result.stderr, json: () => JSON.parse(result.stdout) as Record<string, unknown> };
}
const registry = (...args: string[]) => run('registry', ...args, '--data', file('reg'));
const issuer = (...args: string[]) => run('issuer', ...args, '--data', file('iss'));
const writeJson = (name: string, value: unknown) => { writeFileSync(file(name), JSON.stringify(value)); return file(name); };

let jpDid = '';
let operatorDid = '';

beforeAll(() => {
  if (!existsSync(cli('verifier'))) throw new Error('the CLIs are not built: run `npm test` (or `npm run setup`) first');
  expect(registry('init').code).toBe(0);
  expect(registry('authority', 'keygen', '--out', file('ph.json')).code).toBe(0);
  expect(registry('authority', 'keygen', '--out', file('jp.json')).code).toBe(0);
  const ph = readKeyFile(file('ph.json'));
  const jp = readKeyFile(file('jp.json'));
  jpDid = jp.description.controller;
  operatorDid = readKeyFile(join(dir, 'reg', 'operator-key.json')).description.controller;
  const init = issuer('init', '--name', 'Manila Care Training Center', '--base-url', 'https://mctc.example.ph', '--authority', ph.description.controller, '--json');
  expect(init.code).toBe(0);
  const centre = readKeyFile(join(dir, 'iss', 'issuer-key.json'));

  const propose = (record: unknown, key: string) => registry('propose', writeJson('record.json', record), '--key', file(key), '--json');
  expect(propose(authorityRecord('urn:corridor:authority:PH:tesda', ph, 'PH', { en: 'TESDA' }), 'ph.json').code).toBe(0);
  expect(propose(authorityRecord('urn:corridor:authority:JP:mhlw', jp, 'JP', { en: 'MHLW' }), 'jp.json').code).toBe(0);
  const partnership: PartnershipRecord = {
    kind: 'partnership', id: PH_JP_PARTNERSHIP, version: 1, issuedAt: '2026-01-15T00:00:00Z', name: { en: 'PH–JP SMP' },
    authorities: [ph.description.controller, jp.description.controller], countries: ['PH', 'JP'], validFrom: '2026-01-15T00:00:00Z', status: 'active',
  };
  expect(propose(partnership, 'ph.json').json().state).toBe('proposed');
  expect(registry('sign', PH_JP_PARTNERSHIP, '--version', '1', '--key', file('jp.json'), '--json').json().state).toBe('in-force');
  expect(propose(phCaregivingQualification(ph.description.controller), 'ph.json').code).toBe(0);
  expect(propose(jpCareWorkerQualification(jp.description.controller), 'jp.json').code).toBe(0);
  expect(propose(accreditationRecord({
    id: 'urn:corridor:accreditation:PH:mctc', authority: ph, trainingBody: centre, name: 'Manila Care Training Center', country: 'PH', baseUrl: 'https://mctc.example.ph',
    qualifications: [PH_CAREGIVING_NC_II], validFrom: '2026-01-01T00:00:00Z',
  }), 'ph.json').code).toBe(0);
  const { satisfiedBy: _a, ...language } = phJpCareMapping().conditions[0]!;
  const { satisfiedBy: _b, ...bridging } = phJpCareMapping().conditions[1]!;
  expect(propose({ ...phJpCareMapping(), conditions: [language, bridging] }, 'ph.json').json().state).toBe('proposed');
  expect(registry('sign', phJpCareMapping().id, '--version', '1', '--key', file('jp.json'), '--json').json().state).toBe('in-force');
  expect(registry('export-pack', '--country', 'PH', '--out', file('pack-PH.json')).code).toBe(0);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cohorts from a CSV file', () => {
  const header = 'name,birth_date,qualification,assessment_date,route';
  const row = (i: number) => `Worker ${i},1990-01-${String((i % 28) + 1).padStart(2, '0')},${PH_CAREGIVING_NC_II},2026-10-30,training`;

  it('issues the good rows, reports the bad ones by line, and a re-run issues nothing twice', () => {
    const csv = [header, row(1), row(2), 'Bad Date,12/04/1996,x,2026-10-30,training', row(3), `Other,1990-01-01,${JP_CARE_WORKER_SSW},2026-10-30,training`, row(4), row(5)].join('\n');
    writeFileSync(file('cohort.csv'), csv);
    const first = issuer('issue-batch', file('cohort.csv'), '--pack', file('pack-PH.json'), '--out', file('cohort'), '--json');
    expect(first.code).toBe(1);
    expect(first.json()).toMatchObject({ issued: 5, alreadyIssued: 0 });
    expect((first.json().problems as { line: number; code: string }[]).map((p) => [p.line, p.code])).toEqual([[4, 'ERR_INPUT_INVALID'], [6, 'ERR_ISSUER_NOT_ACCREDITED']]);
    expect(readdirSync(file('cohort')).filter((f) => f.endsWith('.png'))).toHaveLength(5);
    expect(readdirSync(file('cohort'))).toContain('errors.csv');
    const again = issuer('issue-batch', file('cohort.csv'), '--pack', file('pack-PH.json'), '--out', file('cohort'), '--json');
    expect(again.json()).toMatchObject({ issued: 0, alreadyIssued: 5 });
  });

  it('refuses rows whose names or dates it will not sign, with the same checks as the VC-API, by line and code in errors.csv', () => {
    const future = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
    const csv = [header, row(600),
      `Bad Day,2024-02-30,${PH_CAREGIVING_NC_II},2026-10-30,training`,
      `Nul\u0000Name,1990-01-01,${PH_CAREGIVING_NC_II},2026-10-30,training`,
      `C1\u0085Name,1990-01-01,${PH_CAREGIVING_NC_II},2026-10-30,training`,
      `Bidi \u202eemaN,1990-01-01,${PH_CAREGIVING_NC_II},2026-10-30,training`,
      `Unborn,${future},${PH_CAREGIVING_NC_II},2026-10-30,training`,
      `Early,1990-01-01,${PH_CAREGIVING_NC_II},${future},training`,
      `Before Birth,1990-01-01,${PH_CAREGIVING_NC_II},1989-12-31,training`,
      `Leap Day,2004-02-29,${PH_CAREGIVING_NC_II},2026-10-30,training`,
    ].join('\n');
    writeFileSync(file('refused.csv'), csv);
    const done = issuer('issue-batch', file('refused.csv'), '--pack', file('pack-PH.json'), '--out', file('refused'), '--json');
    expect(done.code).toBe(1);
    expect(done.json()).toMatchObject({ issued: 2 });
    const problems = done.json().problems as { line: number; code: string; message: string }[];
    expect(problems.map((p) => [p.line, p.code])).toEqual([3, 4, 5, 6, 7, 8, 9].map((line) => [line, 'ERR_PROPERTY_REFUSED']));
    expect(problems.map((p) => p.message.split(' ')[0])).toEqual(['birth_date', 'name', 'name', 'name', 'birth_date', 'assessment_date', 'assessment_date']);
    const errors = readFileSync(join(file('refused'), 'errors.csv'), 'utf8');
    expect(errors).toMatch(/^line,code,message\n3,ERR_PROPERTY_REFUSED,/);
    expect(errors).not.toMatch(/Nul|Bidi|Unborn/);
  });

  it('writes only the files asked for with --files, and refuses an unknown kind as a usage error', () => {
    writeFileSync(file('few.csv'), [header, row(900), row(901)].join('\n'));
    const done = issuer('issue-batch', file('few.csv'), '--pack', file('pack-PH.json'), '--out', file('few'), '--files', 'json,PNG', '--json');
    expect(done.code).toBe(0);
    expect(readdirSync(file('few')).map((f) => f.split('.').pop()).sort()).toEqual(['json', 'json', 'png', 'png']);
    const bad = issuer('issue-batch', file('few.csv'), '--pack', file('pack-PH.json'), '--out', file('few'), '--files', 'json,docx');
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/--files/);
  });

  it('with --pdf, prints every certificate into one PDF, whichever files are asked for', () => {
    writeFileSync(file('print.csv'), [header, row(700), row(701)].join('\n'));
    for (const [files, out] of [['json,png', 'print-a'], ['json,html', 'print-b']] as const) {
      const done = issuer('issue-batch', file('print.csv'), '--pack', file('pack-PH.json'), '--out', file(out), '--files', files, '--pdf', '--json');
      expect(done.code).toBe(0);
      const written = readdirSync(file(out));
      expect(written.filter((f) => f !== 'certificates.pdf').map((f) => f.split('.').pop()).sort()).toEqual([...files.split(','), ...files.split(',')].sort());
      expect(readFileSync(join(file(out), 'certificates.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      // The PDF is named where it was written, to a script and to the person at the terminal.
      expect(done.json().pdf).toBe(join(file(out), 'certificates.pdf'));
    }
    // One good row and one bad: the counts read as English does.
    writeFileSync(file('print-one.csv'), [header, row(702), 'Bad Row,1990-13-01,x,2026-10-30,training'].join('\n'));
    const told = issuer('issue-batch', file('print-one.csv'), '--pack', file('pack-PH.json'), '--out', file('print-c'), '--pdf');
    expect(told.out).toContain(`issued 1 new, 0 already issued, 1 row with problems (see ${join(file('print-c'), 'errors.csv')})`);
    expect(told.out).toContain(`\nwrote ${join(file('print-c'), 'certificates.pdf')} (1 certificate, a page each)\n`);
  }, 60_000);

  it('a row repeated in the file is reported by line and issued once, in the same batch or another', () => {
    writeFileSync(file('dups.csv'), [header, row(800), row(801), row(800), ...Array.from({ length: 70 }, (_, i) => row(810 + i)), row(801)].join('\n'));
    const done = issuer('issue-batch', file('dups.csv'), '--pack', file('pack-PH.json'), '--out', file('dups'), '--json');
    expect(done.code).toBe(1);
    expect(done.json()).toMatchObject({ issued: 72, alreadyIssued: 0 });
    expect((done.json().problems as { line: number; code: string; message: string }[]).map((p) => [p.line, p.code, p.message])).toEqual([
      [4, 'ERR_CONFLICT', 'this row repeats line 2: one credential is issued for both'],
      [75, 'ERR_CONFLICT', 'this row repeats line 3: one credential is issued for both'],
    ]);
    expect(readdirSync(file('dups')).filter((f) => f.endsWith('.json'))).toHaveLength(72);
  });

  it('an 80 MB CSV is refused by its size before it is read; a missing one is named with the reason; `list` shows the worker\'s name', () => {
    truncateSync(writeJson('huge.csv', ''), 80 * 1_048_576);
    const huge = issuer('issue-batch', file('huge.csv'), '--pack', file('pack-PH.json'), '--out', file('huge'));
    expect(huge.code).toBe(3);
    expect(huge.err).toMatch(/^ERR_PAYLOAD_TOO_LARGE: the cohort file .*huge\.csv is 80 MB; a cohort file holds at most 32 MB/);
    const missing = issuer('issue-batch', file('missing.csv'), '--pack', file('pack-PH.json'));
    expect(missing.err).toContain(`cannot read the cohort file ${file('missing.csv')}: no such file`);
    expect(issuer('list', '--limit', '3').out).toMatch(/ Worker \d+  urn:corridor:qualification:/);
  });

  it('killed with SIGKILL mid-run, a re-run finishes the job: nothing lost, nothing doubled, no index reused', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(100 + i));
    writeFileSync(file('big.csv'), [header, ...rows].join('\n'));
    const before = issuer('list', '--limit', '100000', '--json').json() as unknown as unknown[];
    const child = spawn(process.execPath, [cli('issuer'), 'issue-batch', file('big.csv'), '--pack', file('pack-PH.json'), '--out', file('big'), '--data', file('iss')], { cwd: dir });
    await new Promise<void>((resolve) => {
      let seen = '';
      child.stderr.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const done = [...seen.matchAll(/(\d+)\/300 rows/g)].map((m) => Number(m[1]));
        if (Math.max(0, ...done) >= 30) { child.kill('SIGKILL'); resolve(); }
      });
      child.once('exit', () => resolve());
    });
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
    const partial = (issuer('list', '--limit', '100000', '--json').json() as unknown as unknown[]).length - before.length;
    expect(partial).toBeLessThan(300);
    const rerun = issuer('issue-batch', file('big.csv'), '--pack', file('pack-PH.json'), '--out', file('big'), '--json', '--debug');
    expect({ code: rerun.code, err: rerun.err }).toEqual({ code: 0, err: expect.any(String) });
    expect(rerun.json().issued as number + (rerun.json().alreadyIssued as number)).toBe(300);
    const after = issuer('list', '--limit', '100000', '--json').json() as unknown as { id: string; listId: number; statusIndex: number }[];
    expect(after.length - before.length).toBe(300);
    expect(new Set(after.map((c) => c.id)).size).toBe(after.length);
    expect(new Set(after.map((c) => `${c.listId}:${c.statusIndex}`)).size).toBe(after.length);
    expect(readdirSync(file('big')).filter((f) => f.endsWith('.json'))).toHaveLength(300);
    expect(readdirSync(file('big')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});

describe('the command-line tools, end to end', () => {
  it('a centre issues from the pack, publishes its status list, and the officer verifies the PNG offline', () => {
    const issued = issuer('issue', '--pack', file('pack-PH.json'), '--qualification', PH_CAREGIVING_NC_II, '--name', 'Maria Santos',
      '--birth-date', '1996-04-12', '--assessed', '2026-10-30', '--out', file('out'), '--json');
    expect(issued.code).toBe(0);
    const png = (issued.json().files as string[]).find((f) => f.endsWith('.png'))!;
    expect(readdirSync(file('out')).sort().join()).not.toMatch(/maria|santos/i);
    // Every file written is named, in the JSON and to the person at the terminal, and nothing else is.
    const listed = issued.json().files as string[];
    expect(listed.map((f) => f.split('.').pop()).sort()).toEqual(['html', 'json', 'png', 'svg']);
    expect(readdirSync(file('out')).map((f) => join(file('out'), f)).sort()).toEqual([...listed].sort());
    const told = issuer('issue', '--pack', file('pack-PH.json'), '--qualification', PH_CAREGIVING_NC_II, '--name', 'Ana Reyes',
      '--birth-date', '1996-04-12', '--assessed', '2026-10-30', '--out', file('out-told'));
    expect(told.out.match(/^wrote .+$/gm)?.map((line) => line.split('.').pop()).sort()).toEqual(['html', 'json', 'png', 'svg']);

    expect(issuer('status-lists', '--out', file('lists')).code).toBe(0);
    expect(registry('push-status-list', join(file('lists'), 'status-list-1.json')).code).toBe(0);
    expect(registry('export-pack', '--country', 'JP', '--out', file('pack-JP.json')).code).toBe(0);

    const verdict = run('verifier', 'verify', png, '--trust-pack', file('pack-JP.json'), '--registry-key', operatorDid, '--country', 'JP', '--root', jpDid, '--json');
    expect(verdict.code).toBe(0);
    expect(verdict.json()).toMatchObject({ verdict: 'valid', recognition: { outcome: 'partial', destination: { qualification: { id: JP_CARE_WORKER_SSW } } } });
    const human = run('verifier', 'verify', png, '--trust-pack', file('pack-JP.json'), '--registry-key', operatorDid, '--country', 'JP', '--root', jpDid);
    expect(human.out).toMatch(/^VALID/);
    expect(human.out).toMatch(/Recognised with conditions/);
    const japanese = run('verifier', 'verify', png, '--trust-pack', file('pack-JP.json'), '--registry-key', operatorDid, '--country', 'JP', '--root', jpDid, '--language', 'ja');
    expect(japanese.out).toMatch(/^有効/);
    expect(japanese.out).toMatch(/条件付きで認定/);
    // The verifier keeps no record of whom it verified: nothing was written anywhere by those runs.
    expect(existsSync(join(dir, '.corridor'))).toBe(false);
    expect(registry('audit').code).toBe(0);
    // No mapping for further study: authentic, but recognition cannot be confirmed → exit 2.
    const study = run('verifier', 'verify', png, '--trust-pack', file('pack-JP.json'), '--registry-key', operatorDid, '--country', 'JP', '--root', jpDid, '--purpose', 'further-study', '--json');
    expect(study.code).toBe(2);
    expect(study.json().verdict).toBe('indeterminate');
  });

  it('serves the verifier over HTTPS with a given certificate, for third-party conformance suites', async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', file('tls-key.pem'), '-out', file('tls-cert.pem')], { stdio: 'ignore', timeout: 60_000 });
    const child = spawn(process.execPath, [cli('verifier'), 'serve', '--port', '0', '--country', 'JP', '--root', jpDid,
      '--trust-pack', file('pack-JP.json'), '--registry-key', operatorDid, '--tls-cert', file('tls-cert.pem'), '--tls-key', file('tls-key.pem')],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CORRIDOR_PACK_CHECK_MS: '200' } });
    try {
      let printed = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => { printed += chunk.toString(); const m = /listening on (https:\/\/\S+)/.exec(printed); if (m) resolve(m[1]!); });
        child.once('exit', (code) => reject(new Error(`verifier exited ${code}`)));
      });
      const credential = readFileSync(readdirSync(file('out')).filter((f) => f.endsWith('.json')).map((f) => join(file('out'), f))[0]!, 'utf8');
      const call = (path: string, body?: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpsRequest(`${url}${path}`, {
          method: body ? 'POST' : 'GET', ca: readFileSync(file('tls-cert.pem')), headers: body ? { 'content-type': 'application/json' } : {},
        }, (response) => {
          let text = '';
          response.on('data', (c: Buffer) => { text += c.toString(); });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        });
        request.once('error', reject);
        request.end(body);
      });
      const answer = await call('/credentials/verify', JSON.stringify({ verifiableCredential: JSON.parse(credential) }));
      // The officer's page and what it needs to verify on the device come from the same server.
      const page = await call('/officer/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('app.js');
      // The pack goes to the page as the operator signed it: the page checks the signature itself.
      const trust = JSON.parse((await call('/officer/trust.json')).body) as { pack: { payload: string } };
      expect(trust).toMatchObject({ format: 'corridor-officer-trust/2', country: 'JP', roots: [jpDid], maxStatusAgeSeconds: 7 * 86400, deltas: [] });
      expect(trust.pack).toEqual(JSON.parse(readFileSync(file('pack-JP.json'), 'utf8')));
      // The setup link an administrator takes to a new device names exactly these anchors.
      for (let i = 0; i < 50 && !printed.includes('#pin='); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(printed).toContain(`${url}/officer/#pin=${anchorsDigest(anchorsOf(readOfficerDocument(trust)))}`);
      const issuedAtOf = (document: { pack: { payload: string } }) => (JSON.parse(Buffer.from(document.pack.payload, 'base64url').toString('utf8')) as { issuedAt: string }).issuedAt;
      // A newer pack written beside it is served without a restart.
      const before = issuedAtOf(trust);
      expect(registry('export-pack', '--country', 'JP', '--out', file('pack-JP.json')).code).toBe(0);
      let after = before;
      for (let i = 0; i < 100 && after === before; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = issuedAtOf(JSON.parse((await call('/officer/trust.json')).body) as { pack: { payload: string } });
      }
      expect(after).not.toBe(before);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ verified: true });
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses to issue a qualification the centre is not accredited for', () => {
    const refused = issuer('issue', '--pack', file('pack-PH.json'), '--qualification', JP_CARE_WORKER_SSW, '--name', 'X', '--birth-date', '1990-01-01', '--assessed', '2026-10-30');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^ERR_QUALIFICATION_UNKNOWN|^ERR_ISSUER_NOT_ACCREDITED/);
  });

  it('issue refuses names and dates it will not sign (exit 3, coded), and signs --valid-until as asked', () => {
    const future = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
    const issue = (...args: string[]) => issuer('issue', '--pack', file('pack-PH.json'), '--qualification', PH_CAREGIVING_NC_II, '--out', file('out-refused'), '--json', ...args);
    const worker = { '--name': 'Ana Reyes', '--birth-date': '1998-07-21', '--assessed': '2026-10-30' };
    const withOverrides = (overrides: Record<string, string>) => Object.entries({ ...worker, ...overrides }).flat();
    for (const overrides of [
      { '--name': 'Ana\u0085Reyes' }, { '--name': 'Ana \u202eseyeR' }, { '--birth-date': '2024-02-30' }, { '--birth-date': future },
      { '--assessed': future }, { '--assessed': '1998-07-20' }, { '--assessed': '2026-02-29' }, { '--valid-until': '2026-01-01' }, { '--valid-until': '2031-02-30' },
    ]) {
      const refused = issue(...withOverrides(overrides));
      expect([refused.code, (JSON.parse(refused.err) as { code: string }).code]).toEqual([3, 'ERR_PROPERTY_REFUSED']);
      expect(refused.err).not.toMatch(/Ana|Reyes|1998/);
    }
    expect(existsSync(file('out-refused'))).toBe(false);
    const issued = issue(...withOverrides({ '--valid-until': '2031-12-01' }));
    expect(issued.code).toBe(0);
    const json = (issued.json().files as string[]).find((f) => f.endsWith('.json'))!;
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ validUntil: '2031-12-01T23:59:59Z' });
  });

  it('writes private keys 0600 and never prints them', () => {
    for (const key of [file('ph.json'), file('jp.json'), join(dir, 'iss', 'issuer-key.json'), join(dir, 'reg', 'operator-key.json')]) {
      expect(statSync(key).mode & 0o777).toBe(0o600);
    }
  });

  it('gives exit 3 and a coded line for garbage input, a missing root or an unknown flag', () => {
    const garbage = run('verifier', 'verify', writeJson('garbage.txt', 'hello'), '--trust-pack', file('pack-JP.json'), '--registry-key', operatorDid, '--country', 'JP', '--root', jpDid);
    expect(garbage.code).toBe(3);
    expect(garbage.err).toMatch(/^ERR_INPUT_INVALID: /);
    expect(run('verifier', 'verify', file('garbage.txt'), '--trust-pack', file('pack-JP.json'), '--registry-key', operatorDid, '--country', 'JP').code).toBe(3);
    expect(run('verifier', 'verify', '--bogus').code).toBe(3);
    const badPack = run('verifier', 'verify', file('garbage.txt'), '--trust-pack', file('garbage.txt'), '--registry-key', operatorDid, '--country', 'JP', '--root', jpDid);
    expect(badPack.code).toBe(3);
    expect(badPack.err).toMatch(/^ERR_TRUST_PACK_INVALID/);
  });

  it('every CLI\'s error about an input file names the file and the reason (missing, a directory, not JSON), never its content', () => {
    const notJson = file('notes.json');
    writeFileSync(notJson, '{"name": "Maria Santos", oops');
    const missing = file('nowhere.json');
    const failures = [
      registry('propose', missing, '--key', file('ph.json')),
      registry('propose', notJson, '--key', file('ph.json')),
      registry('propose', writeJson('empty.json', {}), '--key', missing),
      registry('push-status-list', dir),
      issuer('issue', '--pack', missing, '--qualification', PH_CAREGIVING_NC_II, '--name', 'A B', '--birth-date', '1990-01-01', '--assessed', '2026-10-30'),
      issuer('issue', '--pack', notJson, '--qualification', PH_CAREGIVING_NC_II, '--name', 'A B', '--birth-date', '1990-01-01', '--assessed', '2026-10-30'),
      issuer('issue-batch', dir, '--pack', file('pack-PH.json')),
      run('verifier', 'verify', file('garbage.txt'), '--trust-pack', notJson, '--registry-key', operatorDid, '--country', 'JP', '--root', jpDid),
      registry('serve', '--port', '0', '--tls-cert', missing, '--tls-key', missing),
    ];
    expect(failures.map((f) => [f.code, f.err])).toEqual([
      [3, `ERR_INPUT_INVALID: cannot read the record file ${missing}: no such file\n`],
      [3, `ERR_INPUT_INVALID: the record file ${notJson} is not JSON\n`],
      [3, `ERR_INPUT_INVALID: cannot read the key file ${missing}: no such file\n`],
      [3, `ERR_INPUT_INVALID: cannot read the status list file ${dir}: it is a directory\n`],
      [3, `ERR_TRUST_PACK_INVALID: cannot read the trust pack file ${missing}: no such file\n`],
      [3, `ERR_TRUST_PACK_INVALID: the trust pack file ${notJson} is not JSON\n`],
      [3, `ERR_INPUT_INVALID: cannot read the cohort file ${dir}: it is a directory\n`],
      [3, `ERR_TRUST_PACK_INVALID: the trust pack file ${notJson} is not JSON\n`],
      [3, `ERR_INPUT_INVALID: cannot read the TLS certificate file ${missing}: no such file\n`],
    ]);
  });
});

describe('key rotation', () => {
  it('a new key issues nothing until accredited; the old key still signs its status lists', () => {
    const oldCredential = (issuer('list', '--name', 'Maria Santos', '--json').json() as unknown as { id: string }[])[0]!.id;
    const rotated = issuer('rotate-key', '--json');
    expect(rotated.code).toBe(0);
    const newDid = rotated.json().did as string;
    expect(statSync(join(dir, 'iss', 'issuer-key.json')).mode & 0o777).toBe(0o600);
    const issueArgs = ['--qualification', PH_CAREGIVING_NC_II, '--name', 'After Rotation', '--birth-date', '1990-01-01', '--assessed', '2026-10-30', '--out', file('rotated')];
    const refused = issuer('issue', '--pack', file('pack-PH.json'), ...issueArgs);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^ERR_ISSUER_UNKNOWN/);

    const ph = readKeyFile(file('ph.json'));
    writeJson('accredit-new.json', { ...accreditationRecord({
      id: 'urn:corridor:accreditation:PH:mctc-2', authority: ph, trainingBody: readKeyFile(join(dir, 'iss', 'issuer-key.json')), name: 'Manila Care Training Center', country: 'PH', baseUrl: 'https://mctc.example.ph',
      qualifications: [PH_CAREGIVING_NC_II], validFrom: '2026-01-01T00:00:00Z',
    }) });
    expect(registry('propose', file('accredit-new.json'), '--key', file('ph.json')).code).toBe(0);
    expect(registry('export-pack', '--country', 'PH', '--out', file('pack-PH2.json')).code).toBe(0);
    const issued = issuer('issue', '--pack', file('pack-PH2.json'), ...issueArgs, '--json');
    expect(issued.code).toBe(0);

    expect(issuer('revoke', oldCredential).code).toBe(0);
    const lists = issuer('status-lists', '--out', file('lists2'), '--json').json().files as string[];
    const issuers = lists.map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { issuer: string }).issuer);
    expect(new Set(issuers).size).toBe(2);
    expect(issuers).toContain(newDid);
    for (const list of lists) expect(registry('push-status-list', list).code).toBe(0);

    // After the next sync, the officer rejects the revoked one and accepts a printed cohort certificate.
    expect(registry('export-pack', '--country', 'JP', '--out', file('pack-JP2.json')).code).toBe(0);
    const verify = (png: string) => run('verifier', 'verify', png, '--trust-pack', file('pack-JP2.json'), '--registry-key', operatorDid, '--country', 'JP', '--root', jpDid, '--json');
    const revoked = verify(join(file('out'), `${oldCredential.replace('urn:uuid:', '')}.png`));
    expect(revoked.code).toBe(1);
    expect((revoked.json().checks as { id: string; code?: string }[]).find((c) => c.id === 'status')?.code).toBe('ERR_CREDENTIAL_REVOKED');
    const cohortPng = readdirSync(file('cohort')).find((f) => f.endsWith('.png'))!;
    expect(verify(join(file('cohort'), cohortPng)).code).toBe(0);
    expect(verify(join(file('rotated'), `${(issued.json().id as string).replace('urn:uuid:', '')}.png`)).code).toBe(0);
  });
});
