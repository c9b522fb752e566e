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
};
