// Jest in native ESM mode (NODE_OPTIONS=--experimental-vm-modules): ts-jest compiles each
// file on its own (isolatedModules), `tsc -b` does the type checking. `@corridor/*` maps
// to sources, so tests never need a build first.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const moduleNameMapper = {
  '^@corridor/shared$': `${root}shared/src/index.ts`,
  '^@corridor/(issuer|verifier|registry)$': `${root}packages/$1/src/index.ts`,
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
};
const project = (displayName, dir, testMatch) => ({
  displayName,
  rootDir: `${root}${dir}`,
  testMatch,
  moduleNameMapper,
  transform,
  extensionsToTreatAsEsm: ['.ts'],
  testEnvironment: 'node',
  // Every test runs with outbound network refused: only loopback is allowed; and in an English locale.
  setupFiles: [`${root}test/setup/no-network.cjs`, `${root}test/setup/english-locale.cjs`],
});

export default {
  testTimeout: 30_000,
  // The progress reporter feeds scripts/test.mjs's watchdog; it prints nothing itself.
  reporters: ['default', `${root}test/setup/progress-reporter.cjs`],
  projects: [
    project('shared', 'shared', ['<rootDir>/src/**/*.test.ts']),
    project('registry', 'packages/registry', ['<rootDir>/src/**/*.test.ts']),
    project('issuer', 'packages/issuer', ['<rootDir>/src/**/*.test.ts']),
    project('verifier', 'packages/verifier', ['<rootDir>/src/**/*.test.ts']),
    project('e2e', 'test', ['<rootDir>/**/*.e2e.test.ts']),
  ],
};
