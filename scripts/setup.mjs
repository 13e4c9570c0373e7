// One-step set-up for a fresh machine with Node 20 and npm: pnpm, dependencies, build.
// `npm run demo` and `npm test` both run it first; it is quick when everything is in place.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (command) => execSync(command, { stdio: 'inherit' });
const has = (command) => {
  try {
    execSync(command, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

if (!has('pnpm --version')) {
  console.error('corridor: installing pnpm 10 with npm (corepack cannot fetch it here)…');
  run('npm install -g pnpm@10');
}
run('pnpm install --frozen-lockfile --prefer-offline');
run('pnpm run build');

// Certificates are printed by Debian's headless Chromium; the tests print one. Install it when
// we can (root with apt), otherwise say how: nothing else needs it.
// Tests need Debian's headless Chromium (certificates, the officer's page) and, for the docs test
// that runs the docs' shell blocks, jq, curl, openssl and the sqlite3 shell. Install what is missing
// when we can (root with apt), otherwise say exactly what to run.
const chromium = process.env.CORRIDOR_CHROMIUM ?? '/usr/bin/chromium';
if (process.argv.includes('--for-tests')) {
  const missing = [
    ...(existsSync(chromium) ? [] : ['chromium']),
    ...['jq', 'curl', 'openssl', 'sqlite3'].filter((tool) => !has(`command -v ${tool}`)),
  ];
  if (missing.length && process.getuid?.() === 0 && has('apt-get --version')) {
    console.error(`corridor: installing Debian packages the tests need: ${missing.join(' ')}…`);
    // Another apt may hold the dpkg lock (unattended upgrades): wait for it, then retry once.
    const install = 'apt-get -o DPkg::Lock::Timeout=300 update -qq && ' +
      `DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq ${missing.join(' ')} > /dev/null`;
    if (!has(install) && !has(install)) {
      console.error(`corridor: could not install them (is another apt running?). Run: sudo apt-get install ${missing.join(' ')}`);
    }
  } else if (missing.length) {
    console.error(`corridor: the tests need ${missing.join(', ')}: sudo apt-get install ${missing.join(' ')}`);
  }
}
