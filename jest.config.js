// ESM all the way: unified/remark are ESM-only, so tests run as native ES modules
// (node --experimental-vm-modules) and swc strips the types without a type check
// (`tsc --noEmit` in `npm test` does that once for the whole project). Tests that run the bot or
// the command line as a process run the compiled dist/, built once by the global setup, which
// also starts the one PostgreSQL server the store tests share.
import { availableParallelism } from 'node:os';

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  testTimeout: 30000,
  // Jest's default is one worker fewer than the cores: a single worker on a 2-core machine.
  // Many files here wait on child processes and sockets more than they compute, so one worker
  // per core (at least two) keeps the machine busy: 110 s → 85 s for the suite on 2 cores.
  maxWorkers: Math.max(2, availableParallelism() - 1),
};
