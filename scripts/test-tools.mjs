// What the tests need besides Node packages: Debian's headless Chromium (certificates, the officer's
// page) and, for the docs test that runs the docs' shell blocks, jq, curl, openssl and the sqlite3
// shell. Installs what is missing when it can (root with apt), waiting for another apt's dpkg lock
// and retrying once; otherwise, or if that fails, says exactly what to run. It never stops
// `npm test`: the tests that need a missing tool fail, each saying which.
// Run by `scripts/setup.mjs --for-tests`, or alone: `node scripts/test-tools.mjs`.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Whether a shell command succeeds (its output discarded). */
export const has = (command) => {
  try {
    execSync(command, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

export function installTestTools() {
  const chromium = process.env.CORRIDOR_CHROMIUM ?? '/usr/bin/chromium';
  const missing = [
    ...(existsSync(chromium) ? [] : ['chromium']),
    ...['jq', 'curl', 'openssl', 'sqlite3'].filter((tool) => !has(`command -v ${tool}`)),
  ];
  if (!missing.length) return;
  if (process.getuid?.() === 0 && has('apt-get --version')) {
    console.error(`corridor: installing Debian packages the tests need: ${missing.join(' ')}…`);
    // Another apt may hold the dpkg lock (unattended upgrades): wait for it, then retry once.
    const install = 'apt-get -o DPkg::Lock::Timeout=300 update -qq && ' +
      `DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq ${missing.join(' ')} > /dev/null`;
    if (!has(install) && !has(install)) {
      console.error(`corridor: could not install them (is another apt running?). Run: sudo apt-get install ${missing.join(' ')}`);
    }
  } else {
    console.error(`corridor: the tests need ${missing.join(', ')}: sudo apt-get install ${missing.join(' ')}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) installTestTools();
