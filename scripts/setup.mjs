// One-step set-up for a fresh machine with Node 20 and npm: pnpm, dependencies, build.
// `npm run demo` and `npm test` both run it first; it is quick when everything is in place.
import { execSync } from 'node:child_process';
import { has, installTestTools } from './test-tools.mjs';

const run = (command) => execSync(command, { stdio: 'inherit' });

if (!has('pnpm --version')) {
  console.error('corridor: installing pnpm 10 with npm (corepack cannot fetch it here)…');
  run('npm install -g pnpm@10');
}
run('pnpm install --frozen-lockfile --prefer-offline');
run('pnpm run build');

// The tests' Debian tools (Chromium, jq, curl, openssl, sqlite3): installed when we can, else named.
if (process.argv.includes('--for-tests')) installTestTools();
