/**
 * Three tiers, one runner: `unit` (pure domain, no I/O), `integration` (handlers and store against
 * DynamoDB Local, started by the project's globalSetup), `e2e` (headless Chromium on the H5 build against
 * the local product). `npm test` runs all three.
 */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];

const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  // ESM-only packages must be transformed too (jose, @middy).
  transformIgnorePatterns: ['/node_modules/(?!(@middy|jose)/)'],
  moduleNameMapper: { '^@fangxin/shared$': '<rootDir>/shared/src/index.ts' },
};

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/shared/test/**/*.test.ts',
        '<rootDir>/functions/test/unit/**/*.test.ts',
        // The mini-program's pure logic only: these tests never import @tarojs/taro.
        '<rootDir>/miniapp/test/**/*.test.ts',
      ],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/functions/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/functions/test/integration/support/global-setup.ts',
      globalTeardown: '<rootDir>/functions/test/integration/support/global-teardown.ts',
      setupFiles: ['<rootDir>/functions/test/integration/support/fresh-table-name.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/e2e/support/global-teardown.ts',
    },
  ],
  // A guard against a hang, not a speed check (speed lives in bench/): a busy 2-core CI machine has run a
  // test that takes 5 s here past 30 s.
  testTimeout: 60_000,
};
