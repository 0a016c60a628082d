// Jest runs in native ESM mode (NestJS 12 ships ES modules only); swc strips types and keeps decorator metadata.
const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: {
    '^@kefu/models$': '<rootDir>/models/src/index.ts',
  },
  // Real ONNX sessions run in unit and e2e tests alike; see the file for why typed arrays are shared.
  testEnvironment: '<rootDir>/models/test/onnxruntime-environment.cjs',
  globalSetup: '<rootDir>/backend/test/harness/global-setup.ts',
  globalTeardown: '<rootDir>/backend/test/harness/global-teardown.ts',
};

export default {
  // e2e tests boot the app and real PostgreSQL servers; the limit is a hang guard, not a speed target.
  testTimeout: 60_000,
  // Jest's default on two cores is one worker; test files spend most of their time waiting on PostgreSQL, Chromium and
  // child processes, so two run side by side in under half the time (CI: about 14 minutes of tests became about 6).
  maxWorkers: 2,
  // Every e2e file boots the whole app in a realm of its own, and about 50 MB of each stays reachable after the file
  // ends: a worker that ran half the suite held 1-2 GB, and tearing that heap down at exit took longer than the 500 ms
  // Jest waits ("A worker process has failed to exit gracefully", with no handle left open). A worker that grows past
  // this is replaced between files.
  workerIdleMemoryLimit: '512MB',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      rootDir: '.',
      testMatch: [
        '<rootDir>/backend/src/**/*.spec.ts',
        '<rootDir>/models/src/**/*.spec.ts',
        '<rootDir>/models/test/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'e2e',
      rootDir: '.',
      testMatch: ['<rootDir>/backend/test/**/*.e2e-spec.ts'],
    },
    {
      ...shared,
      displayName: 'delivery',
      rootDir: '.',
      testMatch: ['<rootDir>/deploy/test/**/*.spec.ts'],
    },
  ],
};
