/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', }],
  },
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  setupFiles: ['<rootDir>/test/support/setupEnv.ts'],
  // No test reaches the network beyond loopback (test/support/networkSeal.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/sealNetworkForJest.ts'],
  // 40 s: in a full run (one process, files in turn, 25 min) a Baton start in a hook once took over
  // 20 s on a loaded CI machine; a hook or test that hangs still fails, only later.
  testTimeout: 40000,
  // On two cores jest runs the files in its own process: a Redis client still reconnecting to a
  // redis-server a test killed must not keep `npm test` (and CI) waiting after the last result.
  forceExit: true,
};
