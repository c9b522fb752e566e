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
  testTimeout: 20000,
  // On two cores jest runs the files in its own process: a Redis client still reconnecting to a
  // redis-server a test killed must not keep `npm test` (and CI) waiting after the last result.
  forceExit: true,
};
