// ESM all the way: unified/remark are ESM-only, so tests run as native ES modules
// (node --experimental-vm-modules) and swc strips the types without a type check
// (`tsc --noEmit` in `npm test` does that once for the whole project). Tests that run the bot or
// the command line as a process run the compiled dist/, built once by the global setup.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 30000,
};
